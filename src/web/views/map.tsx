/**
 * The map: Europe and the protected state, partners shaded by what they pledge (power points in a
 * domain or all domains, or production funding; absolute or per GDP), and one schematic threat axis per
 * scenario. Shapes: Natural Earth 1:50m from world-atlas, bundled by Vite as a chunk of its own (loaded
 * with this view, never from another server), drawn with d3-geo (geo.ts holds the pure parts).
 */
import { geoCentroid, geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type FocusEvent, type MouseEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import { money, units } from '../format';
import {
  arrowStart,
  atlasId,
  type Contribution,
  contributions,
  GDP_UNIT,
  type LonLat,
  type MapMeasure,
  readScenarios,
  threatAxes,
  threatSide,
} from '../geo';
import { PostureStatusFilters } from '../pledge-filters';
import {
  FUNDING,
  filtersFromQuery,
  filtersToQuery,
  type MatrixFilters,
  type PlanView,
  planDomains,
  power,
  readPlan,
  shade,
} from '../pledge-matrix';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import './map.css';

const WIDTH = 1000;
const HEIGHT = 590;
const ARROW = 120;
/** The frame: Iceland and Portugal to the Caucasus, Crete to the North Cape. */
const EUROPE: Feature<Geometry> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [-24, 64],
      [-10, 36],
      [42, 37],
      [44, 56],
      [25, 71],
    ],
  },
};
const PROTECTED_FILL = '#f2c14e';
const NON_PARTNER_FILL = '#d9d9d9';
const AXIS_COLOUR = '#b3261e';

type Country = Feature<Geometry, { name: string }>;

export function MapView() {
  const { plan } = useSession();
  const { query } = useLocation();
  const [countries, setCountries] = useState<Country[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const [hover, setHover] = useState<{ actor: string; x: number; y: number } | undefined>();

  useEffect(() => {
    let live = true;
    import('world-atlas/countries-50m.json').then(
      ({ default: atlas }) => {
        const collection = feature(atlas, atlas.objects.countries) as FeatureCollection<
          Geometry,
          { name: string }
        >;
        if (live) setCountries(collection.features);
      },
      (error: unknown) => live && setFailed(String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  const view = useMemo(() => (plan === undefined ? undefined : readPlan(plan.plan)), [plan]);
  if (failed !== undefined) return <p className="error">The map's shapes did not load: {failed}</p>;
  if (plan === undefined || view === undefined) return <p className="muted">Loading the plan…</p>;

  const domains = planDomains(view);
  const measureKey = query.get('measure') ?? 'all';
  const measure: MapMeasure =
    measureKey === FUNDING
      ? { kind: 'funding' }
      : domains.includes(measureKey)
        ? { kind: 'domain', domain: measureKey }
        : { kind: 'all' };
  const perGdp = query.get('scale') === 'gdp';
  const filters = filtersFromQuery(query);
  const figures = contributions(view, domains, measure, filters);
  const setQuery = (key: string, value: string) => {
    const q = new URLSearchParams(query);
    if (value === '') q.delete(key);
    else q.set(key, value);
    const s = q.toString();
    navigate(`/map${s === '' ? '' : `?${s}`}`, { replace: true });
  };
  const setFilter = (field: keyof MatrixFilters, value: string) => {
    const next = { ...filters, [field]: value === '' ? [] : value.split(',') } as MatrixFilters;
    const s = filtersToQuery(next, query).toString();
    navigate(`/map${s === '' ? '' : `?${s}`}`, { replace: true });
  };

  const controls = (
    <form className="map-controls panel" aria-label="Map settings" onSubmit={(e) => e.preventDefault()}>
      <label>
        Contribution
        <select
          value={measureKey}
          onChange={(e) => setQuery('measure', e.target.value === 'all' ? '' : e.target.value)}
        >
          <option value="all">power, all domains</option>
          {domains.map((d) => (
            <option key={d} value={d}>
              power, {d}
            </option>
          ))}
          <option value={FUNDING}>production funding</option>
        </select>
      </label>
      <fieldset className="map-scale">
        <legend>Scale</legend>
        <label>
          <input type="radio" name="scale" checked={!perGdp} onChange={() => setQuery('scale', '')} />{' '}
          absolute
        </label>
        <label>
          <input type="radio" name="scale" checked={perGdp} onChange={() => setQuery('scale', 'gdp')} /> per
          GDP
        </label>
      </fieldset>
      <PostureStatusFilters filters={filters} onChange={setFilter} />
    </form>
  );

  return (
    <div className="map-view">
      {countries === undefined ? (
        <>
          {controls}
          <p className="muted">Loading the map…</p>
        </>
      ) : (
        <MapBody
          controls={controls}
          view={view}
          planLabel={`plan ${plan.id}, version ${plan.version}`}
          scenarios={plan.plan.scenarios}
          countries={countries}
          figures={figures}
          measure={measure}
          perGdp={perGdp}
          hover={hover}
          setHover={setHover}
        />
      )}
    </div>
  );
}

/** A value of the measure: "12 power points" or "US$300 m a year". */
function valueText(view: PlanView, measure: MapMeasure, v: number): string {
  return measure.kind === 'funding' ? `${money(v, view.currency)} a year` : `${power(v)} power points`;
}

/** A figure as people read it: power points or money, absolute or per 100 bn of GDP. */
function figureText(view: PlanView, measure: MapMeasure, c: Contribution, perGdp: boolean): string {
  const per = ` per ${money(GDP_UNIT, view.currency)} of GDP`;
  if (perGdp && c.perGdp === undefined) return 'no GDP in the plan';
  const text = valueText(view, measure, perGdp ? (c.perGdp ?? 0) : c.value);
  return perGdp ? `${text}${per}` : text;
}

function measureLabel(measure: MapMeasure): string {
  switch (measure.kind) {
    case 'all':
      return 'power points, all domains added';
    case 'domain':
      return `power points in ${measure.domain}`;
    case 'funding':
      return 'production funding a year';
    default:
      return measure satisfies never;
  }
}

function MapBody({
  controls,
  view,
  planLabel,
  scenarios,
  countries,
  figures,
  measure,
  perGdp,
  hover,
  setHover,
}: {
  controls: ReactNode;
  view: PlanView;
  planLabel: string;
  scenarios: readonly Readonly<Record<string, unknown>>[] | undefined;
  countries: readonly Country[];
  figures: readonly Contribution[];
  measure: MapMeasure;
  perGdp: boolean;
  hover: { actor: string; x: number; y: number } | undefined;
  setHover: (h: { actor: string; x: number; y: number } | undefined) => void;
}) {
  const projection = useMemo(
    () =>
      geoConicConformal()
        .parallels([40, 62])
        .rotate([-15, 0])
        .fitExtent(
          [
            [10, 10],
            [WIDTH - 10, HEIGHT - 10],
          ],
          EUROPE,
        )
        .clipExtent([
          [0, 0],
          [WIDTH, HEIGHT],
        ]),
    [],
  );
  const path = useMemo(() => geoPath(projection), [projection]);
  const byAtlasId = new Map(countries.map((c) => [String(c.id), c]));
  const actorOf = new Map<string, string>();
  for (const a of view.actors) {
    const id = atlasId(a.id);
    if (id !== undefined) actorOf.set(id, a.id);
  }
  const figureOf = new Map(figures.map((f) => [f.actor, f]));
  // Partners last and in the plan's order: they paint over their neighbours' borders, and Tab visits
  // them in the order the plan lists them.
  const rank = new Map(view.actors.map((a, i) => [a.id, i]));
  const inPlanOrder = [...countries].sort(
    (a, b) =>
      (rank.get(actorOf.get(String(a.id)) ?? '') ?? -1) - (rank.get(actorOf.get(String(b.id)) ?? '') ?? -1),
  );
  const figureValue = (f: Contribution) => (perGdp ? (f.perGdp ?? 0) : f.value);
  const max = Math.max(0, ...figures.map(figureValue));

  const centroidOf = (actor: string): LonLat | undefined => {
    const id = atlasId(actor);
    const c = id === undefined ? undefined : byAtlasId.get(id);
    return c === undefined ? undefined : (geoCentroid(c) as [number, number]);
  };
  const inFrame = (p: LonLat | undefined) => {
    const xy = p === undefined ? null : projection([p[0], p[1]]);
    return xy !== null && xy[0] >= 0 && xy[0] <= WIDTH && xy[1] >= 0 && xy[1] <= HEIGHT;
  };
  const protectedAt = centroidOf(view.protected);
  const partnerPoints = view.actors
    .filter((a) => a.id !== view.protected)
    .map((a) => centroidOf(a.id))
    .filter((p): p is LonLat => p !== undefined && inFrame(p));
  const axes =
    protectedAt === undefined
      ? []
      : threatAxes(readScenarios(scenarios), protectedAt, threatSide(protectedAt, partnerPoints));
  const outside = figures.filter((f) => !inFrame(centroidOf(f.actor)));

  const show = (actor: string) => (event: MouseEvent<Element> | FocusEvent<Element>) => {
    const box = (event.currentTarget.closest('svg') ?? event.currentTarget).getBoundingClientRect();
    if ('clientX' in event)
      setHover({ actor, x: Math.min(box.width - 250, event.clientX - box.left), y: event.clientY - box.top });
    else {
      const c = centroidOf(actor);
      const xy = c === undefined ? null : projection([c[0], c[1]]);
      const k = box.width / WIDTH;
      // A partner outside the frame (the United States…) shows its figures at the nearest edge.
      const x = Math.min(WIDTH - 240, Math.max(0, xy?.[0] ?? 0)) * k;
      const y = Math.min(HEIGHT - 120, Math.max(0, xy?.[1] ?? 0)) * k;
      setHover({ actor, x, y });
    }
  };
  const hovered = hover === undefined ? undefined : figureOf.get(hover.actor);
  const protectedName = view.actors.find((a) => a.id === view.protected)?.name ?? view.protected;

  return (
    <div className="map-layout">
      <div className="map-frame">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Map of Europe: partners shaded by ${measureLabel(measure)}${perGdp ? ' per GDP' : ''}, ${protectedName} highlighted, ${axes.length} threat axes`}
          onMouseLeave={() => setHover(undefined)}
        >
          <defs>
            <marker
              id="map-arrowhead"
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={AXIS_COLOUR} />
            </marker>
          </defs>
          <rect width={WIDTH} height={HEIGHT} className="map-sea" />
          {inPlanOrder.map((c) => {
            const actor = actorOf.get(String(c.id));
            const d = path(c) ?? '';
            if (actor === view.protected)
              return (
                <path key={String(c.id)} d={d} fill={PROTECTED_FILL} className="map-protected">
                  <title>{`${protectedName}: the protected state`}</title>
                </path>
              );
            const f = actor === undefined ? undefined : figureOf.get(actor);
            if (f === undefined)
              return (
                <path
                  key={String(c.id) + c.properties.name}
                  d={d}
                  fill={NON_PARTNER_FILL}
                  className="map-other"
                >
                  <title>{`${c.properties.name}: not in the plan`}</title>
                </path>
              );
            const v = figureValue(f);
            const missing = perGdp && f.perGdp === undefined;
            return (
              <a
                key={String(c.id)}
                href={`#map-fig-${f.actor}`}
                className={`map-partner${hover?.actor === f.actor ? ' map-hovered' : ''}`}
                aria-label={`${f.name}: ${figureText(view, measure, f, perGdp)}`}
                onMouseMove={show(f.actor)}
                onFocus={show(f.actor)}
                onBlur={() => setHover(undefined)}
              >
                <path d={d} fill={missing ? '#f0f0f0' : shade(max > 0 ? v / max : 0)} />
              </a>
            );
          })}
          {axes.map((axis) => {
            const end = projection([axis.target[0], axis.target[1]]);
            if (end === null) return null;
            const start = arrowStart([end[0], end[1]], axis.bearing, ARROW);
            // Stop short of the target so the head does not hide it.
            const tip = arrowStart([end[0], end[1]], axis.bearing, 6);
            // Labels near an edge grow inwards, so that none is cut off.
            const anchor =
              start[0] > WIDTH - 160
                ? 'end'
                : start[0] < 160
                  ? 'start'
                  : start[0] < end[0] - 10
                    ? 'end'
                    : start[0] > end[0] + 10
                      ? 'start'
                      : 'middle';
            return (
              <g key={axis.scenario} className="map-axis">
                <title>{`${axis.title} — schematic axis (${axis.basis})`}</title>
                <line
                  x1={start[0]}
                  y1={start[1]}
                  x2={tip[0]}
                  y2={tip[1]}
                  stroke={AXIS_COLOUR}
                  strokeWidth={4}
                  markerEnd="url(#map-arrowhead)"
                />
                <text
                  x={start[0]}
                  y={Math.min(
                    HEIGHT - 6,
                    Math.max(
                      16,
                      start[1] + (Math.abs(start[1] - end[1]) < 30 || start[1] < end[1] ? -8 : 16),
                    ),
                  )}
                  textAnchor={anchor}
                >
                  {axis.scenario}
                </text>
              </g>
            );
          })}
        </svg>
        {hover === undefined || hovered === undefined ? null : (
          <div className="map-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
            <strong>{hovered.name}</strong>
            <br />
            {figureText(view, measure, hovered, false)}
            {hovered.gdp === undefined ? null : (
              <>
                <br />
                {figureText(view, measure, hovered, true)}
                <br />
                GDP {money(hovered.gdp, view.currency)}
              </>
            )}
            <br />
            <span className="muted">
              {hovered.pledgeIds.length === 0
                ? 'no counted pledge'
                : `pledges: ${hovered.pledgeIds.slice(0, 6).join(', ')}${hovered.pledgeIds.length > 6 ? ` +${hovered.pledgeIds.length - 6}` : ''}`}
            </span>
          </div>
        )}
      </div>
      <aside className="map-side">
        {controls}
        <Legend view={view} max={max} measure={measure} perGdp={perGdp} protectedName={protectedName} />
        {outside.length === 0 ? null : (
          <section className="panel">
            <h2>Outside the map</h2>
            <ul className="map-outside">
              {outside.map((f) => (
                <li key={f.actor}>
                  <span
                    className="map-swatch"
                    style={{
                      background:
                        perGdp && f.perGdp === undefined
                          ? '#f0f0f0'
                          : shade(max > 0 ? figureValue(f) / max : 0),
                    }}
                  />
                  {f.name}: {figureText(view, measure, f, perGdp)}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="panel">
          <h2>Threat axes</h2>
          <ul className="map-axes">
            {axes.map((a) => (
              <li key={a.scenario}>
                <strong>{a.scenario}</strong>: {a.title} <span className="muted">({a.basis})</span>
              </li>
            ))}
          </ul>
          <p className="source-note">
            Axes are schematic: the direction comes from the scenario's id, tags or title (north, east, sea…),
            else from the side opposite the partners; the head points at a place the scenario names, else at
            the centre of {protectedName}. They are not routes.
          </p>
        </section>
      </aside>
      <FiguresTable view={view} figures={figures} measure={measure} planLabel={planLabel} />
    </div>
  );
}

function Legend({
  view,
  max,
  measure,
  perGdp,
  protectedName,
}: {
  view: PlanView;
  max: number;
  measure: MapMeasure;
  perGdp: boolean;
  protectedName: string;
}) {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const label = (share: number) => {
    const v = share * max;
    const text = measure.kind === 'funding' ? money(v, view.currency) : power(v);
    return text;
  };
  return (
    <section className="panel map-legend">
      <h2>
        {measureLabel(measure)}
        {perGdp ? ` per ${money(GDP_UNIT, view.currency)} of GDP` : ''}
      </h2>
      <ul>
        {steps.map((s) => (
          <li key={s}>
            <span className="map-swatch" style={{ background: shade(s) }} />
            {label(s)}
          </li>
        ))}
        <li>
          <span className="map-swatch" style={{ background: PROTECTED_FILL }} />
          {protectedName} (protected)
        </li>
        <li>
          <span className="map-swatch" style={{ background: NON_PARTNER_FILL }} />
          not a partner
        </li>
        <li>
          <span className="map-swatch map-swatch-axis" />
          threat axis (schematic)
        </li>
      </ul>
      {measure.kind === 'all' ? (
        <p className="source-note">All domains added: land, sea and air points are different units.</p>
      ) : null}
    </section>
  );
}

function FiguresTable({
  view,
  figures,
  measure,
  planLabel,
}: {
  view: PlanView;
  figures: readonly Contribution[];
  measure: MapMeasure;
  planLabel: string;
}) {
  const rows = [...figures].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return (
    <section className="map-figures">
      <table>
        <caption className="muted">Figures behind the map: {measureLabel(measure)} per partner</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col" className="num">
              Absolute
            </th>
            <th scope="col" className="num">
              Per {money(GDP_UNIT, view.currency)} of GDP
            </th>
            <th scope="col" className="num">
              GDP
            </th>
            <th scope="col">Pledges counted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.actor} id={`map-fig-${f.actor}`}>
              <th scope="row">{f.name}</th>
              <td className="num">{figureText(view, measure, f, false)}</td>
              <td className="num">{f.perGdp === undefined ? '–' : valueText(view, measure, f.perGdp)}</td>
              <td className="num">{f.gdp === undefined ? '–' : money(f.gdp, view.currency)}</td>
              <td>{f.pledgeIds.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="source-note">
        Power = Σ units × effect over each partner's pledges that pass the filters (withdrawn never count;
        production pledges as units their funding buys over {units(view.yearsOfPeace, 'year')} of peace), as
        in Who does what. GDP from the plan's actors ({view.currency ?? 'EUR'}). Source: {planLabel}. Shapes:
        Natural Earth 1:50m via world-atlas 2.0.2.
      </p>
    </section>
  );
}
