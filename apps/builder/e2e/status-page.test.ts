// The "System status" page in real Chromium against the real API (apps/api/dist), its worker and the
// services of the shared Jest global setup (Temporal dev server, PostgreSQL, Redis).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertApiBuilt, readTestServices, startApiStack, type TestServices } from './support/api-stack';
import { startBuilderServer } from './support/builder-server';
import { launchChromium } from './support/chromium';
import { freePort } from '@loa/testing';
import { screenshotDir } from './support/paths';
import { ProcessGroup } from './support/processes';

const DEPENDENCIES = ['database', 'redis', 'temporal', 'worker'] as const;
const PAGE_TIMEOUT_MS = 45_000;
const TEST_TIMEOUT_MS = 180_000;

const processes = new ProcessGroup();
let services: TestServices;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
  assertApiBuilt();
  services = readTestServices();
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await processes.stopAll();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await processes.stopAll();
});

async function openStatusPage(url: string): Promise<Page> {
  if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
  context = await browser.newContext({ viewport: { width: 1100, height: 820 } });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${url}/status`);
  return page;
}

async function bannerText(page: Page): Promise<string> {
  return ((await page.textContent('[data-testid="status-banner"] .banner__title')) ?? '').trim();
}

async function rowStatus(page: Page, dependency: string): Promise<string | null> {
  return page.getAttribute(`[data-testid="dependency-${dependency}"]`, 'data-status');
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

it(
  'shows every dependency up when the API, its worker and all services run',
  async () => {
    const api = await startApiStack(processes, services, { withWorker: true });
    const builder = await startBuilderServer(processes, api.url);

    const page = await openStatusPage(builder.url);
    await page.waitForSelector('[data-testid="status-banner"][data-status="up"]');

    expect(await page.textContent('header')).toContain('Loa');
    expect(await page.textContent('h1')).toBe('System status');
    expect(await bannerText(page)).toBe('All systems operational');
    expect(await page.getAttribute('[data-testid="status-banner"]', 'aria-live')).toBe('polite');
    for (const dependency of DEPENDENCIES) {
      expect({ dependency, status: await rowStatus(page, dependency) }).toEqual({ dependency, status: 'up' });
    }
    expect(await page.textContent('[data-testid="dependency-database"] h2')).toBe('Database');
    expect(await page.textContent('[data-testid="dependency-worker"] [data-testid="latency"]')).toMatch(
      /^(< )?\d+(\.\d)? m?s$/,
    );

    // Refresh asks the API again at once instead of waiting for the next 5 s poll.
    const request = page.waitForRequest((req) => req.url().endsWith('/api/health'), { timeout: 3_000 });
    await page.click('button:has-text("Refresh")');
    await request;

    await screenshot(page, 'status-page.png');
    expect(pageErrors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

it(
  'names Redis and the worker when Redis does not answer and no worker runs',
  async () => {
    const deadRedisPort = await freePort(); // nothing listens there
    const api = await startApiStack(processes, services, {
      withWorker: false,
      redisUrl: `redis://127.0.0.1:${deadRedisPort}`,
    });
    const builder = await startBuilderServer(processes, api.url);

    const page = await openStatusPage(builder.url);
    await page.waitForSelector('[data-testid="status-banner"][data-status="down"]');

    expect(await bannerText(page)).toBe('Degraded: Redis and Worker are down');
    expect(await rowStatus(page, 'redis')).toBe('down');
    expect(await rowStatus(page, 'worker')).toBe('down');
    expect(await rowStatus(page, 'database')).toBe('up');
    expect(await rowStatus(page, 'temporal')).toBe('up');
    expect(
      (await page.textContent('[data-testid="dependency-redis"] .dependency__error'))?.trim(),
    ).toBeTruthy();

    await screenshot(page, 'status-page-degraded.png');
    expect(pageErrors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

it(
  'says "API unreachable" with the reason when nothing answers behind the proxy',
  async () => {
    const deadApiPort = await freePort(); // nothing listens there
    const builder = await startBuilderServer(processes, `http://127.0.0.1:${deadApiPort}`);

    const page = await openStatusPage(builder.url);
    await page.waitForSelector('[data-testid="status-banner"][data-status="unreachable"]');

    expect(await bannerText(page)).toBe('API unreachable');
    expect(await page.textContent('[data-testid="status-banner-reason"]')).toMatch(/HTTP 5\d\d/);
    expect(await page.$$('[data-testid^="dependency-"]')).toHaveLength(0);

    await screenshot(page, 'status-page-unreachable.png');
    expect(pageErrors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);
