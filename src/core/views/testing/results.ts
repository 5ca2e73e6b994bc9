/** Builders of assessment results for tests of views and renderers. */
import type { ScenarioResult } from '../../engine/result-types.js';

/** A scenario result with no domains: enough for verdicts and summary lines. */
export const scenarioResult = (id: string, pHold: number, ci95: [number, number]): ScenarioResult => ({
  id,
  pHold,
  ci95,
  domains: [],
  title: id,
  weight: 1,
  horizonDays: 10,
});
