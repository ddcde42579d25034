import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from './test-config';

/** The API on an in-memory embedded PGlite (the development database), with a data directory of its own. */
export async function startPgliteApp(
  name: string,
): Promise<{ app: INestApplication; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), `loa-${name}-pglite-`));
  const app = await createApp(
    testConfig({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://', LOA_DATA_DIR: dataDir }),
  );
  await app.init();
  return {
    app,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
