import { describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generate-plan.js';
import type { Progress } from '../core/engine/assess.js';
import { assess } from '../core/engine/assess.js';
import { GuarantorError } from '../core/errors.js';
import { normalizePlan } from '../core/plan/normalize.js';
import { planSchema } from '../core/plan/schema.js';
import { distWorkerUrl } from '../test-support/dist.js';
import { inProcessRunner } from './in-process-runner.js';
import type { Runner } from './runner.js';
import { threadRunner } from './thread-runner.js';

const plan = normalizePlan(
  planSchema.parse(generatePlan({ partners: 12, pledges: 60, scenarios: 3, horizonDays: 40, trials: 1500 })),
);

const runners: [string, Runner][] = [
  ['in-process', inProcessRunner],
  ['1 worker thread', threadRunner({ threads: 1, alwaysSplit: true, workerUrl: distWorkerUrl })],
  ['2 worker threads', threadRunner({ threads: 2, alwaysSplit: true, workerUrl: distWorkerUrl })],
  ['3 worker threads', threadRunner({ threads: 3, alwaysSplit: true, workerUrl: distWorkerUrl })],
  ['7 worker threads', threadRunner({ threads: 7, alwaysSplit: true, workerUrl: distWorkerUrl })],
];

describe('every runner', () => {
  const reference = JSON.stringify(assess(plan));

  it.each(runners)('%s gives the byte-identical document for the same plan and seed', async (_, runner) => {
    expect(JSON.stringify(await runner.assess(plan))).toBe(reference);
  });

  it.each(runners)('%s reports progress that ends at the number of trials', async (_, runner) => {
    const events: Progress[] = [];
    await runner.assess(plan, { trials: 1200, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({ done: 1200, total: 1200 });
    for (let i = 1; i < events.length; i++) {
      expect((events[i] as Progress).done).toBeGreaterThanOrEqual((events[i - 1] as Progress).done);
    }
  });

  it.each(runners)('%s rejects an unknown variant with a GuarantorError, not a crash', async (_, runner) => {
    const failure = runner.assess(plan, { variants: ['nope'] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const e = await failure;
    expect(e).toBeInstanceOf(GuarantorError);
    expect((e as GuarantorError).code).toBe('UNKNOWN_VARIANT');
  });

  it.each(runners)('%s honours the trials and seed overrides', async (_, runner) => {
    const doc = await runner.assess(plan, { trials: 900, seed: 99 });
    expect(doc.settings.trials).toBe(900);
    expect(doc.settings.seed).toBe(99);
  });
});

describe('thread runner', () => {
  it('keeps a small run in one thread unless told to split', async () => {
    const doc = await threadRunner({ threads: 4, workerUrl: distWorkerUrl }).assess(plan, { trials: 50 });
    expect(doc.settings.trials).toBe(50);
  });

  it('a different seed changes the numbers', async () => {
    const runner = threadRunner({ threads: 2, alwaysSplit: true, workerUrl: distWorkerUrl });
    const a = await runner.assess(plan, { seed: 1 });
    const b = await runner.assess(plan, { seed: 2 });
    expect(JSON.stringify(a.variants)).not.toBe(JSON.stringify(b.variants));
  });
});

describe('a run too large for memory', () => {
  it('is refused up front with RUN_TOO_LARGE instead of failing to allocate', () => {
    const big = normalizePlan(
      planSchema.parse(generatePlan({ partners: 3, pledges: 10, scenarios: 30, horizonDays: 5, trials: 1 })),
    );
    // 30 scenarios × 3 domains × 2 variants = 180 series; 10^7 trials → 1.8e9 results.
    expect(() => assess(big, { trials: 1e7 })).toThrow(/RUN_TOO_LARGE|per-trial results/);
    try {
      assess(big, { trials: 1e7 });
    } catch (e) {
      expect((e as GuarantorError).code).toBe('RUN_TOO_LARGE');
    }
  });
});
