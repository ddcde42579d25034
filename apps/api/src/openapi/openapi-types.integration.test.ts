import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';

const apiContract = join(__dirname, '../../../../packages/api-contract');
const typesFile = join(apiContract, 'src/generated/api-paths.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by openapi-typescript: do not edit. Regenerate with `npm run api:types`.\n" +
  '/* eslint-disable */\n';

/**
 * The builder's API types (`@loa/api-contract`'s `paths`) are generated from the document the API serves; this
 * test fails when they no longer match it. `LOA_WRITE_API_TYPES=1` (what `npm run api:types` sets) rewrites them.
 */
describe('the API types the builder uses', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('are what openapi-typescript generates from GET /openapi.json', async () => {
    const document = (await request(app.getHttpServer()).get('/openapi.json').expect(200)).body;
    const generated = HEADER + generateTypes(document);
    if (process.env['LOA_WRITE_API_TYPES'] === '1') writeFileSync(typesFile, generated);
    const committed = readFileSync(typesFile, 'utf8');
    if (committed !== generated)
      throw new Error(
        `${typesFile} does not match the API's OpenAPI document: run \`npm run api:types\` and commit the result`,
      );
    expect(committed).toContain('"/campaigns/{id}/draft"');
  });
});

/** openapi-typescript's CLI (an ES module Jest cannot load; a dev dependency of the workspace root) on the document. */
function generateTypes(document: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'loa-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    const main = createRequire(join(apiContract, '../../package.json')).resolve('openapi-typescript');
    const cli = join(dirname(main), '../bin/cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '-o', join(dir, 'paths.ts')], {
      stdio: 'pipe',
    });
    return readFileSync(join(dir, 'paths.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
