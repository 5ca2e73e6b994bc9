/**
 * End to end: `node bin/guarantor.js report …` against the compiled dist/ on the small test plan (with
 * spare capacity, so burden sharing has something to propose): every section is there, its figures are
 * `assess --json`'s for the same plan and seed, the same SOURCE_DATE_EPOCH gives the same bytes, the PDF
 * has pages that are not blank (pdftoppm → PNG → pixels), and bad requests fail with a clear message and
 * no file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { percent } from '../../charts/format.js';
import { valuePoints } from '../../charts/interval-bars.js';
import type { AttributionDocument } from '../../core/analyses/attribution/types.js';
import type { Assessment } from '../../core/engine/result-types.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { VERDICT_LABEL, verdict } from '../../core/views/verdict.js';
import { planSha256 } from '../../report/plan-digest.js';
import { WITH_BROWSER } from '../../test-support/browser.js';
import { guarantor, ROOT, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const PLAN_YAML = `${SMALL_PLAN_YAML}spare:
  - { actor: BIG, capability: tank-bde, quantity: 3 }
  - { actor: FAR, capability: sam, quantity: 2 }
`;
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const RUN = ['--trials', '400', '--seed', '5'];
const SECTIONS = [
  '1. Bottom line',
  '2. Who does what',
  '3. Scenarios: day by day, and the gaps',
  '4. Who matters, and who should fill the gaps',
  '5. What it hangs on, and when it fails',
  '6. Appendix: sources, assumptions, settings',
];

const tmp = tempPlans('guarantor-report-', { 'small.yaml': PLAN_YAML });
const small = tmp('small.yaml');

async function assessed(): Promise<Assessment> {
  const r = await guarantor(['assess', small, ...RUN, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Assessment;
}

/** The bottom line's row of each variant: id, value, verdict, as `assess` judges them. */
function bottomLines(doc: Assessment): { id: string; value: string; verdict: string }[] {
  return doc.variants.map((v) => ({
    id: v.id,
    value: percent(v.value),
    verdict: VERDICT_LABEL[verdict(v, doc.settings.target).kind],
  }));
}

describe('guarantor report', () => {
  it(
    'writes a self-contained HTML briefing with every section and the figures of assess --json',
    async () => {
      const out = tmp('briefing.html');
      const [r, doc, attributed] = await Promise.all([
        guarantor(['report', small, '--format', 'html', '--out', out, ...RUN], { env: EPOCH }),
        assessed(),
        guarantor(['attribute', small, '--variant', 'all', ...RUN, '--json']),
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const html = await readFile(out, 'utf8');
      for (const title of SECTIONS) expect(html).toContain(`<h2>${title}</h2>`);
      for (const v of bottomLines(doc)) {
        expect(html).toContain(`<tr><td>${v.id}</td><td class="num">${v.value}</td><td>${v.verdict}</td>`);
      }
      // The deep dive is on the best-valued variant (all), with attribute --json's Shapley values.
      expect(html).toContain('The deep dive below covers the variant all.');
      const shapley = (JSON.parse(attributed.stdout) as AttributionDocument).attribution[0];
      for (const a of shapley?.actors ?? []) {
        expect(html).toContain(`<td>${a.bloc}</td><td class="num">${valuePoints(a.shapley)}`);
      }
      expect(shapley?.actors.length).toBe(2);
      expect(html).toContain(`plan SHA-256 ${planSha256(smallPlan(PLAN_YAML))}`);
      expect(html).toContain('Briefing generated 2026-01-01');
      expect(html).toContain('seed 5 · 400 trials');
      expect(html).toContain('<a href="https://example.org/big">Big pledge</a>');
      // Real charts: the holds chart, a timeline per threatened domain, attribution, burden, tornado.
      expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
      expect(html).not.toMatch(/<(script|link|img)\b/);
    },
    SLOW,
  );

  it(
    'writes Markdown with its charts as SVG files next to it, the same figures, and the same bytes again',
    async () => {
      const out = tmp('briefing.md');
      const args = ['report', small, '--format', 'md', '--out', out, ...RUN];
      const [first, doc] = await Promise.all([guarantor(args, { env: EPOCH }), assessed()]);
      expect(first.code).toBe(0);
      const md = await readFile(out, 'utf8');
      for (const title of SECTIONS) expect(md).toContain(`## ${title}\n`);
      for (const v of bottomLines(doc)) expect(md).toContain(`| ${v.id} | ${v.value} | ${v.verdict} |`);
      const charts = await readdir(tmp('briefing.md-charts'));
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const file of charts) expect(md).toContain(`(briefing.md-charts/${file})`);
      const svgs = await Promise.all(charts.map((f) => readFile(tmp('briefing.md-charts', f), 'utf8')));

      const again = await guarantor(args, { env: EPOCH });
      expect(again.code).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(md);
      expect(await readdir(tmp('briefing.md-charts'))).toEqual(charts);
      const svgsAgain = await Promise.all(charts.map((f) => readFile(tmp('briefing.md-charts', f), 'utf8')));
      expect(svgsAgain).toEqual(svgs);
    },
    SLOW,
  );

  it(
    'gives byte-identical HTML for the same plan, seed and SOURCE_DATE_EPOCH, on stdout without --out',
    async () => {
      const args = ['report', small, '--format', 'html', '--variant', 'all', ...RUN];
      const [a, b] = await Promise.all([guarantor(args, { env: EPOCH }), guarantor(args, { env: EPOCH })]);
      expect(a.code).toBe(0);
      expect(a.stdout).toMatch(/^<!doctype html>/);
      expect(b.stdout).toBe(a.stdout);
      const other = await guarantor(args, { env: { SOURCE_DATE_EPOCH: '1767312000' } });
      expect(other.stdout).not.toBe(a.stdout);
      expect(other.stdout.replaceAll('2026-01-02', '2026-01-01')).toBe(a.stdout);
    },
    SLOW,
  );

  it.skipIf(!WITH_BROWSER)(
    'prints a PDF of several pages, none of them blank (skipped with GUARANTOR_TEST_BROWSER=0)',
    async () => {
      const out = tmp('briefing.pdf');
      const r = await guarantor(['report', small, '--format', 'pdf', '--out', out, ...RUN], { env: EPOCH });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const pdf = await readFile(out);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const dir = await mkdtemp(join(tmpdir(), 'guarantor-report-pages-'));
      try {
        await promisify(execFile)('pdftoppm', ['-png', '-r', '50', out, join(dir, 'page')]);
        const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
        expect(pages.length).toBeGreaterThanOrEqual(2);
        for (const page of pages) {
          const png = PNG.sync.read(await readFile(join(dir, page)));
          let ink = 0;
          for (let i = 0; i < png.data.length; i += 4) {
            if (
              (png.data[i] ?? 255) < 200 ||
              (png.data[i + 1] ?? 255) < 200 ||
              (png.data[i + 2] ?? 255) < 200
            ) {
              ink++;
            }
          }
          // Text and charts, not an empty page with only a page number (≈ 0.1%).
          expect(ink / (png.width * png.height), page).toBeGreaterThan(0.005);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  const KIEL = join(ROOT, '..', 'shared', 'data', 'kiel-release29');
  it.skipIf(!existsSync(KIEL))(
    "shows each partner's Kiel record next to its pledges with --kiel (skipped without ../shared/data)",
    async () => {
      // The small plan with its big ally as the United States, whose record Kiel publishes.
      const usa = tmp('usa.yaml');
      await writeFile(usa, PLAN_YAML.replaceAll('BIG', 'USA'));
      const r = await guarantor([
        'report',
        usa,
        '--format',
        'md',
        '--kiel',
        KIEL,
        '--variant',
        'all',
        ...RUN,
      ]);
      expect(r.code).toBe(0);
      // Kiel release 29: the US allocated €115.381bn, of which €64.617bn military.
      expect(r.stdout).toMatch(
        /^\| USA · Big Ally \| .* \| 115\.4 \(64\.6\) \| [\d.]+ \| \d+% \(delivered \d+%\) \| 90% \|$/m,
      );
      expect(r.stdout).toMatch(/^\| FAR · Far Partner \| .* \| no record \| – \| – \| 60% \|$/m);
      expect(r.stdout).toContain('Kiel Ukraine Support Tracker, release 29');
    },
    SLOW,
  );

  it('a --kiel folder without the tracker files', async () => {
    const r = await guarantor(['report', small, '--format', 'html', '--kiel', tmp('no-kiel')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot read ${join(tmp('no-kiel'), 'release_info.csv')}`);
    expect(r.stdout).toBe('');
  });

  describe('bad requests: a clear message, a non-zero exit, no file', () => {
    it('an unknown variant', async () => {
      const out = tmp('unknown.html');
      const r = await guarantor(['report', small, '--format', 'html', '--out', out, '--variant', 'nope']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error: unknown variant "nope"; the plan has alone, all');
      expect(existsSync(out)).toBe(false);
    });

    it('a format it does not write', async () => {
      const r = await guarantor(['report', small, '--format', 'docx']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--format.*docx.*Allowed choices are html, md, pdf/s);
    });

    it('no format', async () => {
      const r = await guarantor(['report', small]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("required option '--format <format>' not specified");
    });

    it('a PDF without --out', async () => {
      const r = await guarantor(['report', small, '--format', 'pdf']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--format pdf needs --out FILE');
      expect(r.stdout).toBe('');
    });

    it('an --out in a folder that does not exist', async () => {
      const out = tmp('no-such-dir', 'b.html');
      const r = await guarantor(['report', small, '--format', 'html', '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error: cannot write ${out}: no such directory ${tmp('no-such-dir')}`);
      expect(existsSync(out)).toBe(false);
    });

    it('a PDF without Chromium names what to install', async () => {
      const out = tmp('no-browser.pdf');
      const r = await guarantor(['report', small, '--format', 'pdf', '--out', out], {
        env: { GUARANTOR_CHROMIUM: '/nonexistent/chromium' },
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'error: --format pdf needs Chromium, and there is none at /nonexistent/chromium',
      );
      expect(r.stderr).toContain('apt-get install -y chromium');
      expect(existsSync(out)).toBe(false);
    });

    it('a bad SOURCE_DATE_EPOCH', async () => {
      const r = await guarantor(['report', small, '--format', 'html'], {
        env: { SOURCE_DATE_EPOCH: 'yesterday' },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('SOURCE_DATE_EPOCH must be whole seconds');
    });
  });
});
