/** Burden sharing (MODEL.md §6): who should fill the gaps, fairly — as a mixed-integer program. */
export type { BurdenActor, BurdenInput, GapRow, SpareOption } from './burden-input.js';
export { burdenInput, expectedWorth } from './burden-input.js';
export type { BurdenProblem, InfeasibleGap } from './burden-model.js';
export { burdenProblem } from './burden-model.js';
export type * from './burden-report.js';
export type {
  MipModel,
  MipRow,
  MipSolution,
  MipSolver,
  MipStatus,
  MipTerm,
  MipVariable,
} from './mip-model.js';
export { relaxation } from './mip-model.js';
export { allocationPledges, withPledges } from './new-pledges.js';
export {
  type OptimizeDeps,
  type OptimizeOptions,
  optimizeBurden,
  REASSESSMENT_NOTE,
  RELAXATION_NOTE,
  type SolvedBurden,
  solveBurden,
} from './optimize.js';
export { type BurdenSolution, readBurden } from './read-solution.js';
