import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { CliError } from './errors/cli-error.js';
import type { CliIo } from './io.js';
import { loadPlan } from './load-plan.js';

const io = (stdin: NodeJS.ReadableStream = new PassThrough()): CliIo => ({
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  stdin,
  env: {},
  stderrIsTTY: false,
});

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof CliError)) throw new Error(`expected a CliError, got ${String(error)}`);
  return error;
}

describe('loadPlan', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guarantor-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a valid plan', async () => {
    const file = join(dir, 'small.yaml');
    await writeFile(file, SMALL_PLAN_YAML);
    const loaded = await loadPlan(file, io());
    expect(loaded.file).toBe(file);
    expect(loaded.plan.actors).toHaveLength(3);
  });

  it('reads stdin for -', async () => {
    const loaded = await loadPlan('-', io(Readable.from([Buffer.from(SMALL_PLAN_YAML)])));
    expect(loaded.file).toBe('<stdin>');
    expect(loaded.plan.pledges).toHaveLength(6);
  });

  it('reports every issue as file:line:col path: message, exit 1', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      SMALL_PLAN_YAML.replace('capability: tank-bde, quantity: 3', 'capability: tank-bd, quantity: 3'),
    );
    const error = await failure(loadPlan(file, io()));
    expect(error.exitCode).toBe(1);
    expect(error.lines).toEqual([
      `${file}:15:47 pledges[0].capability: unknown capability "tank-bd"; did you mean "tank-bde"?`,
    ]);
  });

  it('says plainly what is wrong with the file', async () => {
    const missing = await failure(loadPlan(join(dir, 'nope.yaml'), io()));
    expect(missing.lines).toEqual([`error: cannot read ${join(dir, 'nope.yaml')}: no such file`]);
    expect((await failure(loadPlan(dir, io()))).lines[0]).toMatch(/it is a directory$/);
    const binary = join(dir, 'binary.yaml');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    expect((await failure(loadPlan(binary, io()))).lines[0]).toMatch(/not UTF-8 text/);
  });
});
