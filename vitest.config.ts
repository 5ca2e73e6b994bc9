import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tests of the worker path and the CLI run the compiled dist/; build it once if it is missing.
    globalSetup: ['src/test-support/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
