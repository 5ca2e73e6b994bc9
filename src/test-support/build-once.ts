/**
 * Vitest global setup: tests of worker threads and of the CLI run the compiled JavaScript in dist/.
 * `npm test` builds before running vitest; this covers `npx vitest` on a fresh checkout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(): void {
  if (!existsSync(`${repoRoot}dist/runner/trial-worker.js`) || !existsSync(`${repoRoot}dist/cli/main.js`)) {
    execFileSync(
      process.execPath,
      [`${repoRoot}node_modules/typescript/bin/tsc`, '-p', `${repoRoot}tsconfig.build.json`],
      {
        stdio: 'inherit',
      },
    );
  }
}
