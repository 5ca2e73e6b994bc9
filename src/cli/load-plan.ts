/**
 * The file side of loading a plan: read the file (or stdin for `-`), refuse what is too large or not
 * text, then hand the text to the pure `parsePlan`. Invalid plans become a CliError carrying every
 * issue as `file:line:col path: message`.
 */
import { formatIssue } from '../core/errors.js';
import { MAX_PLAN_BYTES, type Plan } from '../core/plan/index.js';
import type { OverrideIssue } from '../core/plan/overrides.js';
import { parsePlanWithOverrides } from '../core/plan/parse-plan-with-overrides.js';
import { CliError } from './errors/cli-error.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, writeErrorLines } from './io.js';
import { readCappedFile } from './read-capped-file.js';

export interface LoadedPlan {
  /** The name used in messages: the path as given, or `<stdin>`. */
  readonly file: string;
  readonly plan: Plan;
  readonly warnings: readonly OverrideIssue[];
}

export const STDIN_NAME = '<stdin>';

/**
 * Loads and validates a plan; `sets` are `--set path=value` overrides (set-option.ts), applied before
 * validation, so a bad value is reported like one in the file, naming the `--set` it came from.
 */
export async function loadPlan(path: string, io: CliIo, sets: readonly string[] = []): Promise<LoadedPlan> {
  const file = path === '-' ? STDIN_NAME : path;
  const bytes = path === '-' ? await readStdin(io.stdin) : await readPlanFile(path);
  const text = decodeUtf8(bytes, file);
  const result = parsePlanWithOverrides(text, file, sets);
  if (!result.ok) {
    // A malformed --set is a command-line mistake (set-option.ts normally refuses it while parsing).
    const usage = result.error.every((i) => i.severity !== 'error' || SET_USAGE_CODES.has(i.code));
    throw new CliError(
      result.error.map((issue) => formatPlanIssue(file, issue)),
      usage ? ExitCode.usage : ExitCode.invalidInput,
    );
  }
  return { file, plan: result.value.plan, warnings: result.value.warnings };
}

/** Prints a loaded plan's warnings on stderr, one `file:line:col path: warning: …` line each. */
export function printWarnings(io: CliIo, loaded: LoadedPlan): Promise<void> {
  return writeErrorLines(
    io,
    loaded.warnings.map((w) => formatPlanIssue(loaded.file, w)),
  );
}

const SET_USAGE_CODES: ReadonlySet<string> = new Set(['SET_SYNTAX', 'SET_BAD_VALUE']);

/** `file:line:col path: message`, or `--set a.b=c path: message` for an issue an override caused. */
export function formatPlanIssue(file: string, issue: OverrideIssue): string {
  return formatIssue(issue.override === undefined ? file : `--set ${issue.override}`, issue);
}

function readPlanFile(path: string): Promise<Buffer> {
  // Refuse a huge file before reading it into memory; parsePlan applies the exact per-format limits.
  return readCappedFile(path, MAX_PLAN_BYTES, tooLarge);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_PLAN_BYTES) throw tooLarge(STDIN_NAME, size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(file: string, bytes: number): CliError {
  const mb = (n: number) => `${Math.round(n / 1e5) / 10} MB`;
  return new CliError(
    [`error: cannot read ${file}: it is ${mb(bytes)}; plans are limited to ${mb(MAX_PLAN_BYTES)}`],
    ExitCode.invalidInput,
  );
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      [`error: cannot read ${file}: it is not UTF-8 text (a plan is a YAML or JSON file)`],
      ExitCode.invalidInput,
    );
  }
}
