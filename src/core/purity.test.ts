/**
 * The core is pure (DESIGN.md, STYLE.md habit 1): no I/O, no clock, no Math.random, no environment,
 * and no imports from the adapters around it. This test reads the core's sources and fails on any
 * import or call that would break that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Runtime packages the core may use: pure libraries that do no I/O. */
const ALLOWED_PACKAGES = new Set(['zod', 'yaml', 'jsonc-parser']);

const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bMath\.random\s*\(/, 'Math.random (draws come from counter-rng, keyed by seed)'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)/, 'the clock'],
  [/\bprocess\./, 'process (environment, exit, streams)'],
  [/\brequire\s*\(/, 'require'],
];

describe('the core', () => {
  const files = sources(CORE);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))(
    '%s imports only the core and pure packages',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const spec = match[1] as string;
        if (spec.startsWith('.')) {
          const target = join(file, '..', spec);
          expect(relative(CORE, target).startsWith('..'), `${spec} leaves src/core`).toBe(false);
        } else {
          const name = spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split('/')[0] as string);
          expect(ALLOWED_PACKAGES.has(name), `imports ${spec}`).toBe(true);
        }
      }
      for (const [pattern, what] of FORBIDDEN_CALLS) expect(pattern.test(text), `uses ${what}`).toBe(false);
    },
  );
});
