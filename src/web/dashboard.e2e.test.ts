/**
 * The dashboard in real headless Chromium (issue 5): `guarantor serve` on a PGlite temporary folder with
 * the example plan and one user per role, driven by playwright-core. A delegate adds a pledge and sees
 * the overview's value move; an analyst finds no edit control in any view; two browser contexts trip a
 * 409 and resolve it; an assessment's progress bar reaches 100%; with Kiel's release 29 imported, who
 * does what shows what partners delivered and only the host accepts a proposed reliability (through a
 * 409, into the ledger with the Kiel source); the overview's briefing button downloads the report job's
 * HTML; every view is saved as a screenshot
 * (1366×768 wide, the whole page) into screenshots/ for a person to look at.
 * Runs the built dashboard (dist/web: `npm run build` first). GUARANTOR_TEST_BROWSER=0 skips it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  logIn,
  newLaptopContext,
  trackRequests,
  WITH_BROWSER,
} from '../test-support/browser.js';
import { EXAMPLE, ROOT } from '../test-support/cli-harness.js';
import {
  addUser,
  type Credentials,
  createTestDatabase,
  killStrayServes,
  type RunningServe,
  startServe,
  type TestDatabase,
} from '../test-support/serve-harness.js';

/** Every view of app.tsx's VIEWS, by its `main[data-view]` name (the path below /app/). */
const VIEW_NAMES = [
  'overview',
  'who-does-what',
  'map',
  'timeline',
  'compare',
  'attribution',
  'sensitivity',
  'ledger',
  'pledges',
] as const;

const SCREENSHOTS = join(ROOT, 'screenshots');

/** Kiel's release 29 and the World Bank table, read in place (never copied into the repo). */
const SHARED_DATA = join(ROOT, '..', 'shared', 'data');
const KIEL = join(SHARED_DATA, 'kiel-release29');
const HAVE_KIEL = existsSync(join(KIEL, 'data_explorer.csv'));

/** Analyses on two loaded cores: attribution and sensitivity take tens of seconds. */
const JOB_TIMEOUT = 120_000;
/** The example plan's variant without the United States: GBR's extra squadrons move it most. */
const VARIANT = 'europe-only';

describe.skipIf(!WITH_BROWSER)('the dashboard in Chromium', { timeout: 300_000 }, () => {
  let browser: Browser;
  let db: TestDatabase;
  let server: RunningServe;
  let planId: string;
  let users: Record<'host' | 'delegate' | 'analyst', Credentials>;
  const contexts: BrowserContext[] = [];

  const trackers = new WeakMap<Page, ReturnType<typeof trackRequests>>();

  /** A fresh context (own storage and cache) logged in as `who`, at `path`, its requests followed. */
  async function open(who: Credentials, path = '/overview'): Promise<Page> {
    const context = await newLaptopContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    trackers.set(page, trackRequests(page, JOB_TIMEOUT));
    await logIn(page, server.base, who, path);
    return page;
  }

  /** Resolves once `page` has had no request in flight for a moment (its analyses are done). */
  function settled(page: Page): Promise<void> {
    const tracker = trackers.get(page);
    if (tracker === undefined) throw new Error('a page not opened by open()');
    return tracker.settled();
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html'))) {
      throw new Error('dist/web/index.html is missing: run `npm run build` first');
    }
    browser = await launchChromium();
    db = await createTestDatabase('pglite');
    users = {
      host: await addUser(db.target, 'host', 'host'),
      delegate: await addUser(db.target, 'delegate-gbr', 'delegate', 'GBR'),
      analyst: await addUser(db.target, 'analyst', 'analyst'),
    };
    server = await startServe({ db: db.target, plan: EXAMPLE, login: users.host });
    const plans = await server.request('GET', '/plans');
    planId = plans.body.plans[0].id;
  });

  // Each test's browser contexts (and the event streams they follow) end with it.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await killStrayServes();
    await db?.drop();
  });

  /** Client-side navigation through the shell's nav link of `name`; resolves once its main is there. */
  async function goTo(page: Page, name: (typeof VIEW_NAMES)[number]): Promise<void> {
    await page.locator(`nav.views a[href^="/app/${name}"]`).click();
    await page.locator(`main[data-view="${name}"]`).waitFor();
  }

  /** A percentage as the overview shows it ("41%"), as a number; NaN when it is not one. */
  function percentOf(text: string | null): number {
    return Number.parseFloat((text ?? '').replace(/[^0-9.]/g, ''));
  }

  it('shows the logged-in user and role in the badge', async () => {
    const page = await open(users.delegate);
    const badge = page.locator('[data-testid=role-badge]');
    expect(await badge.textContent()).toContain('delegate');
    expect(await badge.textContent()).toContain('GBR');
  });

  it('runs an assessment with a progress bar that reaches 100%', async () => {
    const page = await open(users.analyst);
    const bar = page.locator('main[data-view=overview] progress[aria-label]').first();
    await bar.waitFor({ timeout: JOB_TIMEOUT });
    await expect
      .poll(() => bar.getAttribute('aria-valuenow'), { timeout: JOB_TIMEOUT, interval: 100 })
      .toBe('100');
    // The finished bar names its job: the server has it done, of kind assess.
    const jobId = await page.locator('main[data-view=overview] [data-job]').first().getAttribute('data-job');
    expect((await server.request('GET', `/jobs/${jobId}`)).body.job).toMatchObject({
      kind: 'assess',
      state: 'done',
    });
    await page.locator(`[data-testid="value-${VARIANT}"]`).waitFor();
  });

  it('shows an analyst no edit control in any view', async () => {
    const page = await open(users.analyst);
    for (const name of VIEW_NAMES) {
      await goTo(page, name);
      await settled(page);
      expect.soft(await page.locator('[data-edit]').count(), `edit controls in ${name}`).toBe(0);
    }
    // The pledge editor did show the pledges (only without their controls).
    await goTo(page, 'pledges');
    await page.getByText('gbr-typhoon-sqn').first().waitFor();
    expect(await page.locator('[data-edit]').count()).toBe(0);
  });

  it('gives a delegate edit controls for their own actor only, and the host for every pledge', async () => {
    const counts: number[] = [];
    for (const who of [users.delegate, users.host]) {
      const page = await open(who, '/pledges');
      await page.getByText('gbr-typhoon-sqn').first().waitFor();
      await settled(page);
      counts.push(await page.locator('main [data-edit]').count());
    }
    const [delegate = 0, host = 0] = counts;
    expect(delegate).toBeGreaterThan(0);
    expect(host).toBeGreaterThan(delegate);
  });

  it('lets a delegate add a pledge with a source, and the overview value moves', async () => {
    const page = await open(users.delegate);
    const value = page.locator(`[data-testid="value-${VARIANT}"]`);
    await value.waitFor({ timeout: JOB_TIMEOUT });
    const before = percentOf(await value.textContent());
    expect(before).toBeGreaterThan(0);

    await goTo(page, 'pledges');
    const main = page.locator('main[data-view=pledges]');
    await main.locator('[data-edit=create]').click();
    const form = main.locator('form');
    await form.locator('input[name=id]').fill('gbr-e2e-jets');
    await form.locator('select[name=capability]').selectOption('fighter-sqn');
    await form.locator('input[name=quantity]').fill('6');
    await form.locator('select[name=posture]').selectOption('on-call');
    await form.locator('input[name=readinessDays]').fill('2');
    await form.locator('select[name=status]').selectOption('committed');
    await form.locator('[name=reason]').fill('Six more squadrons offered at the summit');
    await form.locator('[name="source.title"]').fill('Summit communiqué (end-to-end test)');
    await form.locator('[name="source.url"]').fill('https://example.org/summit');
    await form.locator('[data-edit=save]').click();
    await main.locator('tr[data-pledge="gbr-e2e-jets"]').waitFor();

    const stored = await server.request('GET', `/plans/${planId}/pledges/gbr-e2e-jets`);
    expect(stored.body.pledge).toMatchObject({
      actor: 'GBR',
      capability: 'fighter-sqn',
      quantity: 6,
      sources: [{ title: 'Summit communiqué (end-to-end test)', url: 'https://example.org/summit' }],
    });
    const events = (await server.request('GET', `/plans/${planId}/events`)).body.events;
    expect(events.at(-1)).toMatchObject({
      reason: 'Six more squadrons offered at the summit',
      source: { title: 'Summit communiqué (end-to-end test)' },
    });

    // Back on the overview, the assessment runs again on the new version: Europe alone holds more often.
    await goTo(page, 'overview');
    await expect
      .poll(async () => percentOf(await value.textContent({ timeout: 1000 }).catch(() => null)), {
        timeout: JOB_TIMEOUT,
        interval: 200,
      })
      .toBeGreaterThan(before);
  });

  it('shows the conflict panel to the second of two concurrent edits, resolved by reload and re-apply', async () => {
    const first = await open(users.host, '/pledges');
    const second = await open(users.delegate, '/pledges');
    // Both read the same version of the plan and open the same pledge.
    for (const page of [first, second]) {
      await page.locator('button[aria-label="Edit pledge gbr-typhoon-sqn"]').click();
    }
    const firstForm = first.locator('main[data-view=pledges] form');
    await firstForm.locator('input[name=quantity]').fill('2');
    await firstForm.locator('[name=reason]').fill('A second squadron (host)');
    await firstForm.locator('[data-edit=save]').click();
    await first.locator('main[data-view=pledges] [role=status]').getByText('gbr-typhoon-sqn').waitFor();

    const secondForm = second.locator('main[data-view=pledges] form');
    await secondForm.locator('input[name=readinessDays]').fill('1');
    await secondForm.locator('[name=reason]').fill('Ready a day earlier (delegate)');
    await secondForm.locator('[data-edit=save]').click();
    const conflict = second.locator('[data-testid=conflict]');
    await conflict.waitFor();
    expect(await second.locator('main[data-view=pledges] tr[data-pledge="gbr-typhoon-sqn"]').count()).toBe(1);
    expect(
      (await server.request('GET', `/plans/${planId}/pledges/gbr-typhoon-sqn`)).body.pledge,
    ).toMatchObject({
      quantity: 2,
      readinessDays: 2,
    });

    await conflict.getByRole('button', { name: /Reload and re-apply/ }).click();
    await conflict.waitFor({ state: 'detached' });
    await secondForm.locator('[data-edit=save]').click();
    await second.locator('main[data-view=pledges] form').waitFor({ state: 'detached' });
    // Both changes are in the plan: the host's quantity and the delegate's readiness.
    expect(
      (await server.request('GET', `/plans/${planId}/pledges/gbr-typhoon-sqn`)).body.pledge,
    ).toMatchObject({
      quantity: 2,
      readinessDays: 1,
    });
  });

  // Skipped without ../shared/data (the real Kiel files are never copied into the repository).
  it.skipIf(!HAVE_KIEL)(
    "shows what partners delivered (Kiel) and lets only the host accept USA's proposed reliability",
    async () => {
      // Before any import: one muted line saying how to import them, and no column.
      const early = await open(users.analyst, '/who-does-what');
      expect(await early.locator('[data-testid=no-track-records]').textContent()).toContain(
        'guarantor import kiel DIR --save',
      );
      expect(await early.locator('.wdw-delivered').count()).toBe(0);

      const text = (path: string) => readFileSync(path, 'utf8');
      const imported = await server.request('POST', '/track-records', {
        body: {
          releaseInfo: text(join(KIEL, 'release_info.csv')),
          dataExplorer: text(join(KIEL, 'data_explorer.csv')),
          worldbank: text(join(SHARED_DATA, 'worldbank-2024', 'gdp-population.csv')),
        },
      });
      expect(imported.status).toBe(201);

      // The analyst sees the delivered column, the footnote, and no control.
      const analyst = await open(users.analyst, '/who-does-what');
      const main = analyst.locator('main[data-view=who-does-what]');
      const usa = main.locator('.wdw-delivered[data-actor=USA]');
      await usa.waitFor();
      expect(await usa.textContent()).toMatch(/€115\.4bn of €119\.0bn.*military €64\.6bn/);
      expect(await usa.textContent()).toMatch(/reliability 0\.\d\d → 0\.93 proposed/);
      expect(await main.locator('[data-testid=delivered-note]').textContent()).toMatch(
        /Release 29 \(04\/2026\).*Kiel Working Paper 2218.*min\(1, allocated ÷ committed\)/,
      );
      await settled(analyst);
      expect(await analyst.locator('[data-edit]').count()).toBe(0);

      // The host accepts; a write made meanwhile (another session) makes the first try a 409: the plan
      // is reloaded and the host asked again; the second try writes one event with the Kiel source.
      const host = await open(users.host, '/who-does-what');
      const accept = host.getByRole('button', { name: 'Accept the proposal for United States' });
      await accept.waitFor();
      const seen = (await server.request('GET', `/plans/${planId}`)).body.version as number;
      const meanwhile = await server.request('PATCH', `/plans/${planId}/actors/CAN`, {
        body: { changes: { name: 'Canada' }, reason: 'a write from another session', expectedVersion: seen },
      });
      expect(meanwhile.status).toBe(200);
      await accept.click();
      await host
        .locator('.wdw-delivered[data-actor=USA] [role=alert]')
        .getByText(/The plan changed meanwhile \(now version \d+\)/)
        .waitFor();
      expect((await server.request('GET', `/plans/${planId}`)).body.version).toBe(seen + 1);
      await accept.click();
      await expect
        .poll(async () => (await server.request('GET', `/plans/${planId}`)).body.version, { timeout: 10_000 })
        .toBe(seen + 2);
      const events = (await server.request('GET', `/plans/${planId}/events`)).body.events;
      expect(events.at(-1)).toMatchObject({
        entityId: 'USA',
        who: users.host.name,
        reason: 'Reliability from track record: Kiel release 29 to 2026-04 (allocated ÷ committed 0.97)',
        source: {
          title: 'Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)',
          date: '2026-08-04',
          url: expect.stringMatching(/^https:\/\//),
        },
      });
      expect((await server.request('GET', `/plans/${planId}/actors/USA`)).body.actor.reliability).toBe(0.93);
      // The host's view shows the plan's new reliability; nothing more is left to accept for USA.
      await expect
        .poll(() => host.locator('.wdw-delivered[data-actor=USA]').textContent())
        .toMatch(/reliability 0\.93 → 0\.93/);
    },
  );

  it('makes the briefing as a report job on the version shown and downloads it as one HTML page', async () => {
    const page = await open(users.analyst);
    const version = (await server.request('GET', `/plans/${planId}`)).body.version as number;
    const briefing = page.locator('main[data-view=overview] section.briefing');
    // Few trials: the briefing runs every analysis of `guarantor report`, in one worker thread.
    await briefing.locator('input[name=briefing-trials]').fill('300');
    const download = page.waitForEvent('download', { timeout: JOB_TIMEOUT });
    await briefing.getByRole('button', { name: 'Briefing (HTML)' }).click();
    await briefing.locator('progress[aria-label=Briefing]').waitFor();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`briefing-${planId}-v${version}.html`);
    const html = readFileSync(await file.path(), 'utf8');
    for (const title of [
      '1. Bottom line',
      '2. Who does what',
      '3. Scenarios: day by day, and the gaps',
      '4. Who matters, and who should fill the gaps',
      '5. What it hangs on, and when it fails',
      '6. Appendix: sources, assumptions, settings',
    ]) {
      expect(html).toContain(`<h2>${title}</h2>`);
    }
    expect(html).toContain('<svg');
    const jobId = await briefing.locator('[data-job]').getAttribute('data-job');
    expect(html).toContain(`guarantor team server: plan ${planId} version ${version}, job ${jobId}`);
    expect((await server.request('GET', `/jobs/${jobId}`)).body.job).toMatchObject({
      kind: 'report',
      state: 'done',
      params: { version, trials: 300 },
    });
    expect(await briefing.locator('[role=alert]').count()).toBe(0);
  });

  it('shows every view at 1366×768, saved as a screenshot', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const page = await open(users.host);
    for (const name of VIEW_NAMES) {
      await goTo(page, name);
      await settled(page);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      const main = page.locator(`main[data-view="${name}"]`);
      expect.soft(await main.locator('[role=alert]').count(), `errors shown in ${name}`).toBe(0);
      expect.soft(await main.locator(':scope > :not(h1)').count(), `content of ${name}`).toBeGreaterThan(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, `page width of ${name}`).toBeLessThanOrEqual(1366);
    }
  });
});
