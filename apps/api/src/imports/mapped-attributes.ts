import type { EntityManager } from 'typeorm';
import type { FieldError } from '../http/problem';
import type { ImportAttributeType, StartImport } from './import-mapping';

/** An attribute the mapping writes that the workspace has not defined yet, and where the mapping names it. */
export interface MissingAttribute {
  position: number;
  key: string;
  type: ImportAttributeType;
  enumValues: string[] | null;
}

interface DefinitionRow {
  key: string;
  type: string;
  enum_values: string[] | null;
}

/**
 * Checks the mapping's attribute columns against the workspace's attribute definitions: a defined attribute keeps
 * its type, and a new enum attribute needs its values. Answers the field errors, and the attributes to define.
 */
export async function checkMappedAttributes(
  manager: EntityManager,
  workspaceId: string,
  mapping: StartImport['mapping'],
): Promise<{ errors: FieldError[]; missing: MissingAttribute[] }> {
  const keys = mapping.flatMap((entry) => (entry.target.kind === 'attribute' ? [entry.target.key] : []));
  if (keys.length === 0) return { errors: [], missing: [] };
  const rows = (await manager.query(
    `SELECT key, type, enum_values FROM attribute_definitions WHERE workspace_id = $1 AND key = ANY($2::text[])`,
    [workspaceId, keys],
  )) as DefinitionRow[];
  const defined = new Map(rows.map((row) => [row.key, row]));
  const errors: FieldError[] = [];
  const missing: MissingAttribute[] = [];
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
      missing.push({ position, key: target.key, type: target.type, enumValues: target.enumValues ?? null });
  });
  return { errors, missing };
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
