import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import type { TestWorkspace } from '../../testing/test-workspace';
import { ZaloAccess } from './zalo-access.service';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';

const REFRESH_PATH = '/zalo-oauth/v4/oa/access_token';
/** More accounts than the API's pool has connections (10). */
const ACCOUNTS = 14;

describe('token refreshes of many OAs at once in one process', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws, db } = bed);
  });

  afterAll(() => bed.close());

  it(`${ACCOUNTS} accounts with expired tokens refreshing together all get a token (one connection per refresh)`, async () => {
    const ids: string[] = [];
    for (let index = 0; index < ACCOUNTS; index += 1) {
      const created = await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: `Pool OA ${index}`, config: sandboxZaloConfig(sandbox) })
        .expect(201);
      await ws.as.admin.get(await startAndConsent(ws.as.admin, created.body.id)).expect(200);
      ids.push(created.body.id as string);
    }
    await db.query(
      `UPDATE zalo_oa_tokens SET access_token_expires_at = now() - interval '1 minute'
        WHERE account_id = ANY($1::uuid[])`,
      [ids],
    );
    const refreshesBefore = sandbox.requestCount(REFRESH_PATH);
    // Zalo OAuth takes its time, as it does: every refresh is under way before the first one ends.
    sandbox.addFault({ channel: 'zalo_oauth', latencyMs: 300 });
    const access = app.get(ZaloAccess);

    const results = await Promise.all(
      ids.map((id) => access.withAccessToken(ws.workspaceId, id, async (accessToken) => accessToken)),
    );

    sandbox.clearFaults();
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(new Set(results.map((result) => (result.ok ? result.value : ''))).size).toBe(ACCOUNTS);
    expect(sandbox.requestCount(REFRESH_PATH) - refreshesBefore).toBe(ACCOUNTS);
  }, 60_000);
});
