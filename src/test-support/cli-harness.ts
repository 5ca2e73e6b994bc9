/**
 * The harness of the CLI end-to-end tests: spawns `node bin/guarantor.js …` against the compiled dist/
 * (`npm test` builds first) and collects what a user or a script would see; writes test plans to a
 * temporary directory for the tests of one file.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { cliPath } from './dist.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = 'examples/ukraine-2025/plan.yaml';
/** Each test spawns a few processes; on a loaded two-core machine that takes a while. */
export const SLOW = 120_000;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** What the command reads on stdin (for a plan named `-`); nothing by default. */
  readonly stdin?: string;
  /** Close our end of stdout after the first chunk (a reader like `head` going away). */
  readonly closeAfterFirstChunk?: boolean;
  /** More environment variables for the command (e.g. SOURCE_DATE_EPOCH). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `guarantor …args` in the repository root, without GUARANTOR_DEBUG. */
export function guarantor(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    delete env.GUARANTOR_DEBUG;
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (options.closeAfterFirstChunk) child.stdout.destroy();
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
    child.stdin.end(options.stdin ?? '');
  });
}

/** Every line of `text` fits in 100 columns. */
export function fitsWidth(text: string): void {
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
}

/**
 * A temporary directory `<tmpdir>/<prefix>XXXXXXXXXXXX` holding `files` (name → content): registers a
 * beforeAll that checks dist/ is built and writes them, and an afterAll that removes the directory.
 * Returns the path of a file in it, written or not (`at('small.yaml')`, `at('out', 'x.json')`), known
 * at once so that tests can take their paths as constants.
 */
export function tempPlans(
  prefix: string,
  files: Readonly<Record<string, string>>,
): (...names: string[]) => string {
  const dir = join(tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/cli/main.js is missing: run `npm run build` before these tests');
    }
    await mkdir(dir, { mode: 0o700 });
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return (...names) => join(dir, ...names);
}
