/**
 * The CLI's view of the process: streams, environment and terminal facts, passed in explicitly so the
 * commands can be run against fakes and the real process alike.
 */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  readonly stderrIsTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Writes `text` and resolves once the stream has taken it (so exiting afterwards loses nothing). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    // Errors (EPIPE: the reader went away) are handled by the stream's 'error' listener in main.ts.
    stream.write(text, () => resolve());
  });
}

/** One line (or several) on stderr. */
export function writeErrorLines(io: CliIo, lines: readonly string[]): Promise<void> {
  return lines.length === 0 ? Promise.resolve() : write(io.stderr, `${lines.join('\n')}\n`);
}
