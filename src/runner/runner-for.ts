import { inProcessRunner } from './in-process-runner.js';
import type { Runner } from './runner.js';
import { defaultThreads, threadRunner } from './thread-runner.js';

/**
 * The runner for a `--threads` choice (default: the CPUs available). One thread runs in-process,
 * skipping the workers' start-up; the document is the same either way.
 */
export function runnerFor(threads: number = defaultThreads()): Runner {
  return threads === 1 ? inProcessRunner : threadRunner({ threads });
}
