import type { EntityManager } from 'typeorm';
import type { FieldError } from '../http/problem';
import type { StartImport } from './import-mapping';

interface DefinitionRow {
  key: string;
  type: string;
  enum_values: string[] | null;
}

/**
 * Checks the mapping's attribute columns against the workspace's attribute definitions: a defined attribute keeps
 * its type, and a new enum attribute needs its values. Answers the field errors, and the definitions to create.
 */
export async function checkMappedAttributes(
  manager: EntityManager,
  workspaceId: string,
  mapping: StartImport['mapping'],
): Promise<{
  errors: FieldError[];
  missing: Array<{ key: string; type: string; enumValues: string[] | null }>;
}> {
  const keys = mapping.flatMap((entry) => (entry.target.kind === 'attribute' ? [entry.target.key] : []));
  if (keys.length === 0) return { errors: [], missing: [] };
  const rows = (await manager.query(
    `SELECT key, type, enum_values FROM attribute_definitions WHERE workspace_id = $1 AND key = ANY($2::text[])`,
    [workspaceId, keys],
  )) as DefinitionRow[];
  const defined = new Map(rows.map((row) => [row.key, row]));
  const errors: FieldError[] = [];
  const missing: Array<{ key: string; type: string; enumValues: string[] | null }> = [];
  mapping.forEach(({ target }, position) => {
    if (target.kind !== 'attribute') return;
    const definition = defined.get(target.key);
    if (definition && definition.type !== target.type)
      errors.push({
        in: 'body',
        field: `mapping.${position}.target.type`,
        message: `attribute ${target.key} is defined as ${definition.type}`,
      });
    else if (!definition && target.type === 'enum' && !target.enumValues)
      errors.push({
        in: 'body',
        field: `mapping.${position}.target.enumValues`,
        message: `is required to define the new enum attribute ${target.key}`,
      });
    else if (!definition)
      missing.push({ key: target.key, type: target.type, enumValues: target.enumValues ?? null });
  });
  return { errors, missing };
}

/** Defines the attributes a started import writes that the workspace does not have yet. */
export async function defineAttributes(
  manager: EntityManager,
  workspaceId: string,
  definitions: Array<{ key: string; type: string; enumValues: string[] | null }>,
): Promise<void> {
  for (const definition of definitions)
    await manager.query(
      `INSERT INTO attribute_definitions (workspace_id, key, label, type, enum_values) VALUES ($1, $2, $2, $3, $4)
       ON CONFLICT (workspace_id, key) DO NOTHING`,
      [workspaceId, definition.key, definition.type, definition.enumValues],
    );
}

/** Allowed values of the workspace's enum attributes among `keys`. */
export async function enumValuesOf(
  manager: EntityManager,
  workspaceId: string,
  keys: string[],
): Promise<Map<string, string[]>> {
  if (keys.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT key, enum_values FROM attribute_definitions
     WHERE workspace_id = $1 AND key = ANY($2::text[]) AND type = 'enum'`,
    [workspaceId, keys],
  )) as DefinitionRow[];
  return new Map(rows.map((row) => [row.key, row.enum_values ?? []]));
}
