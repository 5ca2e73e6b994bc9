// `npm run bench` (or `node bench/page.js` after `npm run build`): the dashboard's speed and weight
// (issue 5). Starts `guarantor serve` on a PGlite temporary folder with the example plan and an analyst,
// logs in over HTTP, and loads /app/overview in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core) RUNS times, each in a new browser context with the cache disabled and the token put
// into sessionStorage before the page's scripts run (so no login form in the timing). Measures, from the
// start of the navigation, when the shell (the role badge) and the overview's first content appear —
// "interactive", target < 1.5 s — and when the assessment's values are shown (a fresh assess job each
// time: the server keeps no results between jobs), and the bytes transferred (encoded, headers included)
// for the page's files and for the API. Prints figures; never fails on time.
// Env: BENCH_PAGE_RUNS (default 5).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CLI, cli, freePort, ROOT } from './processes.js';

const EXAMPLE = 'examples/ukraine-2025/plan.yaml';
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const TARGET_MS = 1500;
const LAPTOP = { width: 1366, height: 768 };
/** What "shown" means for each mark (the selectors the e2e tests rely on too). */
const MARKS = {
  shell: '[data-testid=role-badge]',
  content: 'main[data-view=overview] > :not(h1)',
  values: 'main[data-view=overview] [data-testid^="value-"]',
};
const VALUES_TIMEOUT_MS = 120_000;

/** `guarantor serve` on `db` with the example plan; resolves once /health answers. */
async function startServer(db) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', String(port), '--db', db, '--plan', EXAMPLE],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${base}/health`)).status === 200) return { base, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`serve did not answer /health in 30 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs in the page before its scripts: the session token into sessionStorage (what the login form
 * would store), and a MutationObserver noting when each mark's selector first matches (performance.now()
 * counts from the start of the navigation).
 */
function prepare({ token, marks }) {
  if (window.location.protocol !== 'http:') return;
  window.sessionStorage.setItem('guarantor.token', token);
  const seen = {};
  window.__benchMarks = seen;
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (seen[name] === undefined && document.querySelector(selector) !== null)
        seen[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

/** One cold load of the overview: the marks (ms), the navigation timing, and the bytes transferred. */
async function loadOnce(browser, base, token, planId) {
  const context = await browser.newContext({ viewport: LAPTOP });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map();
    const bytes = { files: 0, api: 0, requests: 0 };
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => {
      const url = new URL(urls.get(event.requestId) ?? base);
      bytes[url.pathname.startsWith('/app') ? 'files' : 'api'] += event.encodedDataLength;
      bytes.requests += 1;
    });
    await page.addInitScript(prepare, { token, marks: MARKS });
    await page.goto(`${base}/app/overview?plan=${encodeURIComponent(planId)}`);
    await page.waitForFunction(
      (names) => names.every((name) => window.__benchMarks?.[name] !== undefined),
      Object.keys(MARKS),
      { timeout: VALUES_TIMEOUT_MS, polling: 50 },
    );
    // The assess job's event stream ends with the job: let its last bytes be counted.
    await page.waitForLoadState('networkidle');
    const marks = await page.evaluate(() => window.__benchMarks);
    const navigation = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation');
      return { domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd };
    });
    return { ...marks, ...navigation, interactive: Math.max(marks.shell, marks.content), ...bytes };
  } finally {
    await context.close();
  }
}

const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
const kb = (value) => `${(value / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(runs) {
  const column = (key, format) => {
    const values = runs.map((run) => run[key]);
    return `median ${format(median(values))}, best ${format(Math.min(...values))}, worst ${format(Math.max(...values))}`;
  };
  console.log(
    `  runs        ${runs.length}, each a new context with the cache disabled, ${LAPTOP.width}×${LAPTOP.height}`,
  );
  console.log(`  DOM ready   ${column('domContentLoaded', ms)}`);
  console.log(`  shell       ${column('shell', ms)} (role badge shown)`);
  console.log(`  overview    ${column('content', ms)} (first content below the title)`);
  console.log(`  interactive ${column('interactive', ms)} (shell and overview content)`);
  console.log(`  values      ${column('values', ms)} (assess job run, its values shown)`);
  const weight = (key) => kb(median(runs.map((run) => run[key])));
  console.log(
    `  weight      ${weight('files')} page files (HTML, scripts, styles) + ${weight('api')} API = ${kb(median(runs.map((run) => run.files + run.api)))} transferred, ${median(runs.map((run) => run.requests))} requests (medians)`,
  );
  const interactive = median(runs.map((run) => run.interactive));
  console.log(
    `  target      overview interactive < ${ms(TARGET_MS)}: ${interactive < TARGET_MS ? 'met' : 'NOT met'} (median ${ms(interactive)})`,
  );
  console.log(`  all runs    ${runs.map((run) => `${ms(run.interactive)} / ${ms(run.values)}`).join(', ')}`);
}

async function main() {
  console.log('Dashboard: cold load of /app/overview on the example plan, headless Chromium');
  if (!existsSync(CHROMIUM)) {
    console.log(`  skipped: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`);
    process.exitCode = 1;
    return;
  }
  if (!existsSync(join(ROOT, 'dist/web/index.html')))
    throw new Error('dist/web is missing: run `npm run build`');
  const db = join(tmpdir(), `guarantor-bench-page-${randomBytes(6).toString('hex')}`);
  let server;
  let browser;
  try {
    const password = (await cli(['user', 'add', 'bench', '--role', 'analyst', '--db', db])).trim();
    server = await startServer(db);
    const login = await fetch(`${server.base}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bench', password }),
    });
    const { token } = await login.json();
    const plans = await fetch(`${server.base}/plans`, { headers: { Authorization: `Bearer ${token}` } });
    const planId = (await plans.json()).plans[0].id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, server.base, token, planId));
    report(runs);
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(db, { recursive: true, force: true });
  }
}

await main();
