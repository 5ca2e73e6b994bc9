/**
 * Per-trial outcomes of a run, for analyses that need more than the summary: paired comparisons of
 * variants, coalition values, scenario discovery. In-process; the trials are the same as `assess`'s.
 */
import type { Plan } from '../plan/types.js';
import type { CompiledScenario } from './compile.js';
import type { Assessment } from './result-types.js';
import type { PreparedRun, RunOptions } from './run-plan.js';
import { prepareRun } from './run-plan.js';
import { simulateTrials } from './simulate.js';
import { summarize } from './summarize.js';
import type { TrialBlock } from './trial-block.js';

export interface TrialResults extends PreparedRun {
  readonly block: TrialBlock;
}

export function runTrials(plan: Plan, options: RunOptions = {}): TrialResults {
  const prepared = prepareRun(plan, options);
  const block = simulateTrials(prepared.compiled, prepared.layout, 0, prepared.trials);
  return { ...prepared, block };
}

/** The assessment document of these trials (the same as `assess` with the same options). */
export function summarizeTrials(results: TrialResults): Assessment {
  return summarize(results.compiled, results.layout, results.block);
}

/**
 * Per trial: 1 where scenario k (of the run's scenarios) holds under variant v (of the run's variants),
 * i.e. every one of its threatened domains holds.
 */
export function scenarioHolds(results: TrialResults, v: number, k: number): Uint8Array {
  const { layout, block, trials, compiled } = results;
  const s = compiled.scenarios[layout.scenarios[k] as number] as CompiledScenario;
  const first = (layout.seriesOffset[v] as readonly number[])[k] as number;
  const out = new Uint8Array(trials);
  for (let i = 0; i < trials; i++) {
    let all = 1;
    const row = i * layout.nSeries + first;
    for (let j = 0; j < s.domains.length; j++) all &= block.holds[row + j] as number;
    out[i] = all;
  }
  return out;
}
