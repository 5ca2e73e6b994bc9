/**
 * Real headless Chromium for the dashboard's end-to-end tests: Debian's `chromium` (/usr/bin/chromium,
 * installed by .ci/run with apt-get) driven by playwright-core, which ships no browser of its own.
 * GUARANTOR_TEST_BROWSER=0 skips those tests on a machine without it; otherwise a missing browser is a
 * failure with the command that installs it, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Credentials } from './serve-harness.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser tests run (GUARANTOR_TEST_BROWSER=0 turns them off). */
export const WITH_BROWSER = process.env.GUARANTOR_TEST_BROWSER !== '0';

/** A laptop screen: every view must be readable at this size (issue 5). */
export const LAPTOP = { width: 1366, height: 768 } as const;

/** Launches headless Chromium, or throws saying how to install it (or how to skip the tests). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install it with \`apt-get install -y chromium\` (as .ci/run does), ` +
        'or set GUARANTOR_TEST_BROWSER=0 to skip the browser tests',
    );
  }
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/** A fresh browser context (its own cookies, storage and cache) at laptop size. */
export function newLaptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: LAPTOP });
}

/**
 * Opens `${base}/app/PATH` in `page` and logs in through the login form; resolves once the shell shows
 * the role badge.
 */
export async function logIn(
  page: Page,
  base: string,
  credentials: Credentials,
  path = '/overview',
): Promise<void> {
  await page.goto(`${base}/app${path}`);
  try {
    await page.locator('input[name=name]').fill(credentials.name, { timeout: 10_000 });
    await page.locator('input[name=password]').fill(credentials.password);
    await page.locator('button[type=submit]').click();
    await page.locator('[data-testid=role-badge]').waitFor({ timeout: 10_000 });
  } catch (error) {
    const shown = await page
      .locator('body')
      .textContent()
      .catch(() => '(no page)');
    throw new Error(`logging in as ${credentials.name} at ${page.url()} failed; the page shows:\n${shown}`, {
      cause: error,
    });
  }
}

/**
 * Follows `page`'s requests from now on; `settled()` waits until none has been in flight for `quietMs`
 * (an analysis's event stream counts until its job ends), so a view has shown what it will show. Works
 * after client-side navigation, unlike the load states. Attach it before the page's first navigation.
 */
export function trackRequests(
  page: Page,
  timeoutMs: number,
): { settled: (quietMs?: number) => Promise<void> } {
  const inFlight = new Set<unknown>();
  let since = Date.now();
  page.on('request', (request) => {
    inFlight.add(request);
  });
  const finished = (request: unknown) => {
    inFlight.delete(request);
    since = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    settled: async (quietMs = 500) => {
      const deadline = Date.now() + timeoutMs;
      // A view sends its first requests once rendered: give it that moment.
      await page.waitForTimeout(200);
      while (inFlight.size > 0 || Date.now() - since < quietMs) {
        if (Date.now() > deadline) {
          throw new Error(`${inFlight.size} request(s) still in flight after ${timeoutMs} ms`);
        }
        await page.waitForTimeout(50);
      }
    },
  };
}
