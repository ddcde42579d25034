import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession } from './api-session';
import { E2E_STACK_ENV, type E2eRole, type E2eStack } from './shared-stack.types';

export type { E2eRole, E2eStack } from './shared-stack.types';

/** The stack the builder's Jest global setup started for every browser test of the run. */
export function sharedStack(): E2eStack {
  const json = process.env[E2E_STACK_ENV];
  if (!json)
    throw new Error(`${E2E_STACK_ENV} is not set: run the builder's tests through its jest.config.cjs`);
  return JSON.parse(json) as E2eStack;
}

/** The API as one of the stack's users (for arranging data and checking what the browser did). */
export function apiAs(stack: E2eStack, role: E2eRole): Promise<ApiSession> {
  const user = stack.users[role];
  return ApiSession.signIn(stack.apiUrl, user.email, user.password);
}

/**
 * Uncaught errors of a page and the errors it logs (a screen that failed to draw is caught by the router, which
 * logs it), but not the browser's own line for an HTTP error answer, which tests provoke on purpose.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page so far (a test fails on any). */
  errors: string[];
}

/** A new browser context signed in as `role` through the login page, in the given language. */
export async function signedInPage(
  browser: Browser,
  stack: E2eStack,
  role: E2eRole,
  options: { locale?: 'vi-VN' | 'en-US'; viewport?: { width: number; height: number } } = {},
): Promise<SignedInPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    baseURL: stack.builderUrl,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = collectPageErrors(page);
  await page.goto('/login');
  await page.getByLabel(/email/i).fill(stack.users[role].email);
  await page.getByLabel(/password|mật khẩu/i).fill(stack.users[role].password);
  await page.getByRole('button', { name: /sign in|đăng nhập/i }).click();
  await page.waitForURL(/\/campaigns/);
  return { context, page, errors };
}
