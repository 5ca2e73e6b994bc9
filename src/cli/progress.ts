/**
 * The CLI's progress sink (STYLE.md habit 6): the engine reports `{ done, total }`, this draws a bar on
 * stderr. Only on a terminal, never in CI or pipes, and only once a run has lasted `delayMs` — a quick
 * run shows nothing. The start is decided inside `onProgress`, not by a timer, because the in-process
 * engine is synchronous and no timer would fire while it runs.
 */
import { SingleBar } from 'cli-progress';
import type { Progress } from '../core/engine/assess.js';
import type { CliIo } from './io.js';

export interface ProgressSink {
  readonly onProgress: (progress: Progress) => void;
  /** Removes the bar, if one was drawn. Safe to call more than once. */
  readonly stop: () => void;
}

export interface ProgressOptions {
  readonly label: string;
  /** Default 1000 ms. */
  readonly delayMs?: number;
  /** Clock; default Date.now. */
  readonly now?: () => number;
}

export function progressEnabled(io: CliIo): boolean {
  const { env } = io;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return io.stderrIsTTY && !ci && env.TERM !== 'dumb' && env.GUARANTOR_PROGRESS !== '0';
}

export function progressSink(io: CliIo, options: ProgressOptions): ProgressSink {
  if (!progressEnabled(io)) return { onProgress: () => undefined, stop: () => undefined };
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 1000;
  const started = now();
  let bar: SingleBar | undefined;
  return {
    onProgress({ done, total }) {
      if (bar === undefined) {
        if (done >= total || now() - started < delay) return;
        bar = new SingleBar({
          stream: io.stderr as NodeJS.WriteStream,
          format: `${options.label} [{bar}] {percentage}% · {value}/{total} trials · {eta_formatted} left`,
          barsize: 30,
          clearOnComplete: true,
          // Leave the terminal's cursor and line wrapping alone (the bar is cut to the width instead), and
          // install no SIGINT handler: Ctrl-C must stop a run at once, even the synchronous in-process one,
          // and there is then nothing to restore.
          hideCursor: false,
          linewrap: true,
          gracefulExit: false,
        });
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
