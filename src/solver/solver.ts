/**
 * A Solver solves a mixed-integer linear program given as plain data (the core's MipModel) and answers
 * with plain data (MipSolution): the core builds models without knowing any solver's format, and a
 * second solver plugs in by implementing this interface and passing solver.contract.test.ts, like
 * Kysely's drivers (STYLE.md habit 3). The types live in the core, which consumes them; this is the
 * adapters' side of the seam.
 */
export type {
  MipModel,
  MipRow,
  MipSolution,
  MipSolver as Solver,
  MipStatus,
  MipTerm,
  MipVariable,
} from '../core/analyses/burden/mip-model.js';
