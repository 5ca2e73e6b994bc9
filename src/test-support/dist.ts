/** Where tests find the compiled code (built by `npm test` or by build-once.ts). */
import { fileURLToPath } from 'node:url';

export const distWorkerUrl = new URL('../../dist/runner/trial-worker.js', import.meta.url);
export const cliPath = fileURLToPath(new URL('../../bin/guarantor.js', import.meta.url));
