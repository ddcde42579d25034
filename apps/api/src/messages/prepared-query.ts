import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/**
 * Runs a statement the hot path repeats as a named prepared statement of the `pg` pool (parsed and planned once per
 * connection) when `prepared`; otherwise (the embedded PGlite, or a pooler that cannot keep prepared statements) as any
 * other query. The statement must return rows.
 */
export async function preparedQuery<T>(
  db: DataSource,
  prepared: boolean,
  text: string,
  values: unknown[],
): Promise<T[]> {
  if (!prepared) return (await db.query(text, values)) as T[];
  const pool = (db.driver as unknown as { master: PgPool }).master;
  let name = names.get(text);
  if (!name) {
    name = `loa_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
