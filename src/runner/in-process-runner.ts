import { assess } from '../core/engine/assess.js';
import type { Runner } from './runner.js';

/** Runs the engine in the calling thread. */
export const inProcessRunner: Runner = {
  assess: async (plan, options) => assess(plan, options),
};
