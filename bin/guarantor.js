#!/usr/bin/env node
// The npm bin: runs the compiled CLI in dist/ (built by `npm run build`).
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  const missing =
    error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(fileURLToPath(entry));
  process.stderr.write(
    missing
      ? 'guarantor: dist/ is missing — run `npm run build` first\n'
      : `guarantor: cannot load ${fileURLToPath(entry)}: ${error?.message ?? error} (try \`npm run build\`)\n`,
  );
  process.exit(missing ? 2 : 70);
}
process.exitCode = await cli.main(process.argv);
