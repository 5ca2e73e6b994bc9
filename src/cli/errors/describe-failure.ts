/**
 * The one place that turns anything thrown into what the user sees and the exit code (STYLE.md habit 5):
 * plan and input errors → 1 with their message; command-line errors → 2 (commander has printed them);
 * anything else is a bug → 70 with a one-line message and a hint to report it, the stack only with
 * GUARANTOR_DEBUG=1.
 */
import { CommanderError } from '@commander-js/extra-typings';
import { GuarantorError } from '../../core/errors.js';
import { ExitCode } from '../exit-codes.js';
import { CliError } from './cli-error.js';

export interface Failure {
  readonly exitCode: ExitCode;
  /** Lines for stderr; empty when they were printed already. */
  readonly lines: readonly string[];
}

/** Codes a GuarantorError may carry that mean "a bug", not "bad input" (the worker's catch-all). */
const INTERNAL_CODES: ReadonlySet<string> = new Set(['INTERNAL']);

export function describeFailure(error: unknown, debug: boolean): Failure {
  if (error instanceof CliError) return { exitCode: error.exitCode, lines: error.lines };
  if (error instanceof CommanderError) {
    // --help and --version end through the same path with exit code 0.
    return { exitCode: error.exitCode === 0 ? ExitCode.ok : ExitCode.usage, lines: [] };
  }
  if (error instanceof GuarantorError && !INTERNAL_CODES.has(error.code)) {
    return { exitCode: ExitCode.invalidInput, lines: [`error: ${error.message}`] };
  }
  return { exitCode: ExitCode.internal, lines: internalErrorLines(error, debug) };
}

export function internalErrorLines(error: unknown, debug: boolean): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  const lines = [
    `internal error: ${firstLine}`,
    'This is a bug in guarantor. Please report it with the command you ran' +
      (debug ? '.' : ' (GUARANTOR_DEBUG=1 shows the details).'),
  ];
  if (debug) {
    const stack = error instanceof Error ? error.stack : undefined;
    if (stack !== undefined) lines.push(stack);
  }
  return lines;
}
