/**
 * Errors a user can act on: a stable code, where (file, line, column, path) and what was expected.
 * They are plain data so they cross worker and HTTP boundaries; one place per adapter maps them to
 * exit codes or statuses.
 */

export interface Issue {
  /** Stable, e.g. `PLAN_UNKNOWN_CAPABILITY`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Path inside the plan, e.g. `pledges[3].capability`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /** 1-based position in the source text, where it is known. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a path array as `pledges[3].capability`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** `file:line:col path: message`, the one-line form the CLI prints. */
export function formatIssue(file: string, issue: Issue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return issue.path === ''
    ? `${where}: ${prefix}${issue.message}`
    : `${where} ${issue.path}: ${prefix}${issue.message}`;
}

/** Thrown by the engine for requests it cannot honour (unknown variant id, …): a user error, not a bug. */
export class GuarantorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'GuarantorError';
  }
}
