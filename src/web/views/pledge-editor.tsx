/**
 * The pledge editor: the plan's pledges, filtered by actor (a delegate's own first). A delegate writes
 * its own actor's pledges, the host all, an analyst nothing: no edit control is rendered for what the
 * user may not write (every one carries `data-edit`). Every write carries a reason, an optional source,
 * the version the user read and an Idempotency-Key kept across retries of the same request; a 409 opens
 * the conflict panel (reload and re-apply, or discard).
 */
import { useMemo, useRef, useState } from 'react';
import { ApiError, api, newIdempotencyKey } from '../api';
import { day, units } from '../format';
import {
  changedFields,
  draftOf,
  type FieldError,
  fieldOfPath,
  idempotencyKeyFor,
  type Pledge,
  type PledgeWrite,
  pledgeFromDraft,
  reapply,
  type SourceDraft,
  showValue,
  writeFields,
  writeRequest,
} from '../pledge-form';
import {
  actorName,
  type Conflict,
  type Editing,
  EditorPanel,
  type Mode,
  shorten,
} from '../pledge-form-panel';
import { type OpenPlan, type PlanData, useSession } from '../session';
import './pledge-editor.css';

const NO_SOURCE: SourceDraft = { title: '', url: '', date: '' };

export function PledgeEditorView() {
  const { user, plan, reload, mayEdit } = useSession();
  const [actor, setActor] = useState('');
  const [editing, setEditing] = useState<Editing | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const key = useRef<{ request: string; key: string } | undefined>(undefined);

  const pledges = useMemo(() => ordered(plan?.plan.pledges ?? [], user.actor), [plan, user.actor]);
  if (plan === undefined) return <p className="muted">Loading the plan…</p>;

  const mayCreate = user.role === 'host' || (user.role === 'delegate' && user.actor !== undefined);
  const actorsWithPledges = [...new Set(pledges.map((p) => String(p.actor)))];
  const shown = actor === '' ? pledges : pledges.filter((p) => p.actor === actor);
  const anyEditable = pledges.some((p) => mayEdit(p.actor));

  const open = (mode: Mode, pledge?: Pledge) => {
    key.current = undefined;
    setSaved(undefined);
    setEditing({
      mode,
      ...(pledge === undefined ? {} : { original: pledge }),
      readVersion: plan.version,
      // Defaults only for a new pledge: an edit must not add fields the pledge does not have.
      draft:
        pledge === undefined
          ? draftOf(undefined, {
              actor: user.role === 'delegate' ? (user.actor ?? '') : actor,
              posture: 'on-call',
              bindingness: defaultBindingness(plan.plan),
            })
          : draftOf(pledge),
      reason: '',
      source: NO_SOURCE,
      errors: [],
      busy: false,
    });
  };

  const submit = async (current: Editing) => {
    const fields = writeFields(current.reason, current.source);
    const write = writeOf(current);
    const errors = [...(write.ok ? [] : write.errors), ...(fields.ok ? [] : fields.errors)];
    if (!write.ok || !fields.ok) {
      setEditing({ ...current, errors });
      return;
    }
    const request = writeRequest(plan.id, write.value, fields.value, current.readVersion);
    key.current = idempotencyKeyFor(key.current, request, newIdempotencyKey);
    setEditing({ ...current, busy: true, errors: [] });
    try {
      const answer = await api<{ version: number }>(request.method, request.path, {
        body: request.body,
        idempotencyKey: key.current.key,
      });
      key.current = undefined;
      setEditing(undefined);
      setSaved(`${savedWhat(write.value)}: the plan is now at version ${answer.version}.`);
      await reload();
    } catch (error) {
      setEditing({ ...current, busy: false, ...failure(error, write.value) });
    }
  };

  const reloadAndReapply = async (current: Editing, conflict: Conflict) => {
    setEditing({ ...current, busy: true });
    try {
      const fresh = await api<OpenPlan>('GET', `/plans/${encodeURIComponent(plan.id)}`);
      void reload();
      const result = reapply(conflict.write, current.original, fresh.plan.pledges ?? []);
      if (!result.ok) {
        setEditing({ ...current, busy: false, conflict: { ...conflict, failed: result.message } });
        return;
      }
      const next = result.write;
      const draft =
        next.kind === 'change' && result.fresh !== undefined
          ? draftOf({ ...result.fresh, ...next.changes })
          : current.draft;
      key.current = undefined;
      const { conflict: _resolved, ...rest } = current;
      setEditing({
        ...rest,
        busy: false,
        ...(result.fresh === undefined ? {} : { original: result.fresh }),
        readVersion: fresh.version,
        draft,
        errors: [],
        reapplied: {
          version: fresh.version,
          theirs: result.theirs,
          empty: next.kind === 'change' && Object.keys(next.changes).length === 0,
        },
      });
    } catch (error) {
      setEditing({ ...current, busy: false, ...failure(error, conflict.write) });
    }
  };

  const discard = () => {
    key.current = undefined;
    setEditing(undefined);
    void reload();
  };

  return (
    <div className="pledge-editor">
      <div className="toolbar">
        <label>
          Actor
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">All actors ({units(pledges.length, 'pledge')})</option>
            {actorsWithPledges.map((a) => (
              <option key={a} value={a}>
                {actorName(plan.plan, a)}
              </option>
            ))}
          </select>
        </label>
        {mayCreate && (
          <button type="button" className="primary" data-edit="create" onClick={() => open('create')}>
            New pledge
          </button>
        )}
      </div>
      {saved !== undefined && (
        <p role="status" className="good">
          {saved}
        </p>
      )}
      {editing !== undefined && (
        <EditorPanel
          editing={editing}
          plan={plan.plan}
          userActor={user.role === 'delegate' ? user.actor : undefined}
          onChange={setEditing}
          onSubmit={(e) => void submit(e)}
          onCancel={() => setEditing(undefined)}
          onReapply={(e, c) => void reloadAndReapply(e, c)}
          onDiscard={discard}
        />
      )}
      <table className="pledges" data-testid="pledges">
        <thead>
          <tr>
            <th>Pledge</th>
            <th>Actor</th>
            <th>Capability</th>
            <th className="num">Quantity</th>
            <th>Posture</th>
            <th className="num">Ready by</th>
            <th>Bindingness</th>
            <th>Status</th>
            <th>Conditions</th>
            <th>Sources</th>
            {anyEditable && <th>Change</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <PledgeRow
              key={String(p.id)}
              pledge={p}
              plan={plan.plan}
              editable={mayEdit(p.actor)}
              showActions={anyEditable}
              onEdit={() => open('edit', p)}
              onWithdraw={() => open('withdraw', p)}
            />
          ))}
        </tbody>
      </table>
      <p className="source-note">
        The pledges of plan {plan.id} as of version {plan.version} (the ledger's latest event), with the
        sources the plan gives for each. Quantities are in the capability's units; "ready by" is the day after
        the attack a pledge can act (readinessDays). Who may change what: the host every pledge, a delegate
        its own actor's, an analyst none.
      </p>
    </div>
  );
}

/** A delegate's own actor's pledges first, else the plan's order. */
function ordered(pledges: readonly Pledge[], own: string | undefined): Pledge[] {
  if (own === undefined) return [...pledges];
  return [...pledges.filter((p) => p.actor === own), ...pledges.filter((p) => p.actor !== own)];
}

function defaultBindingness(plan: PlanData): string {
  const settings = plan.settings as Readonly<Record<string, unknown>> | undefined;
  const value = settings?.newPledgeBindingness;
  return typeof value === 'string' ? value : 'executive';
}

function capabilityOf(plan: PlanData, id: unknown): Readonly<Record<string, unknown>> | undefined {
  return plan.capabilities?.find((c) => c.id === id);
}

/** The write the form describes, or the errors on its fields. */
function writeOf(editing: Editing): { ok: true; value: PledgeWrite } | { ok: false; errors: FieldError[] } {
  const { mode, original, draft } = editing;
  if (mode === 'withdraw') return { ok: true, value: { kind: 'withdraw', pledgeId: String(original?.id) } };
  const pledge = pledgeFromDraft(draft, original);
  if (!pledge.ok) return pledge;
  if (mode === 'create') {
    // A new pledge lists the write's source among its own: it is where the pledge comes from.
    const source = writeFields(editing.reason, editing.source);
    const sources = source.ok && source.value.source !== undefined ? { sources: [source.value.source] } : {};
    return { ok: true, value: { kind: 'create', pledge: { ...pledge.value, ...sources } } };
  }
  const changes = changedFields(original ?? {}, pledge.value);
  if (!changes.ok) return changes;
  if (Object.keys(changes.value).length === 0) {
    return { ok: false, errors: [{ field: '', message: 'nothing changed: edit a field, or cancel' }] };
  }
  return { ok: true, value: { kind: 'change', pledgeId: String(original?.id), changes: changes.value } };
}

function savedWhat(write: PledgeWrite): string {
  switch (write.kind) {
    case 'create':
      return `Pledge ${String(write.pledge.id)} added`;
    case 'change':
      return `Pledge ${write.pledgeId} changed (${Object.keys(write.changes).join(', ')})`;
    case 'withdraw':
      return `Pledge ${write.pledgeId} withdrawn`;
    default:
      return write satisfies never;
  }
}

/** What a failed write does to the form: a conflict panel (409), errors at the fields (400), else a message. */
function failure(error: unknown, write: PledgeWrite): Partial<Editing> {
  if (error instanceof ApiError && error.status === 409) {
    return {
      conflict: {
        write,
        ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }),
      },
      errors: [],
    };
  }
  if (error instanceof ApiError) {
    const field = error.status === 400 ? fieldOfPath(error.path) : '';
    return {
      errors: [{ field, message: error.message, ...(error.path === undefined ? {} : { path: error.path }) }],
    };
  }
  return {
    errors: [
      {
        field: '',
        message: 'the server could not be reached: save again to retry (a retry is applied once)',
      },
    ],
  };
}

function PledgeRow({
  pledge,
  plan,
  editable,
  showActions,
  onEdit,
  onWithdraw,
}: {
  pledge: Pledge;
  plan: PlanData;
  editable: boolean;
  showActions: boolean;
  onEdit: () => void;
  onWithdraw: () => void;
}) {
  const capability = capabilityOf(plan, pledge.capability);
  const unit = typeof capability?.unit === 'string' ? capability.unit : undefined;
  const withdrawn = pledge.status === 'withdrawn';
  const sources = Array.isArray(pledge.sources)
    ? (pledge.sources as Readonly<Record<string, unknown>>[])
    : [];
  const conditions = [
    ...(Array.isArray(pledge.triggers) ? [`when ${pledge.triggers.join(', ')}`] : []),
    ...(Array.isArray(pledge.requires) ? [`requires ${pledge.requires.join(', ')}`] : []),
  ];
  return (
    <tr className={withdrawn ? 'withdrawn' : undefined} data-pledge={String(pledge.id)}>
      <td>
        <code>{String(pledge.id)}</code>
      </td>
      <td>{String(pledge.actor)}</td>
      <td title={typeof capability?.name === 'string' ? capability.name : undefined}>
        {String(pledge.capability)}
      </td>
      <td className="num">{typeof pledge.quantity === 'number' ? units(pledge.quantity, unit) : '–'}</td>
      <td>{String(pledge.posture)}</td>
      <td className="num">{typeof pledge.readinessDays === 'number' ? day(pledge.readinessDays) : '–'}</td>
      <td>{showValue(pledge.bindingness)}</td>
      <td title={pledge.status === undefined ? 'not given: committed by default (MODEL.md §1)' : undefined}>
        {showValue(pledge.status ?? 'committed')}
      </td>
      <td>{conditions.length === 0 ? '–' : conditions.join('; ')}</td>
      <td>
        {sources.map((s) => (
          <span key={`${String(s.title)} ${String(s.url)} ${String(s.date)}`} className="source">
            {typeof s.url === 'string' && /^https?:\/\//.test(s.url) ? (
              <a href={s.url} target="_blank" rel="noreferrer" title={showValue(s.title)}>
                {shorten(String(s.title))}
              </a>
            ) : (
              <cite title={showValue(s.title)}>{shorten(String(s.title))}</cite>
            )}
            {typeof s.date === 'string' ? ` (${s.date})` : ''}
          </span>
        ))}
      </td>
      {showActions && (
        <td className="actions">
          {editable && (
            <>
              <button
                type="button"
                data-edit="edit"
                onClick={onEdit}
                aria-label={`Edit pledge ${String(pledge.id)}`}
              >
                Edit
              </button>
              {!withdrawn && (
                <button
                  type="button"
                  data-edit="withdraw"
                  onClick={onWithdraw}
                  aria-label={`Withdraw pledge ${String(pledge.id)}`}
                >
                  Withdraw
                </button>
              )}
            </>
          )}
        </td>
      )}
    </tr>
  );
}
