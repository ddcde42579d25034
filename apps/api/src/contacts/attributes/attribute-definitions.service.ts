import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { problems } from '../../http/problem';
import { lockDefinitions, selectRows, workspaceTimezone } from '../contact-store';
import type { AttributeDefinition, AttributeType } from './attribute-definition';
import { coerceAttribute } from './coerce-attribute';

export interface AttributeDefinitionView extends AttributeDefinition {
  createdAt: string;
  updatedAt: string;
}

interface DefinitionRow {
  key: string;
  label: string;
  type: AttributeType;
  enum_values: string[] | null;
  created_at: Date;
  updated_at: Date;
}

export interface DefinitionChange {
  label?: string;
  type?: AttributeType;
  enumValues?: string[] | null;
}

/**
 * The workspace's typed contact attributes. Declaring or retyping an attribute checks the values contacts already
 * hold: all of them are converted to the new type, or none is and the answer is a 409 with the count that cannot be.
 */
@Injectable()
export class AttributeDefinitionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(workspaceId: string): Promise<AttributeDefinitionView[]> {
    const rows = await selectRows<DefinitionRow>(
      this.dataSource.manager,
      'SELECT * FROM attribute_definitions WHERE workspace_id = $1 ORDER BY key',
      [workspaceId],
    );
    return rows.map(toView);
  }

  async create(
    workspaceId: string,
    input: { key: string; label?: string; type: AttributeType; enumValues?: string[] | null },
  ): Promise<AttributeDefinitionView> {
    return this.dataSource.transaction(async (manager) => {
      await lockDefinitions(manager, workspaceId, 'exclusive');
      if (await this.find(manager, workspaceId, input.key))
        throw problems.conflict(`Attribute ${input.key} is already defined`, {
          errors: [{ in: 'body', field: 'key', message: 'is already defined' }],
        });
      const definition = checked({
        key: input.key,
        label: input.label ?? input.key,
        type: input.type,
        enumValues: input.enumValues ?? null,
      });
      await this.convertValues(manager, workspaceId, definition);
      const [row] = await selectRows<DefinitionRow>(
        manager,
        `INSERT INTO attribute_definitions (workspace_id, key, label, type, enum_values)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [workspaceId, definition.key, definition.label, definition.type, definition.enumValues],
      );
      return toView(row);
    });
  }

  async update(workspaceId: string, key: string, change: DefinitionChange): Promise<AttributeDefinitionView> {
    return this.dataSource.transaction(async (manager) => {
      await lockDefinitions(manager, workspaceId, 'exclusive');
      const current = await this.find(manager, workspaceId, key);
      if (!current) throw problems.notFound('Attribute definition');
      const type = change.type ?? current.type;
      const definition = checked({
        key,
        label: change.label ?? current.label,
        type,
        enumValues:
          type !== 'enum' ? null : change.enumValues !== undefined ? change.enumValues : current.enum_values,
      });
      if (definition.type !== current.type || !sameValues(definition.enumValues, current.enum_values))
        await this.convertValues(manager, workspaceId, definition);
      const [row] = await selectRows<DefinitionRow>(
        manager,
        `UPDATE attribute_definitions SET label = $3, type = $4, enum_values = $5, updated_at = now()
          WHERE workspace_id = $1 AND key = $2 RETURNING *`,
        [workspaceId, key, definition.label, definition.type, definition.enumValues],
      );
      return toView(row);
    });
  }

  /** Forgets the definition; contacts keep their values, from now on as untyped attributes. */
  async remove(workspaceId: string, key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockDefinitions(manager, workspaceId, 'exclusive');
      const rows = await selectRows<{ key: string }>(
        manager,
        'DELETE FROM attribute_definitions WHERE workspace_id = $1 AND key = $2 RETURNING key',
        [workspaceId, key],
      );
      if (rows.length === 0) throw problems.notFound('Attribute definition');
    });
  }

  private async find(
    manager: EntityManager,
    workspaceId: string,
    key: string,
  ): Promise<DefinitionRow | undefined> {
    const rows = await selectRows<DefinitionRow>(
      manager,
      'SELECT * FROM attribute_definitions WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key],
    );
    return rows[0];
  }

  /** Rewrites every live contact's value of the attribute in the definition's type, or refuses with a 409. */
  private async convertValues(manager: EntityManager, workspaceId: string, definition: AttributeDefinition) {
    const timezone = (await workspaceTimezone(manager, workspaceId)) ?? 'UTC';
    const rows = await selectRows<{ id: string; value: unknown }>(
      manager,
      `SELECT id, attributes -> $2::text AS value FROM contacts
        WHERE workspace_id = $1 AND attributes -> $2::text IS NOT NULL FOR UPDATE`,
      [workspaceId, definition.key],
    );
    const converted: { id: string; value: string }[] = [];
    let invalid = 0;
    for (const row of rows) {
      const result = coerceAttribute(row.value, definition, timezone);
      if (!result.ok) invalid += 1;
      else if (JSON.stringify(result.value) !== JSON.stringify(row.value))
        converted.push({ id: row.id, value: JSON.stringify(result.value) });
    }
    if (invalid > 0)
      throw problems.conflict(
        `${invalid} contact(s) hold a value of ${definition.key} that is not a valid ${definition.type}`,
        { invalidCount: invalid },
      );
    if (converted.length === 0) return;
    await manager.query(
      `UPDATE contacts c SET attributes = jsonb_set(c.attributes, ARRAY[$2::text], v.value)
         FROM (SELECT unnest($3::uuid[]) AS id, unnest($4::jsonb[]) AS value) v
        WHERE c.workspace_id = $1 AND c.id = v.id`,
      [workspaceId, definition.key, converted.map((row) => row.id), converted.map((row) => row.value)],
    );
  }
}

function checked(definition: AttributeDefinition): AttributeDefinition {
  if (definition.type === 'enum' && !definition.enumValues?.length)
    throw problems.field('body', 'enumValues', 'is required for an enum attribute');
  if (definition.type !== 'enum' && definition.enumValues?.length)
    throw problems.field('body', 'enumValues', 'is only for enum attributes');
  return { ...definition, enumValues: definition.type === 'enum' ? definition.enumValues : null };
}

function sameValues(a: string[] | null, b: string[] | null): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function toView(row: DefinitionRow): AttributeDefinitionView {
  return {
    key: row.key,
    label: row.label,
    type: row.type,
    enumValues: row.enum_values,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
