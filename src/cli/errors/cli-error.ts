/**
 * An error already phrased for the user: its lines go to stderr as they are (no stack, no prefix), and
 * the process exits with `exitCode`. Commands throw it; main.ts prints it.
 */
import type { ExitCode } from '../exit-codes.js';

export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode: ExitCode,
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}
