/** Where tests find the compiled code (built by `npm test` or by build-once.ts). */
export const distWorkerUrl = new URL('../../dist/runner/trial-worker.js', import.meta.url);
export const cliPath = new URL('../../bin/guarantor.js', import.meta.url).pathname;
