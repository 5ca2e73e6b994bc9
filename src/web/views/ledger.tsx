/**
 * The ledger: the plan's history (who, when, what, why, from which source), newest first, and the
 * difference between two points of it: who pledged, changed or withdrew what (GET /plans/:id/diff),
 * and what that did to each variant's value (a `diff` job: both points assessed on the same draws).
 * The points are in the URL (`?from=SEQ&to=SEQ`).
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../api';
import { useDiffJob } from '../diff-job';
import { units } from '../format';
import {
  type AttributedChange,
  changeRows,
  dayOf,
  dayRange,
  daysOf,
  eventRows,
  type LedgerEvent,
  type LedgerPoint,
  ledgerPoints,
  type Range,
  rangeOf,
  type Source,
  valueRows,
  when,
} from '../ledger-view';
import { JobProgress } from '../progress-bar';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import './ledger.css';

/** Rows shown before "Show all": the import of a plan is one event per entity. */
const FIRST_ROWS = 40;

export function LedgerView() {
  const { plan } = useSession();
  const { query } = useLocation();
  const [events, setEvents] = useState<readonly LedgerEvent[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const planId = plan?.id;
  const version = plan?.version;

  useEffect(() => {
    if (planId === undefined || version === undefined) return;
    let live = true;
    api<{ events: LedgerEvent[] }>('GET', `/plans/${encodeURIComponent(planId)}/events`).then(
      (r) => live && setEvents(r.events),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : 'the server could not be reached'),
    );
    return () => {
      live = false;
    };
  }, [planId, version]);

  const points = useMemo(() => ledgerPoints(events ?? []), [events]);
  const range = rangeOf(query, points);
  const asked = query.get('from') !== null || query.get('to') !== null;
  const urlIgnored =
    asked && (String(range?.from) !== query.get('from') || String(range?.to) !== query.get('to'));

  const choose = (next: Range) => {
    const q = new URLSearchParams(window.location.search);
    q.set('from', String(next.from));
    q.set('to', String(next.to));
    navigate(`/ledger?${q.toString()}`);
  };

  if (error !== undefined) return <p className="error">The ledger could not be read: {error}</p>;
  if (plan === undefined || events === undefined) return <p className="muted">Loading the ledger…</p>;

  return (
    <div className="ledger">
      <section className="panel" aria-labelledby="ledger-compare">
        <h2 id="ledger-compare">Before and after</h2>
        {range === undefined ? (
          <p className="muted">
            The ledger has a single write so far ({pointLabel(points[0])}): there is nothing to compare yet.
          </p>
        ) : (
          <>
            <RangePicker points={points} range={range} onChange={choose} />
            {urlIgnored && (
              <p className="muted">
                The address named points that are not whole writes of this plan: showing the latest write.
              </p>
            )}
            <Changes planId={plan.id} range={range} />
            <Values planId={plan.id} range={range} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="ledger-history">
        <h2 id="ledger-history">History</h2>
        <History events={events} />
      </section>
    </div>
  );
}

function pointLabel(point: LedgerPoint | undefined): string {
  if (point === undefined) return '';
  const reason = point.reason.length > 60 ? `${point.reason.slice(0, 59)}…` : point.reason;
  const size = point.events > 1 ? ` (${units(point.events, 'event')})` : '';
  return `event ${point.seq} · ${when(point.at)} · ${point.who}: ${reason}${size}`;
}

function RangePicker({
  points,
  range,
  onChange,
}: {
  points: readonly LedgerPoint[];
  range: Range;
  onChange: (range: Range) => void;
}) {
  const days = daysOf(points).filter((d) => dayRange(points, d) !== undefined);
  const fromDay = points.find((p) => p.seq === range.to);
  const currentDay = fromDay === undefined ? '' : dayOf(fromDay.at);
  const dayMatches = days.includes(currentDay) && sameRange(dayRange(points, currentDay), range);
  return (
    <div className="range-picker">
      <label>
        From (before)
        <select
          value={range.from}
          onChange={(e) => {
            const from = Number(e.target.value);
            const to = Math.max(range.to, points.find((p) => p.seq > from)?.seq ?? range.to);
            onChange({ from, to });
          }}
        >
          {points.slice(0, -1).map((p) => (
            <option key={p.seq} value={p.seq}>
              {pointLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        To (after)
        <select value={range.to} onChange={(e) => onChange({ from: range.from, to: Number(e.target.value) })}>
          {points
            .filter((p) => p.seq > range.from)
            .map((p) => (
              <option key={p.seq} value={p.seq}>
                {pointLabel(p)}
              </option>
            ))}
        </select>
      </label>
      {days.length > 0 && (
        <label>
          Or a whole day
          <select
            value={dayMatches ? currentDay : ''}
            onChange={(e) => {
              const next = dayRange(points, e.target.value);
              if (next !== undefined) onChange(next);
            }}
          >
            <option value="">—</option>
            {days.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      {points.length > 1 &&
        !sameRange(range, { from: points.at(-2)?.seq ?? 0, to: points.at(-1)?.seq ?? 0 }) && (
          <button
            type="button"
            onClick={() => onChange({ from: points.at(-2)?.seq ?? 0, to: points.at(-1)?.seq ?? 0 })}
          >
            Latest write
          </button>
        )}
    </div>
  );
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return a !== undefined && a.from === b.from && a.to === b.to;
}

interface DiffAnswer {
  readonly changes: readonly AttributedChange[];
}

/** Who changed what between the two points, with why and the sources (GET /plans/:id/diff). */
function Changes({ planId, range }: { planId: string; range: Range }) {
  const [answer, setAnswer] = useState<{ key: string; diff?: DiffAnswer; error?: string } | undefined>();
  const key = `${planId}:${range.from}:${range.to}`;
  useEffect(() => {
    let live = true;
    api<DiffAnswer>(
      'GET',
      `/plans/${encodeURIComponent(planId)}/diff?from=${range.from}&to=${range.to}`,
    ).then(
      (diff) => live && setAnswer({ key, diff }),
      (e: unknown) =>
        live &&
        setAnswer({ key, error: e instanceof ApiError ? e.message : 'the server could not be reached' }),
    );
    return () => {
      live = false;
    };
  }, [planId, range.from, range.to, key]);

  if (answer === undefined || answer.key !== key) return <p className="muted">Reading the changes…</p>;
  if (answer.error !== undefined)
    return <p className="error">The changes could not be read: {answer.error}</p>;
  const rows = changeRows(answer.diff?.changes ?? []);
  return (
    <div>
      <h3>
        What changed from event {range.from} to event {range.to}
      </h3>
      {rows.length === 0 ? (
        <p className="muted">Nothing in the plan differs between these two points.</p>
      ) : (
        <ul className="changes" data-testid="ledger-changes">
          {rows.map((row) => (
            <li key={row.key}>
              <strong>{row.sentence}</strong>
              {row.fields.length > 0 && <span className="fields"> ({row.fields.join('; ')})</span>}
              <ul className="why">
                {row.events.map((e) => (
                  <li key={e.seq} title={`event ${e.seq} at ${when(e.at)}`}>
                    event {e.seq}, {e.who}: “{e.reason}”{' '}
                    {e.source !== null && (
                      <>
                        — source: <SourceLink source={e.source} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the changes did to each variant's value: the diff job, both points on the same draws. */
function Values({ planId, range }: { planId: string; range: Range }) {
  const { status, retry } = useDiffJob(planId, range);
  return (
    <div>
      <h3>What it did to the value</h3>
      <JobProgress status={status} label="Assessing both points" retry={retry}>
        {(diff) => (
          <>
            <table className="values" data-testid="ledger-values">
              <thead>
                <tr>
                  <th>Variant / scenario</th>
                  <th className="num">Before (event {diff.from.seq})</th>
                  <th className="num">After (event {diff.to.seq})</th>
                  <th className="num">Paired difference</th>
                </tr>
              </thead>
              <tbody>
                {valueRows(diff.values).map((row) => (
                  <tr key={row.key} className={row.scenario ? 'scenario' : 'variant'} title={row.title}>
                    <th scope="row">{row.scenario ? `pHold ${row.label}` : `value ${row.label}`}</th>
                    <td className="num">{row.before}</td>
                    <td className="num">{row.after}</td>
                    <td className={`num ${row.tone === 'same' || row.tone === 'none' ? 'muted' : row.tone}`}>
                      {row.delta}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="source-note">
              A variant's value is its weighted pHold over the scenarios (MODEL.md §7); hover a row for the
              95% intervals. Both points ({when(diff.from.at)} and {when(diff.to.at)}) were assessed by diff
              job {status.state === 'done' ? status.jobId : ''} with {units(diff.trials, 'trial')} and seed{' '}
              {diff.seed}, on the same random draws, so the difference is paired: it is the change's effect,
              not noise.
            </p>
          </>
        )}
      </JobProgress>
    </div>
  );
}

function SourceLink({ source }: { source: Source }) {
  const title = source.date === undefined ? source.title : `${source.title} (${source.date})`;
  if (source.url === undefined || !/^https?:\/\//.test(source.url)) return <cite>{title}</cite>;
  return (
    <a href={source.url} target="_blank" rel="noreferrer" title={source.url}>
      {title}
    </a>
  );
}

function History({ events }: { events: readonly LedgerEvent[] }) {
  const [all, setAll] = useState(false);
  const rows = useMemo(() => eventRows(events), [events]);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <table className="history" data-testid="ledger-events">
        <thead>
          <tr>
            <th className="num">Event</th>
            <th>Time</th>
            <th>Who</th>
            <th>What</th>
            <th>Why</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.seq}>
              <td className="num">{row.seq}</td>
              <td title={row.at}>{row.when}</td>
              <td>{row.who}</td>
              <td>
                {row.what} <code>{row.entityId}</code>
              </td>
              <td>{row.reason}</td>
              <td>{row.source === undefined ? '' : <SourceLink source={row.source} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {units(rows.length, 'event')}
        </button>
      )}
    </>
  );
}
