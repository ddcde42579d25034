import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DependencyCheck } from '../health-report';

/**
 * Channel accounts that an admin must reconnect (a Zalo OA whose refresh token Zalo refused). The API still works,
 * so the check stays up; its detail counts them (names and reasons are in GET /channel-accounts, for signed-in users).
 */
@Injectable()
export class ChannelAccountsCheck implements DependencyCheck {
  readonly name = 'channel_accounts';

  constructor(private readonly db: DataSource) {}

  async run(): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS count FROM channel_accounts WHERE status = 'needs_reconnect' AND NOT disabled`,
    )) as Array<{ count: number }>;
    const count = row?.count ?? 0;
    if (count === 0) return 'no channel account needs reconnecting';
    return `${count} channel account${count === 1 ? ' needs' : 's need'} reconnecting (needs_reconnect in GET /channel-accounts)`;
  }
}
