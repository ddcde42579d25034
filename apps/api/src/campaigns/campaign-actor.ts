import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Actor } from './campaign.schemas';

/** Who acted, with the name they had then (a user's name or e-mail, an API key's name), as campaign rows keep it. */
export async function actorOf(manager: EntityManager, principal: Principal): Promise<Actor> {
  if (principal.kind === 'user') {
    const rows: Array<{ name: string; email: string }> = await manager.query(
      `SELECT name, email FROM users WHERE id = $1`,
      [principal.userId],
    );
    return { kind: 'user', id: principal.userId, name: rows[0]?.name || rows[0]?.email || 'a user' };
  }
  const rows: Array<{ name: string }> = await manager.query(`SELECT name FROM api_keys WHERE id = $1`, [
    principal.keyId,
  ]);
  return { kind: 'api_key', id: principal.keyId, name: rows[0]?.name ?? 'an API key' };
}
