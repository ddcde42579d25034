import { problems } from '../http/problem';

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
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { createdAt, id };
  } catch {
    // answered below
  }
  throw problems.field('query', 'cursor', 'is not a cursor this list gave');
}
