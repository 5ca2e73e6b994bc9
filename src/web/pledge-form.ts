/**
 * The pledge editor's data shaping, pure: the form's fields (the plan format's pledge fields, MODEL.md
 * §1), a pledge ⇄ form draft, the changed fields of an edit (a PATCH sends only those, and `null` for a
 * field the user cleared: the API's PATCH is JSON Merge Patch, RFC 7396), the reason and
 * optional source every write carries, re-applying an edit on a pledge someone else changed meanwhile
 * (after a 409), and which field a server error names.
 */

export const POSTURES = ['in-place', 'on-call', 'backstop', 'production'] as const;
export const BINDINGNESS = ['treaty-automatic', 'treaty-consultative', 'executive', 'political'] as const;
export const STATUSES = ['announced', 'committed', 'delivered', 'withdrawn'] as const;

export type Pledge = Readonly<Record<string, unknown>>;

/** How a field is entered: a text id, a choice among the plan's entities or fixed values, a number, a list. */
export type FieldInput = 'id' | 'actor' | 'capability' | 'choice' | 'number' | 'list';

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly input: FieldInput;
  readonly required: boolean;
  readonly options?: readonly string[];
  /** Said on hover. */
  readonly hint?: string;
  /** Shown in the empty field. */
  readonly example?: string;
}

/**
 * The pledge schema's fields (src/core/plan/schema.ts `pledgeSchema`, same order) that the form edits.
 * `sources` is not a form field: a pledge keeps its sources, and a write's source is its attribution.
 */
export const PLEDGE_FIELDS: readonly FieldSpec[] = [
  { key: 'id', label: 'Id', input: 'id', required: true, hint: 'unique in the plan', example: 'gbr-jets' },
  { key: 'actor', label: 'Actor', input: 'actor', required: true },
  { key: 'capability', label: 'Capability', input: 'capability', required: true },
  {
    key: 'quantity',
    label: 'Quantity',
    input: 'number',
    required: false,
    hint: 'units of the capability; required unless the posture is production',
  },
  { key: 'posture', label: 'Posture', input: 'choice', required: true, options: POSTURES },
  { key: 'readinessDays', label: 'Readiness (days)', input: 'number', required: false },
  { key: 'bindingness', label: 'Bindingness', input: 'choice', required: false, options: BINDINGNESS },
  {
    key: 'triggers',
    label: 'Triggers (condition)',
    input: 'list',
    required: false,
    hint: 'scenario tags it answers, comma-separated; empty = every scenario',
    example: 'air, sea',
  },
  {
    key: 'requires',
    label: 'Requires (condition)',
    input: 'list',
    required: false,
    hint: 'actors that must honour in the same trial, comma-separated',
    example: 'USA',
  },
  { key: 'fundingPerYear', label: 'Funding per year', input: 'number', required: false },
  { key: 'status', label: 'Status', input: 'choice', required: false, options: STATUSES },
];

const FIELD_KEYS = new Set(PLEDGE_FIELDS.map((f) => f.key));

/** The form's text for each field ('' = absent). */
export type Draft = Readonly<Record<string, string>>;

/** A pledge as the form shows it: numbers as text, lists comma-separated, absent as ''. */
export function draftOf(pledge: Pledge | undefined, defaults: Readonly<Record<string, string>> = {}): Draft {
  const draft: Record<string, string> = {};
  for (const field of PLEDGE_FIELDS) {
    const value = pledge?.[field.key];
    draft[field.key] =
      value === undefined || value === null
        ? (defaults[field.key] ?? '')
        : Array.isArray(value)
          ? value.join(', ')
          : String(value);
  }
  return draft;
}

export interface FieldError {
  /** A form field's key (`quantity`, `reason`, `source.title`), or '' for the whole form. */
  readonly field: string;
  readonly message: string;
}

export type Shaped<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: FieldError[] };

/**
 * The pledge a draft describes, on top of `base` (the pledge as read, whose other fields such as
 * `sources` are kept). Empty optional fields are left out; numbers must be ≥ 0.
 */
export function pledgeFromDraft(draft: Draft, base: Pledge = {}): Shaped<Pledge> {
  const pledge: Record<string, unknown> = { ...base };
  const errors: FieldError[] = [];
  for (const field of PLEDGE_FIELDS) {
    const text = (draft[field.key] ?? '').trim();
    delete pledge[field.key];
    if (text === '') {
      if (field.required) errors.push({ field: field.key, message: `${field.label} is required` });
      continue;
    }
    switch (field.input) {
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n) || n < 0) errors.push({ field: field.key, message: 'expected a number ≥ 0' });
        else pledge[field.key] = n;
        break;
      }
      case 'list': {
        const items = text
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        if (items.length > 0) pledge[field.key] = items;
        break;
      }
      case 'choice':
        if (field.options !== undefined && !field.options.includes(text)) {
          errors.push({ field: field.key, message: `expected one of ${field.options.join(', ')}` });
        } else pledge[field.key] = text;
        break;
      case 'id':
      case 'actor':
      case 'capability':
        pledge[field.key] = text;
        break;
      default:
        field.input satisfies never;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: pledge };
}

/**
 * The fields of `edited` that differ from `original` (what a PATCH sends; the id is the URL's). A field
 * the user cleared is sent as `null`, which removes it (JSON Merge Patch); a required field cannot be
 * cleared (pledgeFromDraft refuses it first, and the server would answer 400 naming it).
 */
export function changedFields(original: Pledge, edited: Pledge): Shaped<Record<string, unknown>> {
  const changes: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of PLEDGE_FIELDS) {
    const key = field.key;
    if (key === 'id') continue;
    const was = original[key] ?? null;
    const now = edited[key] ?? null;
    if (now === null && was !== null && field.required) {
      errors.push({ field: key, message: `${field.label} is required: it cannot be removed` });
      continue;
    }
    if (!sameValue(was, now)) changes[key] = now;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: changes };
}

/** Equal as JSON, with an absent value and null the same (both mean "no such field"). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface SourceDraft {
  readonly title: string;
  readonly url: string;
  readonly date: string;
}

export interface Source {
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
}

export interface WriteFields {
  readonly reason: string;
  readonly source?: Source;
}

/** As the plan format: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The reason (required) and the source (optional; but a source given needs a title) of a write. */
export function writeFields(reason: string, source: SourceDraft): Shaped<WriteFields> {
  const errors: FieldError[] = [];
  const why = reason.trim();
  if (why === '') errors.push({ field: 'reason', message: 'every change needs a reason' });
  const title = source.title.trim();
  const url = source.url.trim();
  const date = source.date.trim();
  if (title === '' && (url !== '' || date !== '')) {
    errors.push({ field: 'source.title', message: 'a source needs a title' });
  }
  if (date !== '' && !ISO_DATE.test(date)) {
    errors.push({ field: 'source.date', message: 'expected a date as YYYY-MM-DD' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const given: Source | undefined =
    title === '' ? undefined : { title, ...(url === '' ? {} : { url }), ...(date === '' ? {} : { date }) };
  return { ok: true, value: { reason: why, ...(given === undefined ? {} : { source: given }) } };
}

/** One write of the editor. */
export type PledgeWrite =
  | { readonly kind: 'create'; readonly pledge: Pledge }
  | {
      readonly kind: 'change';
      readonly pledgeId: string;
      readonly changes: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'withdraw'; readonly pledgeId: string };

export interface WriteRequest {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The HTTP request of a write, with the version the user read (the server answers 409 if it moved on). */
export function writeRequest(
  planId: string,
  write: PledgeWrite,
  fields: WriteFields,
  expectedVersion: number,
): WriteRequest {
  const plan = `/plans/${encodeURIComponent(planId)}/pledges`;
  const common = { ...fields, expectedVersion };
  switch (write.kind) {
    case 'create':
      return { method: 'POST', path: plan, body: { pledge: write.pledge, ...common } };
    case 'change':
      return {
        method: 'PATCH',
        path: `${plan}/${encodeURIComponent(write.pledgeId)}`,
        body: { changes: write.changes, ...common },
      };
    case 'withdraw':
      return {
        method: 'POST',
        path: `${plan}/${encodeURIComponent(write.pledgeId)}/withdraw`,
        body: common,
      };
    default:
      return write satisfies never;
  }
}

/** A key for one logical submit: the same request again (a retry) keeps its key; another gets a new one. */
export function idempotencyKeyFor(
  previous: { readonly request: string; readonly key: string } | undefined,
  request: WriteRequest,
  newKey: () => string,
): { readonly request: string; readonly key: string } {
  const text = JSON.stringify(request);
  return previous !== undefined && previous.request === text ? previous : { request: text, key: newKey() };
}

export interface TheirChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** The user's edit changes this field too: theirs is overwritten by the re-applied edit. */
  readonly overlaps: boolean;
}

export type Reapplied =
  | {
      readonly ok: true;
      readonly write: PledgeWrite;
      readonly fresh?: Pledge;
      readonly theirs: TheirChange[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * The user's write re-applied on the plan as it is now (after a 409): a change keeps the fields the
 * user changed (dropping those already at the user's value) on the fresh pledge, and lists what others
 * changed meanwhile, so the user confirms before saving again.
 */
export function reapply(
  write: PledgeWrite,
  original: Pledge | undefined,
  freshPledges: readonly Pledge[],
): Reapplied {
  const find = (id: string) => freshPledges.find((p) => p.id === id);
  switch (write.kind) {
    case 'create':
      return find(String(write.pledge.id)) === undefined
        ? { ok: true, write, theirs: [] }
        : { ok: false, message: `a pledge "${String(write.pledge.id)}" exists now: choose another id` };
    case 'withdraw': {
      const fresh = find(write.pledgeId);
      if (fresh === undefined)
        return { ok: false, message: `pledge "${write.pledgeId}" is no longer in the plan` };
      if (fresh.status === 'withdrawn')
        return { ok: false, message: `pledge "${write.pledgeId}" was withdrawn meanwhile` };
      return { ok: true, write, fresh, theirs: theirChanges(original ?? fresh, fresh, {}) };
    }
    case 'change': {
      const fresh = find(write.pledgeId);
      if (fresh === undefined)
        return { ok: false, message: `pledge "${write.pledgeId}" is no longer in the plan` };
      if (fresh.status === 'withdrawn' && write.changes.status === undefined) {
        return { ok: false, message: `pledge "${write.pledgeId}" was withdrawn meanwhile` };
      }
      // A removal (null) of a field that is already gone is dropped too.
      const changes = Object.fromEntries(
        Object.entries(write.changes).filter(([key, value]) => !sameValue(fresh[key], value)),
      );
      return {
        ok: true,
        write: { ...write, changes },
        fresh,
        theirs: theirChanges(original ?? fresh, fresh, write.changes),
      };
    }
    default:
      return write satisfies never;
  }
}

function theirChanges(
  original: Pledge,
  fresh: Pledge,
  mine: Readonly<Record<string, unknown>>,
): TheirChange[] {
  const keys = [...new Set([...Object.keys(fresh), ...Object.keys(original)])];
  return keys
    .filter((key) => JSON.stringify(original[key]) !== JSON.stringify(fresh[key]))
    .map((key) => ({
      field: key,
      before: original[key] ?? null,
      after: fresh[key] ?? null,
      overlaps: key in mine,
    }));
}

/**
 * The form field a server error's path names: `changes.quantity`, `pledge.quantity` and
 * `pledges[3].quantity` name `quantity`; `reason` and `source.title` name themselves; anything else
 * (or no path) is the whole form's ('').
 */
export function fieldOfPath(path: string | undefined): string {
  if (path === undefined) return '';
  if (path === 'reason') return 'reason';
  if (path === 'source') return 'source.title';
  if (/^source\.(title|url|date)$/.test(path)) return path;
  const match = /^(?:changes|pledge|pledges\[\d+\])\.([A-Za-z]+)/.exec(path);
  const field = match?.[1];
  return field !== undefined && FIELD_KEYS.has(field) ? field : '';
}

/** A value as the editor shows it in "before → after" lists: absent as "—", lists comma-separated. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
