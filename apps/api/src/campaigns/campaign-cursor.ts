import { problems } from '../http/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CampaignCursor {
  createdAt: string;
  id: string;
}

export function encodeCampaignCursor(row: { created_at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString('base64url');
}

/** The position a page ended at; 422 on `cursor` when it is not one this API made. */
export function decodeCampaignCursor(cursor: string): CampaignCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && isIsoInstant(createdAt) && typeof id === 'string' && UUID.test(id))
      return { createdAt, id };
  } catch {
    // answered below
  }
  throw problems.field('query', 'cursor', 'is not a cursor this list gave');
}

/** Exactly what encodeCampaignCursor writes (toISOString), so that PostgreSQL reads it as the same instant. */
function isIsoInstant(text: string): boolean {
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === text;
}
