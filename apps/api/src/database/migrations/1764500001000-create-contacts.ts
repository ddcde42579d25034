import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts, their typed attribute definitions and their channel identities (issue 8 §2). An erased contact keeps
 * its row (for anonymous counts) with every personal field cleared; a merged contact points at its survivor.
 */
export class CreateContacts1764500001000 implements MigrationInterface {
  name = 'CreateContacts1764500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attribute_definitions (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[A-Za-z_][A-Za-z0-9_]{0,63}$'),
        label text NOT NULL DEFAULT '',
        type text NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date', 'datetime', 'enum')),
        enum_values text[],
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        external_id text CHECK (length(external_id) BETWEEN 1 AND 200),
        phone text CHECK (phone ~ '^84[0-9]{9,10}$'),
        email text CHECK (length(email) <= 254),
        name text CHECK (length(name) <= 200),
        attributes jsonb NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        score integer NOT NULL DEFAULT 0,
        do_not_contact boolean NOT NULL DEFAULT false,
        consents jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        merged_into uuid REFERENCES contacts (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX contacts_external_id_key ON contacts (workspace_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX contacts_phone_key ON contacts (workspace_id, phone) WHERE phone IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX contacts_email_key ON contacts (workspace_id, lower(email)) WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX contacts_workspace_created_idx ON contacts (workspace_id, created_at, id)`,
    );
    await queryRunner.query(`CREATE INDEX contacts_tags_idx ON contacts USING gin (tags)`);
    await queryRunner.query(
      `CREATE INDEX contacts_attributes_idx ON contacts USING gin (attributes jsonb_path_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE contact_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('zalo')),
        oa_id text NOT NULL,
        external_user_id text NOT NULL,
        follower boolean NOT NULL DEFAULT false,
        followed_at timestamptz,
        last_interaction_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, kind, oa_id, external_user_id)
      )`);
    await queryRunner.query(`CREATE INDEX contact_identities_contact_idx ON contact_identities (contact_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['contact_identities', 'contacts', 'attribute_definitions'])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
