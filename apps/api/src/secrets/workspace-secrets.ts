import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import { SecretBox } from './secret-box';

export const WORKSPACE_SECRET_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export interface WorkspaceSecretView {
  name: string;
  createdAt: string;
  updatedAt: string;
}

interface SecretRow {
  name: string;
  created_at: Date;
  updated_at: Date;
}

function viewOf(row: SecretRow): WorkspaceSecretView {
  return { name: row.name, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

export function workspaceSecretContext(secretId: string): string {
  return `workspace_secrets.value:${secretId}`;
}

/**
 * A workspace's named secrets (e.g. an API token an HTTP step sends as a header), sealed at rest. Values are only
 * ever revealed to the code that uses them; never log or return them.
 */
@Injectable()
export class WorkspaceSecrets {
  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
  ) {}

  /** Sets the secret (creating or replacing it); answers what may be shown of it. */
  async put(workspaceId: string, name: string, value: string): Promise<WorkspaceSecretView> {
    if (!WORKSPACE_SECRET_NAME.test(name))
      throw new Error('A secret name is 1-100 letters, digits, _ . or -');
    return this.db.transaction(async (manager) => {
      // A name not yet stored has no row to lock: concurrent puts of one name take turns on this lock instead, so
      // the later one finds the row (and its id, the sealing context) and replaces its value.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `workspace-secret:${workspaceId}:${name}`,
      ]);
      const [existing] = returnedRows<{ id: string }>(
        await manager.query('SELECT id FROM workspace_secrets WHERE workspace_id = $1 AND name = $2', [
          workspaceId,
          name,
        ]),
      );
      const id = existing?.id ?? randomUUID();
      const sealed = this.box.seal(value, workspaceSecretContext(id));
      const [row] = returnedRows<SecretRow>(
        await manager.query(
          `INSERT INTO workspace_secrets (id, workspace_id, name, value_ciphertext, value_key_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET value_ciphertext = EXCLUDED.value_ciphertext,
             value_key_id = EXCLUDED.value_key_id, updated_at = now()
           RETURNING name, created_at, updated_at`,
          [id, workspaceId, name, sealed.ciphertext, sealed.keyId],
        ),
      );
      return viewOf(row as SecretRow);
    });
  }

  /** The workspace's secrets by name, without their values. */
  async list(workspaceId: string): Promise<WorkspaceSecretView[]> {
    const rows = returnedRows<SecretRow>(
      await this.db.query(
        'SELECT name, created_at, updated_at FROM workspace_secrets WHERE workspace_id = $1 ORDER BY name',
        [workspaceId],
      ),
    );
    return rows.map(viewOf);
  }

  /** Deletes the secret; false when the workspace has none of that name. */
  async remove(workspaceId: string, name: string): Promise<boolean> {
    const rows = returnedRows<{ name: string }>(
      await this.db.query(
        'DELETE FROM workspace_secrets WHERE workspace_id = $1 AND name = $2 RETURNING name',
        [workspaceId, name],
      ),
    );
    return rows.length > 0;
  }

  /** The secret's value, or undefined when the workspace has no secret of that name. */
  async reveal(workspaceId: string, name: string): Promise<string | undefined> {
    const [row] = returnedRows<{ id: string; value_ciphertext: string; value_key_id: string }>(
      await this.db.query(
        'SELECT id, value_ciphertext, value_key_id FROM workspace_secrets WHERE workspace_id = $1 AND name = $2',
        [workspaceId, name],
      ),
    );
    if (!row) return undefined;
    return this.box.open(
      { keyId: row.value_key_id, ciphertext: row.value_ciphertext },
      workspaceSecretContext(row.id),
    );
  }
}
