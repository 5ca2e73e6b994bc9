/**
 * End to end: `node bin/guarantor.js optimize …` against the compiled dist/ (`npm test` builds first), on
 * the small test plan with spare capacity and on the example plan with few trials.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BurdenReport } from '../../core/analyses/burden/burden-report.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'guarantor.js');
const EXAMPLE = 'examples/ukraine-2025/plan.yaml';
const SLOW = 120_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function guarantor(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.GUARANTOR_DEBUG;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      // Whatever happened, a user never sees a stack trace.
      expect(stderr).not.toMatch(/\n\s+at /);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end();
  });
}

/** The small plan with spare capacity: BIG can add tank brigades, FAR SAM batteries. */
const SPARE_PLAN_YAML = `${SMALL_PLAN_YAML}spare:
  - { actor: BIG, capability: tank-bde, quantity: 3 }
  - { actor: FAR, capability: sam, quantity: 2 }
`;

let dir = '';
let small = '';
let noGdp = '';

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before these tests');
  }
  dir = await mkdtemp(join(tmpdir(), 'guarantor-optimize-'));
  small = join(dir, 'small.yaml');
  noGdp = join(dir, 'no-gdp.yaml');
  await writeFile(small, SPARE_PLAN_YAML);
  await writeFile(noGdp, SPARE_PLAN_YAML.replace('reliability: 0.6, gdp: 5.0e11', 'reliability: 0.6'));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('guarantor optimize', () => {
  it(
    'prints the proposal, costs against fair shares, shadow prices and before/after on the small plan',
    async () => {
      const r = await guarantor(['optimize', small, '--variant', 'all', '--trials', '400']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Burden sharing — all: who adds what to close the gaps at 80%, fairly/);
      expect(r.stdout).toMatch(/^ {2}BIG +tank-bde +\d+ +EUR [\d.]+bn +Tank brigade$/m);
      expect(r.stdout).toContain('Cost per partner against its fair share');
      expect(r.stdout).toContain('Shadow prices:');
      expect(r.stdout).toMatch(/^ {2}verdict +NOT ENOUGH/m);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    },
    SLOW,
  );

  it(
    'prints the MODEL.md §7 document with --json, the same for any number of threads',
    async () => {
      const [one, two] = await Promise.all([
        guarantor(['optimize', small, '--variant', 'all', '--trials', '400', '--json', '--threads', '1']),
        guarantor(['optimize', small, '--variant', 'all', '--trials', '400', '--json', '--threads', '2']),
      ]);
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      const doc = JSON.parse(one.stdout) as BurdenReport;
      expect(doc).toMatchObject({ model: 1, variant: 'all', currency: 'EUR' });
      expect(Object.keys(doc)).toEqual(
        expect.arrayContaining([
          'allocation',
          'costs',
          'infeasible',
          'objective',
          'shadowPrices',
          'reassessment',
        ]),
      );
      expect(doc.solver).toMatchObject({ status: 'optimal', relaxation: { status: 'optimal' } });
      expect(doc.objective).toBeCloseTo(doc.totalCost + doc.settings.fairness * doc.unfairness, 0);
      expect(doc.reassessment.pledges.every((p) => p.id.startsWith('opt-') && p.posture === 'in-place')).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'solves the example plan: only European partners add units under europe-only',
    async () => {
      const r = await guarantor([
        'optimize',
        EXAMPLE,
        '--variant',
        'europe-only',
        '--trials',
        '300',
        '--json',
      ]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as BurdenReport;
      expect(doc.allocation.length).toBeGreaterThan(0);
      expect(doc.allocation.some((a) => a.actor === 'USA')).toBe(false);
      expect(doc.costs.some((c) => c.actor === 'USA' || c.actor === 'UKR')).toBe(false);
      const shares = doc.costs.reduce((s, c) => s + c.gdpShare, 0);
      expect(shares).toBeCloseTo(1, 9);
      expect(doc.reassessment.after.value).toBeGreaterThan(doc.reassessment.before.value);
    },
    SLOW,
  );

  it(
    'refuses a partner without gdp (exit 1, named), an unknown variant (1) and a missing --variant (2)',
    async () => {
      const [gdp, unknown, missing] = await Promise.all([
        guarantor(['optimize', noGdp, '--variant', 'all', '--trials', '50']),
        guarantor(['optimize', small, '--variant', 'nope', '--trials', '50']),
        guarantor(['optimize', small]),
      ]);
      expect(gdp.code).toBe(1);
      expect(gdp.stderr).toMatch(
        /^error: actors\[2\]\.gdp: burden sharing needs the gdp .* missing for "FAR"$/m,
      );
      expect(gdp.stdout).toBe('');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/unknown variant "nope"/);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--variant/);
    },
    SLOW,
  );
});
