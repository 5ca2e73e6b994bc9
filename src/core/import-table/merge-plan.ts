/**
 * Imported pledges into a base plan (added to its pledges, or replacing them), validated by the plan
 * rules themselves (shape, then cross-references: MODEL.md §1). An issue about an imported pledge is
 * moved to the spreadsheet cell the value came from; one about the rest stays at its line of the base
 * plan. The plan is written back through the YAML document, so the base plan's comments survive.
 */
import { isSeq, parseDocument, stringify } from 'yaml';
import { formatPath, type Issue } from '../errors.js';
import { checkReferences } from '../plan/check-references.js';
import { checkShape } from '../plan/check-shape.js';
import { MAX_JSON_PLAN_BYTES, MAX_YAML_PLAN_BYTES } from '../plan/limits.js';
import { type Locator, type PathPart, parsePath } from '../plan/locate.js';
import { parsePlan, planFormat, readPlanText } from '../plan/parse-plan.js';
import type { RawPlan, RawPledge } from '../plan/schema.js';
import { createSuggester, didYouMean } from '../plan/suggest.js';
import { err, ok, type Result } from '../result.js';
import type { PledgeOrigin } from './import-pledges.js';
import { type ImportIssue, tableIssue } from './issues.js';

export interface MergedPlan {
  /** The plan as text: YAML with the base plan's comments kept, or JSON. */
  readonly text: string;
  /** Warnings of the plan checks, placed like errors. */
  readonly warnings: readonly ImportIssue[];
}

export interface MergeRequest {
  readonly baseText: string;
  readonly baseFile: string;
  readonly pledges: readonly RawPledge[];
  readonly origins: readonly PledgeOrigin[];
  /** Replace the base plan's pledges instead of adding to them. */
  readonly replace: boolean;
  /** The text to write: YAML (the default) or JSON, which may be larger (limits.ts). */
  readonly format?: 'yaml' | 'json';
  /** Rows refused for a bad cell: their actor, capability and requires are still checked. */
  readonly rejected?: readonly { readonly pledge: Partial<RawPledge>; readonly origin: PledgeOrigin }[];
}

const KEY_CODES: ReadonlySet<string> = new Set(['PLAN_UNKNOWN_FIELD', 'PLAN_UNKNOWN_DOMAIN']);

/** The base plan with the imported pledges, or every issue that makes it invalid. */
export function mergeIntoPlan(request: MergeRequest): Result<MergedPlan, ImportIssue[]> {
  const read = readPlanText(request.baseText, request.baseFile);
  if (!read.ok) return err(read.error.map((issue) => ({ in: 'plan', issue })));
  const { data, locate, warnings } = read.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return err([
      {
        in: 'plan',
        issue: { code: 'PLAN_INVALID_TYPE', severity: 'error', path: '', message: 'a plan is a mapping' },
      },
    ]);
  }
  const base = data as Record<string, unknown>;
  const basePledges = Array.isArray(base.pledges) ? (base.pledges as unknown[]) : [];
  const offset = request.replace ? 0 : basePledges.length;
  const merged = {
    ...base,
    pledges: request.replace ? [...request.pledges] : [...basePledges, ...request.pledges],
  };
  const place = placer(request, offset, locate, basePledges.length);
  const textWarnings: ImportIssue[] = warnings.map((issue) => ({ in: 'plan', issue }));

  const shape = checkShape(merged);
  if (!shape.ok) {
    return err([
      ...textWarnings,
      ...shape.error.map((p) =>
        place({ code: p.code, severity: p.severity, message: p.message }, p.path, p.anchor),
      ),
    ]);
  }
  const references = checkReferences(shape.value).map((issue) =>
    place(issue, parsePath(issue.path) ?? [], KEY_CODES.has(issue.code) ? 'key' : 'value'),
  );
  const issues = [...textWarnings, ...references, ...checkRejected(shape.value, request.rejected ?? [])];
  if (issues.some((i) => (i.in === 'table' ? i.severity : i.issue.severity) === 'error')) return err(issues);

  const format = request.format ?? 'yaml';
  const text =
    format === 'json'
      ? `${JSON.stringify(merged, null, 2)}\n`
      : planFormat(request.baseText, request.baseFile) === 'json'
        ? // A JSON base has no comments to keep: its data is written as YAML.
          stringify(merged, { version: '1.2', lineWidth: 0 })
        : writeYaml(request, merged.pledges as readonly unknown[]);
  // The text written must be the plan validated: parse it again, as `guarantor validate` will.
  const check = parsePlan(text, format === 'json' ? 'plan.json' : 'plan.yaml');
  if (!check.ok) {
    return err(
      check.error.map((issue) => ({
        in: 'plan',
        issue:
          issue.code === 'PLAN_TOO_LARGE'
            ? {
                ...issue,
                code: 'IMPORT_PLAN_TOO_LARGE',
                message:
                  format === 'yaml'
                    ? `the plan with the imported pledges would be ${/^the plan is ([^;]*)/.exec(issue.message)?.[1] ?? 'too large'} ` +
                      `as YAML, over the ${MAX_YAML_PLAN_BYTES / 1e6} MB limit of YAML plans: add --json ` +
                      `(JSON plans may hold up to ${MAX_JSON_PLAN_BYTES / 1e6} MB)`
                    : `the plan with the imported pledges would be too large: ${issue.message}`,
              }
            : {
                ...issue,
                code: 'IMPORT_OUTPUT_INVALID',
                message: `the plan written would not be valid (a bug in guarantor, please report it): ${issue.message}`,
              },
      })),
    );
  }
  return ok({ text, warnings: issues });
}

/** Issue → where it belongs: the imported pledge's cell, or the base plan's line. */
function placer(request: MergeRequest, offset: number, locate: Locator, baseCount: number) {
  const baseLine = (index: number): string => {
    const at = locate([{ path: ['pledges', index, 'id'], anchor: 'value' }])[0];
    return at === undefined ? `pledges[${index}]` : `the base plan's line ${at.line}`;
  };
  const rewriteFirst = (message: string) =>
    message.replace(/pledges\[(\d+)\]\.id/g, (whole, n: string) => {
      const index = Number(n);
      const origin = request.origins[index - offset];
      if (index >= offset && origin !== undefined) return origin.row;
      return index < baseCount ? baseLine(index) : whole;
    });
  return (
    issue: Pick<Issue, 'code' | 'severity' | 'message'>,
    path: readonly PathPart[],
    anchor: 'key' | 'value',
  ): ImportIssue => {
    const index = path[0] === 'pledges' && typeof path[1] === 'number' ? path[1] : undefined;
    const origin = index === undefined || index < offset ? undefined : request.origins[index - offset];
    if (origin !== undefined) {
      const field = path[2] as keyof PledgeOrigin['cells'] | undefined;
      const cell = field === undefined ? undefined : origin.cells[field];
      const message =
        cell === undefined && field !== undefined && issue.code.startsWith('PLAN_MISSING')
          ? `${issue.message}: fill the column mapped to ${field} (columns.${field}), or set defaults.${field} in the mapping`
          : remedy(issue.code, rewriteFirst(issue.message));
      return tableIssue(issue.code, cell ?? origin.row, message, issue.severity, origin.rowNumber);
    }
    const at = locate([{ path, anchor }])[0];
    const placed: Issue = { ...issue, path: formatPath(path) };
    return { in: 'plan', issue: at === undefined ? placed : { ...placed, line: at.line, column: at.column } };
  };
}

/** The references of refused rows, against the plan's actors and capabilities. */
function checkRejected(plan: RawPlan, rejected: NonNullable<MergeRequest['rejected']>): ImportIssue[] {
  const actors = new Set(plan.actors.map((a) => a.id));
  const capabilities = new Set(plan.capabilities.map((c) => c.id));
  const suggestActor = createSuggester(actors);
  const suggestCapability = createSuggester(capabilities);
  const issues: ImportIssue[] = [];
  for (const { pledge, origin } of rejected) {
    const report = (
      code: string,
      field: 'actor' | 'capability' | 'requires',
      kind: string,
      id: string,
      guess?: string,
    ) =>
      issues.push(
        tableIssue(
          code,
          origin.cells[field] ?? origin.row,
          remedy(code, `unknown ${kind} "${id}"${didYouMean(guess)}`),
          'error',
          origin.rowNumber,
        ),
      );
    if (pledge.actor !== undefined && !actors.has(pledge.actor)) {
      report('PLAN_UNKNOWN_ACTOR', 'actor', 'actor', pledge.actor, suggestActor(pledge.actor));
    }
    if (pledge.capability !== undefined && !capabilities.has(pledge.capability)) {
      report(
        'PLAN_UNKNOWN_CAPABILITY',
        'capability',
        'capability',
        pledge.capability,
        suggestCapability(pledge.capability),
      );
    }
    for (const id of pledge.requires ?? []) {
      if (!actors.has(id)) report('PLAN_UNKNOWN_ACTOR', 'requires', 'actor', id, suggestActor(id));
    }
  }
  return issues;
}

function remedy(code: string, message: string): string {
  switch (code) {
    case 'PLAN_UNKNOWN_ACTOR':
      return `${message} (not an actor of the plan: add it to the plan's actors, or translate the cell under values.actor in the mapping)`;
    case 'PLAN_UNKNOWN_CAPABILITY':
      return `${message} (not a capability of the plan: add it, or translate the cell under values.capability in the mapping)`;
    default:
      return message;
  }
}

function writeYaml(request: MergeRequest, pledges: readonly unknown[]): string {
  const doc = parseDocument(request.baseText.replace(/^\uFEFF/, ''), { version: '1.2' });
  const seq = doc.get('pledges');
  // Appended to a block list, the base pledges keep their comments; a flow list (`pledges: []`) or a
  // replaced one is written anew, in block style.
  if (request.replace || !isSeq(seq) || seq.flow === true || seq.items.length === 0) {
    const node = doc.createNode(pledges);
    node.flow = false;
    doc.set('pledges', node);
  } else {
    for (const p of request.pledges) seq.items.push(doc.createNode(p));
  }
  return doc.toString({ lineWidth: 0 });
}
