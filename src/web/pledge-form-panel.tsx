/**
 * The pledge editor's form (views/pledge-editor.tsx): the pledge's fields (an optional one emptied is
 * removed: the PATCH sends null), the reason and optional source of the write, the errors next to the fields they name (with the server's path), the conflict
 * panel of a 409 (reload and re-apply, or discard) and the note after a re-apply.
 */
import { type FormEvent, useEffect, useRef } from 'react';
import {
  type Draft,
  type FieldError,
  type FieldSpec,
  PLEDGE_FIELDS,
  type Pledge,
  type PledgeWrite,
  type SourceDraft,
  showValue,
  type TheirChange,
} from './pledge-form';
import type { PlanData } from './session';

export type Mode = 'create' | 'edit' | 'withdraw';

/** A server error on a field keeps the path the server named, shown next to the field. */
export type FormError = FieldError & { readonly path?: string };

export interface Editing {
  readonly mode: Mode;
  /** The pledge as the user read it (edit, withdraw). */
  readonly original?: Pledge;
  /** The plan version the user read: every write sends it as expectedVersion. */
  readonly readVersion: number;
  readonly draft: Draft;
  readonly reason: string;
  readonly source: SourceDraft;
  readonly errors: readonly FormError[];
  readonly busy: boolean;
  readonly conflict?: Conflict;
  /** After a re-apply: what others changed meanwhile, for the user to confirm. */
  readonly reapplied?: {
    readonly version: number;
    readonly theirs: readonly TheirChange[];
    readonly empty: boolean;
  };
}

export interface Conflict {
  readonly currentVersion?: number;
  readonly write: PledgeWrite;
  /** Set when the change cannot be re-applied on the fresh plan. */
  readonly failed?: string;
}

export function actorName(plan: PlanData, id: string): string {
  const found = plan.actors?.find((a) => a.id === id);
  return typeof found?.name === 'string' ? `${found.name} (${id})` : id;
}

export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function EditorPanel({
  editing,
  plan,
  userActor,
  onChange,
  onSubmit,
  onCancel,
  onReapply,
  onDiscard,
}: {
  editing: Editing;
  plan: PlanData;
  userActor: string | undefined;
  onChange: (editing: Editing) => void;
  onSubmit: (editing: Editing) => void;
  onCancel: () => void;
  onReapply: (editing: Editing, conflict: Conflict) => void;
  onDiscard: () => void;
}) {
  const { mode, original, conflict, reapplied } = editing;
  // The conflict panel replaces the user's Save (now disabled): keyboard users land on its first choice.
  const reloadButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conflict !== undefined) reloadButton.current?.focus();
  }, [conflict]);
  const errorOf = (field: string) => editing.errors.find((e) => e.field === field);
  const formErrors = editing.errors.filter((e) => e.field === '');
  const set = (patch: Partial<Editing>) => onChange({ ...editing, ...patch, errors: [] });
  const title =
    mode === 'create'
      ? 'New pledge'
      : mode === 'edit'
        ? `Change pledge ${String(original?.id)}`
        : `Withdraw pledge ${String(original?.id)}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing.busy && conflict === undefined) onSubmit(editing);
  };

  return (
    <section className="panel editor" aria-labelledby="pledge-editor-title">
      <h2 id="pledge-editor-title">{title}</h2>
      {conflict !== undefined && (
        <div role="alert" className="conflict" data-testid="conflict">
          <p>
            <strong>Someone else changed the plan</strong> since you read it (you read version{' '}
            {editing.readVersion}
            {conflict.currentVersion === undefined ? '' : `; it is now at version ${conflict.currentVersion}`}
            ). Your change was not saved.
          </p>
          {conflict.failed !== undefined && (
            <p className="error">Your change cannot be re-applied: {conflict.failed}.</p>
          )}
          <div className="buttons">
            {conflict.failed === undefined && (
              <button
                type="button"
                className="primary"
                ref={reloadButton}
                disabled={editing.busy}
                onClick={() => onReapply(editing, conflict)}
              >
                Reload and re-apply my change
              </button>
            )}
            <button type="button" onClick={onDiscard}>
              Discard my change
            </button>
          </div>
        </div>
      )}
      {reapplied !== undefined && conflict === undefined && (
        <div className="reapplied" role="status">
          <p>
            Your change is re-applied on version {reapplied.version}.{' '}
            {reapplied.empty
              ? 'The plan already has your values: there is nothing left to save.'
              : 'Check it, then save to confirm.'}
          </p>
          {reapplied.theirs.length > 0 && (
            <ul>
              {reapplied.theirs.map((t) => (
                <li key={t.field}>
                  Meanwhile {t.field} became {showValue(t.after)} (was {showValue(t.before)})
                  {t.overlaps ? ': your change overrides it' : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        {mode === 'withdraw' ? (
          <p>
            The pledge stays in the plan with status withdrawn: it no longer counts in any assessment
            (MODEL.md §2), and the ledger keeps its history.
          </p>
        ) : (
          <>
            <div className="fields">
              {PLEDGE_FIELDS.map((field, i) => (
                <Field
                  key={field.key}
                  field={field}
                  value={editing.draft[field.key] ?? ''}
                  plan={plan}
                  userActor={userActor}
                  fixed={mode === 'edit' && field.key === 'id'}
                  autoFocus={i === (mode === 'edit' ? 1 : 0)}
                  error={errorOf(field.key)}
                  onChange={(value) => set({ draft: { ...editing.draft, [field.key]: value } })}
                />
              ))}
            </div>
            {mode === 'edit' && (
              <p className="muted">
                Empty an optional field to remove it from the pledge: the removal is saved in the ledger with
                your reason, like any change.
              </p>
            )}
          </>
        )}
        <div className="write-fields">
          <TextField
            id="reason"
            label="Reason (required)"
            value={editing.reason}
            error={errorOf('reason')}
            multiline
            autoFocus={mode === 'withdraw'}
            onChange={(reason) => set({ reason })}
          />
          <fieldset>
            <legend>Source (optional)</legend>
            <TextField
              id="source.title"
              label="Title"
              value={editing.source.title}
              error={errorOf('source.title')}
              onChange={(title) => set({ source: { ...editing.source, title } })}
            />
            <TextField
              id="source.url"
              label="URL"
              type="url"
              value={editing.source.url}
              error={errorOf('source.url')}
              onChange={(url) => set({ source: { ...editing.source, url } })}
            />
            <TextField
              id="source.date"
              label="Date (YYYY-MM-DD)"
              value={editing.source.date}
              error={errorOf('source.date')}
              onChange={(date) => set({ source: { ...editing.source, date } })}
            />
          </fieldset>
        </div>
        {formErrors.map((e) => (
          <p key={e.message} className="error" role="alert">
            {e.message}
            {e.path === undefined ? '' : ` (at ${e.path})`}
          </p>
        ))}
        <div className="buttons">
          <button
            type="submit"
            className="primary"
            data-edit="save"
            disabled={editing.busy || conflict !== undefined}
          >
            {mode === 'withdraw' ? 'Withdraw' : 'Save'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <span className="muted">
            Sent with version {editing.readVersion}, the version you read.
            {mode === 'create' ? ' A new pledge also lists the source among its own.' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

function fieldId(key: string): string {
  return `pledge-field-${key.replace('.', '-')}`;
}

function ErrorNote({ id, error }: { id: string; error: FormError | undefined }) {
  if (error === undefined) return null;
  return (
    <span className="field-error error" id={`${id}-error`}>
      {error.message}
      {error.path === undefined ? '' : ` (at ${error.path})`}
    </span>
  );
}

function Field({
  field,
  value,
  plan,
  userActor,
  fixed,
  autoFocus,
  error,
  onChange,
}: {
  field: FieldSpec;
  value: string;
  plan: PlanData;
  userActor: string | undefined;
  fixed: boolean;
  autoFocus: boolean;
  error: FormError | undefined;
  onChange: (value: string) => void;
}) {
  const id = fieldId(field.key);
  const common = {
    id,
    name: field.key,
    value,
    autoFocus,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': error === undefined ? undefined : `${id}-error`,
  };
  const options = choicesOf(field, plan, userActor);
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      {fixed ? (
        <code id={id}>{value}</code>
      ) : options === undefined ? (
        <input
          {...common}
          inputMode={field.input === 'number' ? 'decimal' : undefined}
          placeholder={field.example}
          title={field.hint}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {(!field.required || value === '') && <option value="">—</option>}
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
      <ErrorNote id={id} error={error} />
    </div>
  );
}

/** The values a select offers: the plan's actors (a delegate: its own) and capabilities, or fixed choices. */
function choicesOf(
  field: FieldSpec,
  plan: PlanData,
  userActor: string | undefined,
): readonly (readonly [string, string])[] | undefined {
  switch (field.input) {
    case 'actor':
      return (plan.actors ?? [])
        .map((a) => String(a.id))
        .filter((a) => userActor === undefined || a === userActor)
        .map((a) => [a, actorName(plan, a)] as const);
    case 'capability':
      return (plan.capabilities ?? []).map((c) => {
        const name = typeof c.name === 'string' ? ` — ${shorten(c.name)}` : '';
        return [String(c.id), `${String(c.id)}${name}`] as const;
      });
    case 'choice':
      return (field.options ?? []).map((o) => [o, o] as const);
    case 'id':
    case 'number':
    case 'list':
      return undefined;
    default:
      return field.input satisfies never;
  }
}

function TextField({
  id: key,
  label,
  value,
  error,
  type,
  multiline,
  autoFocus,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: FormError | undefined;
  type?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const id = fieldId(key);
  const common = {
    id,
    name: key,
    value,
    autoFocus,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': error === undefined ? undefined : `${id}-error`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline === true ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type ?? 'text'} onChange={(e) => onChange(e.target.value)} />
      )}
      <ErrorNote id={id} error={error} />
    </div>
  );
}
