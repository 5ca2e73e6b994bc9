/** The CLI's exit codes: one place, so scripts can rely on them. */
export const ExitCode = {
  ok: 0,
  /** The input is wrong: a bad plan, an unknown id, a file that cannot be read or written. */
  invalidInput: 1,
  /** The command line is wrong: unknown option, missing argument, a number out of range. */
  usage: 2,
  /** A bug in guarantor (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
