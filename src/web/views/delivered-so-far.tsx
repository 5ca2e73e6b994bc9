/**
 * "Delivered so far" in who does what: per partner, what the Kiel Ukraine Support Tracker records it has
 * allocated of what it committed (and the military part), a bar of the share, the plan's reliability and
 * the one the record proposes (core/track-records/prior.ts). The host — only the host: every control
 * carries `data-edit` — accepts a proposal through the ledger's actor PATCH with the Kiel release as its
 * source; a 409 reloads the plan and asks again. Nothing is ever written without that click.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  type ActorTrackRecord,
  ApiError,
  acceptTrackRecord,
  type PlanTrackRecords,
  planTrackRecords,
} from '../api';
import { type OpenPlan, useSession } from '../session';

export type TrackRecordsState =
  | { readonly state: 'loading' }
  | { readonly state: 'none' }
  | { readonly state: 'ready'; readonly records: PlanTrackRecords }
  | { readonly state: 'error'; readonly message: string };

/** The plan's track records, read again whenever the plan's version changes. */
export function useTrackRecords(plan: OpenPlan | undefined): TrackRecordsState {
  const [state, setState] = useState<TrackRecordsState>({ state: 'loading' });
  const id = plan?.id;
  const version = plan?.version;
  useEffect(() => {
    if (id === undefined || version === undefined) return;
    let live = true;
    planTrackRecords(id).then(
      (records) => live && setState(records === undefined ? { state: 'none' } : { state: 'ready', records }),
      (error: unknown) =>
        live && setState({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  return state;
}

const bn = (x: number) => `€${x.toFixed(1)}bn`;
const two = (x: number) => x.toFixed(2);

/** One partner's cell: allocated of committed with a bar, the military part, reliability now → proposed. */
export function DeliveredCell({ records, actor }: { records: PlanTrackRecords; actor: string }) {
  const row = records.actors.find((a) => a.actor === actor);
  if (row?.record == null) {
    return (
      <span className="muted" title={`the Kiel tracker has no record of ${row?.name ?? actor}`}>
        no record
      </span>
    );
  }
  const { record } = row;
  const share = record.committed > 0 ? Math.min(1, record.allocated / record.committed) : 0;
  return (
    <div className="wdw-delivered" data-actor={actor}>
      <span
        title={`${row.name}: ${bn(record.allocated)} allocated of ${bn(record.committed)} committed up to ${records.import.asOf} (Kiel); military ${bn(record.military)}`}
      >
        {bn(record.allocated)} <span className="muted">of {bn(record.committed)}</span>
      </span>
      <span
        className="wdw-bar"
        role="img"
        aria-label={`${Math.round(share * 100)}% of committed aid allocated`}
      >
        <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </span>
      <span className="wdw-delivered-detail muted">
        military {bn(record.military)}
        {row.deliveredRatio === null ? null : ` · ${two(row.deliveredRatio)} delivered`}
      </span>
      <span className="wdw-delivered-detail wdw-reliability">
        <span>
          reliability {two(row.currentReliability)}
          {row.proposedReliability === null ? null : (
            <>
              {' '}
              → <strong>{two(row.accept?.changes.reliability ?? row.proposedReliability)}</strong>
              <span className="muted"> proposed</span>
            </>
          )}
        </span>
        <AcceptButton records={records} row={row} />
      </span>
      {row.proposedGdp === null ? null : (
        <span className="wdw-delivered-detail muted">
          gdp missing: US${(row.proposedGdp.usd / 1e12).toFixed(3)}tn proposed (World Bank{' '}
          {row.proposedGdp.year})
        </span>
      )}
    </div>
  );
}

function AcceptButton({ records, row }: { records: PlanTrackRecords; row: ActorTrackRecord }) {
  const { user, plan, reload } = useSession();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const accept = useCallback(async () => {
    if (plan === undefined) return;
    setBusy(true);
    setNote(undefined);
    try {
      await acceptTrackRecord(plan.id, plan.version, records, row);
      await reload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await reload();
        setNote(
          `The plan changed meanwhile${error.currentVersion === undefined ? '' : ` (now version ${error.currentVersion})`}: it is reloaded — check the proposal and accept again.`,
        );
      } else {
        setNote(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setBusy(false);
    }
  }, [plan, records, row, reload]);
  // Only the host changes actors (the server refuses everyone else); the others see no control.
  if (user.role !== 'host' || row.accept === null) return null;
  const same =
    row.accept.changes.reliability === row.currentReliability && row.accept.changes.gdp === undefined;
  return (
    <>
      <button
        type="button"
        data-edit="accept-track-record"
        disabled={busy || same}
        title={same ? 'the plan already has this reliability' : row.accept.reason}
        aria-label={`Accept the proposal for ${row.name}`}
        onClick={() => void accept()}
      >
        {busy ? 'Accepting…' : 'Accept'}
      </button>
      {note === undefined ? null : (
        <span role="alert" className="wdw-delivered-detail warn">
          {note}
        </span>
      )}
    </>
  );
}

/** The footnote: citation, release, as-of, the mapping formula, who imported the figures. */
export function DeliveredNote({ records }: { records: PlanTrackRecords }) {
  return (
    <p className="source-note" data-testid="delivered-note">
      Delivered so far: aid allocated of aid committed up to {records.import.asOf}, EUR billions (military:
      the allocated part that is weapons and equipment), from{' '}
      <a href={records.source.url} target="_blank" rel="noreferrer noopener">
        {records.release.label}
      </a>{' '}
      (published {records.release.date}); {records.citation}. Proposed reliability: {records.formula}, rounded
      to two decimals; accepting it writes it into the plan with this source. Imported by{' '}
      {records.import.importedBy} on {records.import.importedAt.slice(0, 10)}.
      {records.gdpProposed ? ' Missing GDP is proposed from the World Bank (current US$, 2024).' : null}
    </p>
  );
}

/** One muted line when nothing is stored, saying how to import it. */
export function NoTrackRecords() {
  return (
    <p className="muted" data-testid="no-track-records">
      No track records stored: import them with <code>guarantor import kiel DIR --save</code> (or, while this
      server holds its database, the host posts the Kiel files to <code>POST /track-records</code>) to see
      what each partner has delivered so far.
    </p>
  );
}
