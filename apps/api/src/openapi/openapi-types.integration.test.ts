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
const rolesFile = join(apiContract, 'src/generated/route-roles.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by openapi-typescript: do not edit. Regenerate with `npm run api:types`.\n" +
  '/* eslint-disable */\n';
const ROLES_HEADER =
  "// Generated from the API's OpenAPI document (x-loa-roles): do not edit. Regenerate with `npm run api:types`.\n";

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-loa-roles'?: string[] }>>;
}

/**
 * The builder's API types (`@loa/api-contract`'s `paths`) and the roles each route admits (`ROUTE_ROLES`, from which
 * the builder decides what to offer each role) are generated from the document the API serves; this test fails when
 * they no longer match it. `LOA_WRITE_API_TYPES=1` (what `npm run api:types` sets) rewrites them.
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
    const committed = matchCommitted(typesFile, HEADER + generateTypes(document));
    expect(committed).toContain('"/campaigns/{id}/draft"');
  });

  it('give every route of GET /openapi.json the roles it admits', async () => {
    const document = (await request(app.getHttpServer()).get('/openapi.json').expect(200))
      .body as OpenApiDocument;
    const committed = matchCommitted(rolesFile, ROLES_HEADER + routeRolesModule(document));
    expect(committed).toContain('"PUT /campaigns/{id}/draft": ["admin", "marketer"]');
    expect(committed).toContain('"GET /audit-log": ["admin"]');
  });
});

/** The committed file, when it is `generated` (written first with LOA_WRITE_API_TYPES=1); else the test fails. */
function matchCommitted(file: string, generated: string): string {
  if (process.env['LOA_WRITE_API_TYPES'] === '1') writeFileSync(file, generated);
  const committed = readFileSync(file, 'utf8');
  if (committed !== generated)
    throw new Error(
      `${file} does not match the API's OpenAPI document: run \`npm run api:types\` and commit the result`,
    );
  return committed;
}

/** `ROUTE_ROLES`: "METHOD /path" of every documented operation, with the user roles its access rule admits. */
function routeRolesModule(document: OpenApiDocument): string {
  const entries = Object.entries(document.paths)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => {
        const roles = operation['x-loa-roles'];
        if (!roles) throw new Error(`${method.toUpperCase()} ${path} has no x-loa-roles`);
        return [`${method.toUpperCase()} ${path}`, roles] as const;
      }),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(
    ([route, roles]) =>
      `  ${JSON.stringify(route)}: [${roles.map((role) => JSON.stringify(role)).join(', ')}],`,
  );
  return [
    '/** The user roles each route of the API admits ("METHOD /path"), as its access rule declares them. */',
    'export const ROUTE_ROLES = {',
    ...lines,
    '} as const;',
    '',
    'export type ApiRoute = keyof typeof ROUTE_ROLES;',
    '',
  ].join('\n');
}

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
