/**
 * A Runner evaluates an assessment somewhere: in this thread, or split across worker threads. Every
 * runner returns the same document, byte for byte, for the same plan and seed (tested in
 * runner.contract.test.ts).
 */
import type { AssessOptions } from '../core/engine/assess.js';
import type { Assessment } from '../core/engine/result-types.js';
import type { Plan } from '../core/plan/types.js';

export interface Runner {
  assess(plan: Plan, options?: AssessOptions): Promise<Assessment>;
}
