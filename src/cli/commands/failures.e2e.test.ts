/**
 * End to end: `guarantor failures` as a user runs it — spawns `node bin/guarantor.js …` against the
 * compiled dist/ (`npm test` builds first), on the small test plan and on the example plan.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      expect(stderr).not.toMatch(/\n\s+at /);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end();
  });
}

let dir = '';
let small = '';

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before these tests');
  }
  dir = await mkdtemp(join(tmpdir(), 'guarantor-failures-'));
  small = join(dir, 'small.yaml');
  await writeFile(small, SMALL_PLAN_YAML);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fitsWidth(text: string): void {
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
}

describe.concurrent('guarantor failures', { timeout: SLOW }, () => {
  it('explains when land-north fails in the example plan', async () => {
    const run = await guarantor([
      'failures',
      EXAMPLE,
      '--variant',
      'europe-us',
      '--scenario',
      'land-north',
      '--trials',
      '3000',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^When does land-north fail\? — variant europe-us$/m);
    expect(run.stdout).toMatch(/^3,000 trials · seed 1 · it fails in \d+% \(\d+–\d+%\) of trials/m);
    expect(run.stdout).toMatch(/^ {2}1\. When .+/m);
    expect(run.stdout).toMatch(/^ {5}coverage \d+% · density \d+% · support \d+%$/m);
    fitsWidth(run.stdout);
  });

  it('prints the failures document with --json', async () => {
    const run = await guarantor(['failures', small, '--variant', 'all', '--scenario', 'land-push', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      model: 1,
      variant: 'all',
      scenario: 'land-push',
      trials: 2000,
      seed: 7,
      method: 'prim',
      failureRate: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
      rules: expect.any(Array),
    });
    for (const rule of doc.rules) {
      expect(rule).toMatchObject({
        text: expect.any(String),
        coverage: expect.any(Number),
        density: expect.any(Number),
        support: expect.any(Number),
        conditions: expect.any(Array),
      });
    }
  });

  it('needs --variant and --scenario (2) that the plan has (1)', async () => {
    expect((await guarantor(['failures', small, '--variant', 'all'])).code).toBe(2);
    expect(await guarantor(['failures', small, '--variant', 'all', '--scenario', 'by-sea'])).toMatchObject({
      code: 1,
      stderr: 'error: unknown scenario "by-sea"; the plan has "land-push", "air-raid"\n',
    });
  });
});
