/**
 * Worker-thread entry of a job: runs one analysis on the plan data it is given and posts progress, then
 * the document as JSON text (or the error). Compiled to dist/jobs/job-worker.js beside executor.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GuarantorError } from '../core/errors.js';
import type { JobMessage, JobTask } from './job-protocol.js';
import { runAnalysis } from './run-analysis.js';

const port = parentPort;
if (port === null) throw new Error('job-worker must run in a worker thread');
const post = (m: JobMessage) => port.postMessage(m);

try {
  const document = await runAnalysis(workerData as JobTask, (progress) =>
    post({ type: 'progress', progress }),
  );
  post({ type: 'done', document: JSON.stringify(document) });
} catch (e) {
  post({
    type: 'error',
    error:
      e instanceof GuarantorError
        ? { code: e.code, message: e.message, path: e.path }
        : { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
  });
}
