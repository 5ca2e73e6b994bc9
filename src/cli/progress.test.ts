import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { progressEnabled, progressSink } from './progress.js';

function fakeIo(tty: boolean, env: NodeJS.ProcessEnv = {}) {
  // cli-progress asks the stream itself whether it is a terminal.
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: 100 });
  let text = '';
  stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const io: CliIo = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env, stderrIsTTY: tty };
  return { io, written: () => text };
}

describe('progress', () => {
  it('is drawn only on a terminal, never in CI or with TERM=dumb', () => {
    expect(progressEnabled(fakeIo(true).io)).toBe(true);
    expect(progressEnabled(fakeIo(false).io)).toBe(false);
    expect(progressEnabled(fakeIo(true, { CI: 'true' }).io)).toBe(false);
    expect(progressEnabled(fakeIo(true, { CI: 'false' }).io)).toBe(true);
    expect(progressEnabled(fakeIo(true, { TERM: 'dumb' }).io)).toBe(false);
    expect(progressEnabled(fakeIo(true, { GUARANTOR_PROGRESS: '0' }).io)).toBe(false);
  });

  it('stays silent in a pipe', () => {
    const { io, written } = fakeIo(false);
    const sink = progressSink(io, { label: 'assess', delayMs: 0 });
    sink.onProgress({ done: 1, total: 10 });
    sink.stop();
    expect(written()).toBe('');
  });

  it('starts only once the run has lasted the delay', () => {
    const { io, written } = fakeIo(true);
    let clock = 0;
    const sink = progressSink(io, { label: 'assess', delayMs: 1000, now: () => clock });
    sink.onProgress({ done: 100, total: 1000 });
    expect(written()).toBe('');
    clock = 1500;
    sink.onProgress({ done: 200, total: 1000 });
    sink.stop();
    expect(written()).toContain('assess [');
  });

  it('draws nothing for a run that ends within the delay', () => {
    const { io, written } = fakeIo(true);
    let clock = 0;
    const sink = progressSink(io, { label: 'assess', delayMs: 1000, now: () => clock });
    clock = 2000;
    sink.onProgress({ done: 1000, total: 1000 });
    sink.stop();
    expect(written()).toBe('');
  });
});
