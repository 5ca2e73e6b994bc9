/**
 * Who does what: partners × domains, each cell the power the partner's pledges contribute there
 * (pledge-matrix.ts), a button that opens the pledges behind it, and — when track records are stored —
 * what the partner has delivered so far (delivered-so-far.tsx). Filters live in the URL so that a
 * question ("what planes can our partners mobilise?") is a link.
 */
import { useMemo, useState } from 'react';
import { day, money, units } from '../format';
import { PostureStatusFilters } from '../pledge-filters';
import {
  cellPledges,
  darkShade,
  FUNDING,
  filtersFromQuery,
  filtersToQuery,
  type MatrixCell,
  type MatrixFilters,
  type PlanView,
  type Pledge,
  planDomains,
  pledgeMatrix,
  pledgeUnits,
  pledgeValue,
  power,
  quantity,
  readPlan,
  shade,
} from '../pledge-matrix';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { DeliveredCell, DeliveredNote, NoTrackRecords, useTrackRecords } from './delivered-so-far';
import './who-does-what.css';

const columnLabel = (column: string) => (column === FUNDING ? 'funding (production)' : column);

export function WhoDoesWhatView() {
  const { plan } = useSession();
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const view = useMemo(() => (plan === undefined ? undefined : readPlan(plan.plan)), [plan]);
  const [open, setOpen] = useState<{ actor: string; column: string } | undefined>();
  const track = useTrackRecords(plan);
  if (plan === undefined || view === undefined) return <p className="muted">Loading the plan…</p>;

  const matrix = pledgeMatrix(view, filters);
  const setFilter = (field: keyof MatrixFilters, value: string) => {
    const next = { ...filters, [field]: value === '' ? [] : value.split(',') };
    const q = filtersToQuery(next as MatrixFilters, query).toString();
    setOpen(undefined);
    navigate(`/who-does-what${q === '' ? '' : `?${q}`}`, { replace: true });
  };
  const openCell = matrix.rows
    .find((r) => r.actor.id === open?.actor)
    ?.cells.find((c) => c.column === open?.column);
  const capabilities = [...view.capabilities.values()];
  const partners = view.actors.filter((a) => a.id !== view.protected);

  return (
    <div className="who-does-what">
      <form className="wdw-filters panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Domain
          <select value={filters.domains.join(',')} onChange={(e) => setFilter('domains', e.target.value)}>
            <option value="">all</option>
            {[...planDomains(view), FUNDING].map((d) => (
              <option key={d} value={d}>
                {columnLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <PostureStatusFilters filters={filters} onChange={setFilter} />
        <label>
          Partner
          <select value={filters.actors.join(',')} onChange={(e) => setFilter('actors', e.target.value)}>
            <option value="">all</option>
            {partners.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Capability
          <select
            value={filters.capabilities.join(',')}
            onChange={(e) => setFilter('capabilities', e.target.value)}
          >
            <option value="">all</option>
            {capabilities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        </label>
      </form>

      {matrix.rows.length === 0 ? (
        <p className="panel">No partner pledge passes these filters.</p>
      ) : (
        <div className="wdw-layout">
          <table className="wdw-matrix" aria-describedby="wdw-rule">
            <caption className="muted">
              {matrix.rows.length} partners · plan {plan.id} version {plan.version} · click a cell (or Enter
              on it) for the pledges behind it
            </caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                {matrix.columns.map((c) => (
                  <th key={c} scope="col" className="num">
                    {columnLabel(c)}
                    <span className="wdw-unit">{c === FUNDING ? 'a year' : 'power points'}</span>
                  </th>
                ))}
                {track.state === 'ready' ? (
                  <th scope="col" className="wdw-delivered-head">
                    delivered so far
                    <span className="wdw-unit">Kiel, allocated of committed</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.actor.id}>
                  <th scope="row">
                    {row.actor.name} <span className="muted">{row.actor.id}</span>
                  </th>
                  {row.cells.map((c) => (
                    <td key={c.column} className="wdw-cell">
                      {c.pledgeIds.length === 0 ? (
                        <span
                          className="muted"
                          title={`no counted pledge of ${row.actor.name} in ${c.column}`}
                        >
                          –
                        </span>
                      ) : (
                        <button
                          type="button"
                          aria-pressed={open?.actor === c.actor && open.column === c.column}
                          style={{
                            background: shade(c.share),
                            color: darkShade(c.share) ? '#fff' : undefined,
                          }}
                          title={cellTitle(view, row.actor.name, c)}
                          onClick={() => setOpen({ actor: c.actor, column: c.column })}
                        >
                          {cellText(view, c)}
                        </button>
                      )}
                    </td>
                  ))}
                  {track.state === 'ready' ? (
                    <td className="wdw-delivered-cell">
                      <DeliveredCell records={track.records} actor={row.actor.id} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {openCell === undefined ? null : (
            <CellDetail view={view} cell={openCell} onClose={() => setOpen(undefined)} />
          )}
        </div>
      )}
      {track.state === 'ready' ? <DeliveredNote records={track.records} /> : null}
      {track.state === 'none' ? <NoTrackRecords /> : null}
      {track.state === 'error' ? (
        <p className="muted">Track records could not be read: {track.message}</p>
      ) : null}
      <p id="wdw-rule" className="source-note">
        Power in a domain = Σ units × the capability's effect in that domain over the partner's pledges that
        pass the filters (MODEL.md §3); units are the quantity, or for a production pledge what its funding
        buys over {units(view.yearsOfPeace, 'year')} of peace, capped by the production capacity. Withdrawn
        pledges never count. Pledged power, before honouring, bindingness and readiness (the assessment
        applies those). Colour: the share of the column's largest cell, per column (domains have their own
        units). The funding column sums fundingPerYear of production pledges ({view.currency ?? 'EUR'}). The
        protected state ({view.protected}) is not a partner and is left out. Source: plan {plan.id}, version{' '}
        {plan.version}.
      </p>
    </div>
  );
}

function cellText(view: PlanView, c: MatrixCell): string {
  return c.column === FUNDING ? money(c.value, view.currency) : power(c.value);
}

function cellTitle(view: PlanView, actorName: string, c: MatrixCell): string {
  const what = c.column === FUNDING ? 'production funding a year' : `power points in ${c.column}`;
  return `${actorName}: ${cellText(view, c)} ${what} from ${c.pledgeIds.length === 1 ? 'pledge' : 'pledges'} ${c.pledgeIds.join(', ')}`;
}

function CellDetail({ view, cell, onClose }: { view: PlanView; cell: MatrixCell; onClose: () => void }) {
  const actor = view.actors.find((a) => a.id === cell.actor);
  const pledges = cellPledges(view, cell);
  return (
    <section className="panel wdw-detail" aria-live="polite" aria-label="Pledges behind the cell">
      <div className="wdw-detail-head">
        <h2>
          {actor?.name ?? cell.actor} · {columnLabel(cell.column)}: {cellText(view, cell)}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ul className="wdw-pledges">
        {pledges.map((p) => (
          <PledgeItem key={p.id} view={view} pledge={p} column={cell.column} />
        ))}
      </ul>
    </section>
  );
}

function PledgeItem({ view, pledge: p, column }: { view: PlanView; pledge: Pledge; column: string }) {
  const capability = view.capabilities.get(p.capability);
  const fielded = pledgeUnits(p, capability, view.yearsOfPeace);
  return (
    <li>
      <p className="wdw-pledge-title">
        <strong>{p.id}</strong>: {quantity(fielded, capability?.unit)} of {capability?.name ?? p.capability}
        {column === FUNDING ? null : (
          <>
            {' '}
            →{' '}
            <span title={`${power(fielded)} × effect ${capability?.effect[column] ?? 0}`}>
              {power(pledgeValue(view, p, column))} {column} points
            </span>
          </>
        )}
      </p>
      <dl className="wdw-facts">
        <dt>Posture</dt>
        <dd>{p.posture}</dd>
        <dt>Readiness</dt>
        <dd>
          {p.posture === 'on-call' || p.posture === 'backstop'
            ? `${day(p.readinessDays)} after the trigger (declared)`
            : 'from day 0'}
        </dd>
        {p.posture === 'production' ? (
          <>
            <dt>Funding</dt>
            <dd>
              {money(p.fundingPerYear ?? 0, view.currency)} a year over {units(view.yearsOfPeace, 'year')}
            </dd>
          </>
        ) : null}
        <dt>Bindingness</dt>
        <dd>
          {p.bindingness ?? (p.actor === view.protected ? 'not needed (protected state)' : 'not given')}
        </dd>
        <dt>Status</dt>
        <dd className={`wdw-status-${p.status}`}>{p.status}</dd>
        <dt>Conditions</dt>
        <dd>{conditions(view, p)}</dd>
        <dt>Sources</dt>
        <dd>
          {p.sources.length === 0 ? (
            <span className="warn">none given</span>
          ) : (
            <ul className="wdw-sources">
              {p.sources.map((s) => (
                <li key={`${s.title}${s.url ?? ''}`}>
                  {s.url === undefined ? (
                    s.title
                  ) : (
                    <a href={s.url} target="_blank" rel="noreferrer noopener">
                      {s.title}
                    </a>
                  )}
                  {s.date === undefined ? null : <span className="muted"> ({s.date})</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}

/** Tripwire, triggers and requires in words (MODEL.md §2). */
function conditions(view: PlanView, p: Pledge): string {
  const name = (id: string) => view.actors.find((a) => a.id === id)?.name ?? id;
  const parts: string[] = [];
  if (p.posture === 'in-place' && p.actor !== view.protected)
    parts.push('tripwire: troops in place raise the partner’s resolve');
  if (p.posture === 'backstop') parts.push('backstop: called only after the defence fails for some days');
  parts.push(
    p.triggers.length === 0 ? 'answers every scenario' : `answers scenarios tagged ${p.triggers.join(', ')}`,
  );
  if (p.requires.length > 0) parts.push(`only if ${p.requires.map(name).join(' and ')} also honour`);
  return parts.join('; ');
}
