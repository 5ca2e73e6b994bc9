/**
 * Parsers for numeric command-line options: strict (no `12abc`, no `1.5` trials), with the range in the
 * message. Commander turns the thrown InvalidArgumentError into a usage error (exit 2).
 */
import { InvalidArgumentError } from '@commander-js/extra-typings';

/** Largest number of trials of one run (MODEL.md §1). */
export const MAX_TRIALS = 10_000_000;
export const MAX_THREADS = 256;

const NUMBER = /^[0-9]+(\.[0-9]+)?(e\+?[0-9]+)?$/i;

/** A parser for an integer option in [min, max]; `what` completes "It must be …". */
export function integerIn(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = NUMBER.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`It must be ${what}.`);
    return n;
  };
}

export const parseTrials = integerIn(1, MAX_TRIALS, 'an integer from 1 to 10000000 (10^7)');
export const parseSeed = integerIn(0, Number.MAX_SAFE_INTEGER, 'an integer ≥ 0');
export const parseThreads = integerIn(1, MAX_THREADS, `an integer from 1 to ${MAX_THREADS}`);
/** `serve --workers`: 0 only enqueues (PostgreSQL: `guarantor worker` processes run the jobs). */
export const parseWorkers = integerIn(0, MAX_THREADS, `an integer from 0 to ${MAX_THREADS}`);
export const parsePort = integerIn(0, 65_535, 'a TCP port from 0 to 65535 (0: any free port)');

/** For repeatable options: `--variant a --variant b` → ['a', 'b']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
