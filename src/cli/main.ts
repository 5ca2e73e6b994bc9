/**
 * The CLI's entry (bin/guarantor.js imports it): parse the command line, run the command, and map
 * every failure to a message and an exit code — never a stack trace unless GUARANTOR_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { describeFailure, internalErrorLines } from './errors/describe-failure.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, processIo, writeErrorLines } from './io.js';
import { createProgram } from './program.js';

/** Runs the CLI and resolves to the exit code; `argv` as in process.argv (node, script, args…). */
export async function main(argv: readonly string[] = process.argv, io: CliIo = processIo()): Promise<number> {
  const debug = io.env.GUARANTOR_DEBUG === '1';
  quietOnBrokenPipe(io);
  catchStrays(io, debug);
  const program = createProgram(io, packageVersion());
  try {
    await program.command.parseAsync([...argv]);
    return program.exitCode() ?? ExitCode.ok;
  } catch (error) {
    const failure = describeFailure(error, debug);
    await writeErrorLines(io, failure.lines);
    return failure.exitCode;
  }
}

function packageVersion(): string {
  try {
    // dist/cli/main.js and src/cli/main.ts are both two levels below the package root.
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * `guarantor assess … | head`: the reader goes away, the next write fails with EPIPE. That is not an
 * error of ours; stop quietly.
 */
function quietOnBrokenPipe(io: CliIo): void {
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(ExitCode.ok);
    process.stderr.write(`error: cannot write the output: ${error.message}\n`);
    process.exit(ExitCode.invalidInput);
  });
}

/** Errors outside the awaited chain (a worker's late failure) still end in one line and exit 70. */
function catchStrays(io: CliIo, debug: boolean): void {
  const fail = (error: unknown) => {
    io.stderr.write(`${internalErrorLines(error, debug).join('\n')}\n`);
    process.exit(ExitCode.internal);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
