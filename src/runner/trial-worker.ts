/**
 * Worker-thread entry: simulates one block of trials and posts it back, transferring its buffers.
 * Each worker compiles the plan itself (cheap) rather than receiving compiled state, so the message is
 * the plain plan and the result depends only on (plan, options, trial range).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRun } from '../core/engine/run-plan.js';
import { simulateTrials } from '../core/engine/simulate.js';
import { GuarantorError } from '../core/errors.js';
import type { WorkerMessage, WorkerTask } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('trial-worker must run in a worker thread');
const task = workerData as WorkerTask;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const { compiled, layout } = prepareRun(task.plan, task.options);
  let last = 0;
  const block = simulateTrials(compiled, layout, task.start, task.end, (done) => {
    post({ type: 'progress', done: done - last });
    last = done;
  });
  post({ type: 'done', block }, [
    block.holds.buffer as ArrayBuffer,
    block.shortfall.buffer as ArrayBuffer,
    block.gap.buffer as ArrayBuffer,
    block.bands.buffer as ArrayBuffer,
  ]);
} catch (e) {
  const error =
    e instanceof GuarantorError
      ? { code: e.code, message: e.message, path: e.path }
      : { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e), path: '' };
  post({ type: 'error', error });
}
