/**
 * "Who does what": the plan's pledges shaped into a partner × domain matrix of contributed power, for
 * views/who-does-what.tsx and the map. Pure functions over the plan as the ledger holds it (plan format,
 * loosely typed): `readPlan` validates once at this edge, everything after trusts its types.
 *
 * Power of a pledge in a domain = units × the capability's effect in that domain (MODEL.md §3), where
 * units is the quantity, or for a production pledge min(fundingPerYear · yearsOfPeace / unitCost,
 * productionPerYear · yearsOfPeace) — the same rule as src/core/engine/production.ts. Withdrawn pledges
 * never count. Honouring, bindingness and readiness are not applied: this is what is pledged, not what
 * a trial delivers (the assessment does that).
 */
import { pledgeUnits as engineUnits } from '../core/engine/production.js';
import { units } from './format';
import type { PlanData } from './session';

export const POSTURES = ['in-place', 'on-call', 'backstop', 'production'] as const;
export const STATUSES = ['announced', 'committed', 'delivered', 'withdrawn'] as const;
export type Posture = (typeof POSTURES)[number];
export type Status = (typeof STATUSES)[number];

/** The column of money for production (the "Danish model"): fundingPerYear, summed. */
export const FUNDING = 'funding';

/** Domains in the order people read them; others follow alphabetically. */
const DOMAIN_ORDER = ['land', 'sea', 'air', 'air-defence', 'cyber', 'space'];

export interface Source {
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly gdp?: number;
}

export interface Capability {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  readonly effect: Readonly<Record<string, number>>;
  readonly unitCost?: number;
  readonly productionPerYear?: number;
}

export interface Pledge {
  readonly id: string;
  readonly actor: string;
  readonly capability: string;
  readonly quantity: number;
  readonly posture: Posture;
  readonly readinessDays: number;
  readonly bindingness?: string;
  readonly triggers: readonly string[];
  readonly requires: readonly string[];
  readonly fundingPerYear?: number;
  readonly status: Status;
  readonly sources: readonly Source[];
}

export interface PlanView {
  readonly protected: string;
  readonly currency?: string;
  readonly yearsOfPeace: number;
  readonly actors: readonly Actor[];
  readonly capabilities: ReadonlyMap<string, Capability>;
  readonly pledges: readonly Pledge[];
}

const text = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const texts = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : [];
const oneOf = <T extends string>(values: readonly T[], x: unknown, fallback: T): T =>
  values.includes(x as T) ? (x as T) : fallback;

/** The plan's actors, capabilities and pledges with MODEL.md §1 defaults (status committed, readiness 0). */
export function readPlan(plan: PlanData): PlanView {
  const settings = (plan.settings ?? {}) as Record<string, unknown>;
  const actors = (plan.actors ?? []).flatMap((a): Actor[] => {
    const id = text(a.id);
    if (id === undefined) return [];
    const gdp = num(a.gdp);
    return [{ id, name: text(a.name) ?? id, ...(gdp === undefined ? {} : { gdp }) }];
  });
  const capabilities = new Map<string, Capability>();
  for (const c of plan.capabilities ?? []) {
    const id = text(c.id);
    if (id === undefined) continue;
    const effect: Record<string, number> = {};
    for (const [d, v] of Object.entries((c.effect ?? {}) as Record<string, unknown>)) {
      const x = num(v);
      if (x !== undefined) effect[d] = x;
    }
    const unit = text(c.unit);
    const unitCost = num(c.unitCost);
    const productionPerYear = num(c.productionPerYear);
    capabilities.set(id, {
      id,
      name: text(c.name) ?? id,
      effect,
      ...(unit === undefined ? {} : { unit }),
      ...(unitCost === undefined ? {} : { unitCost }),
      ...(productionPerYear === undefined ? {} : { productionPerYear }),
    });
  }
  const pledges = (plan.pledges ?? []).flatMap((p): Pledge[] => {
    const id = text(p.id);
    const actor = text(p.actor);
    const capability = text(p.capability);
    if (id === undefined || actor === undefined || capability === undefined) return [];
    const bindingness = text(p.bindingness);
    const fundingPerYear = num(p.fundingPerYear);
    const sources = (Array.isArray(p.sources) ? p.sources : []).flatMap((s): Source[] => {
      const r = (s ?? {}) as Record<string, unknown>;
      const title = text(r.title);
      if (title === undefined) return [];
      const url = text(r.url);
      const date = typeof r.date === 'string' ? r.date : undefined;
      return [{ title, ...(url === undefined ? {} : { url }), ...(date === undefined ? {} : { date }) }];
    });
    return [
      {
        id,
        actor,
        capability,
        quantity: num(p.quantity) ?? 0,
        posture: oneOf(POSTURES, p.posture, 'in-place'),
        readinessDays: num(p.readinessDays) ?? 0,
        ...(bindingness === undefined ? {} : { bindingness }),
        triggers: texts(p.triggers),
        requires: texts(p.requires),
        ...(fundingPerYear === undefined ? {} : { fundingPerYear }),
        status: oneOf(STATUSES, p.status, 'committed'),
        sources,
      },
    ];
  });
  const currency = text(plan.currency);
  return {
    protected: text(plan.protected) ?? '',
    ...(currency === undefined ? {} : { currency }),
    yearsOfPeace: num(settings.yearsOfPeace) ?? 2,
    actors,
    capabilities,
    pledges,
  };
}

/** Units a pledge fields (MODEL.md §3, the engine's own rule): its quantity, or what its funding buys. */
export function pledgeUnits(
  pledge: Pledge,
  capability: Capability | undefined,
  yearsOfPeace: number,
): number {
  return capability === undefined ? 0 : engineUnits(pledge, capability, yearsOfPeace);
}

/** Power a pledge contributes in a column: units × effect for a domain, fundingPerYear for FUNDING. */
export function pledgeValue(view: PlanView, pledge: Pledge, column: string): number {
  if (pledge.status === 'withdrawn') return 0;
  if (column === FUNDING) return pledge.fundingPerYear ?? 0;
  const capability = view.capabilities.get(pledge.capability);
  const effect = capability?.effect[column] ?? 0;
  return effect === 0 ? 0 : pledgeUnits(pledge, capability, view.yearsOfPeace) * effect;
}

/** The domains of the plan's capabilities, land/sea/air first. */
export function planDomains(view: PlanView): string[] {
  const all = new Set<string>();
  for (const c of view.capabilities.values()) for (const d of Object.keys(c.effect)) all.add(d);
  const rank = (d: string) => {
    const i = DOMAIN_ORDER.indexOf(d);
    return i === -1 ? DOMAIN_ORDER.length : i;
  };
  return [...all].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Filters of the matrix; an empty list means "all". Withdrawn pledges are excluded whatever the filter. */
export interface MatrixFilters {
  readonly domains: readonly string[];
  readonly postures: readonly Posture[];
  readonly statuses: readonly Status[];
  readonly actors: readonly string[];
  readonly capabilities: readonly string[];
}

export const NO_FILTERS: MatrixFilters = {
  domains: [],
  postures: [],
  statuses: [],
  actors: [],
  capabilities: [],
};

const FILTER_KEYS = {
  domains: 'domain',
  postures: 'posture',
  statuses: 'status',
  actors: 'partner',
  capabilities: 'capability',
} as const;

/** Filters from the URL: `?domain=air&posture=on-call&status=committed,delivered&partner=FRA`. */
export function filtersFromQuery(query: URLSearchParams): MatrixFilters {
  const list = (key: string) =>
    (query.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return {
    domains: list(FILTER_KEYS.domains),
    postures: list(FILTER_KEYS.postures).filter((p): p is Posture => POSTURES.includes(p as Posture)),
    statuses: list(FILTER_KEYS.statuses).filter(
      (s): s is Status => STATUSES.includes(s as Status) && s !== 'withdrawn',
    ),
    actors: list(FILTER_KEYS.actors),
    capabilities: list(FILTER_KEYS.capabilities),
  };
}

/** The URL query with the filters written in (other parameters, e.g. `plan`, kept). */
export function filtersToQuery(filters: MatrixFilters, base: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams(base);
  for (const [field, key] of Object.entries(FILTER_KEYS) as [keyof MatrixFilters, string][]) {
    const values = filters[field];
    if (values.length === 0) query.delete(key);
    else query.set(key, values.join(','));
  }
  return query;
}

/** Whether a pledge passes the posture, status, partner and capability filters (never if withdrawn). */
export function pledgeCounts(pledge: Pledge, filters: MatrixFilters): boolean {
  if (pledge.status === 'withdrawn') return false;
  const pass = <T>(allowed: readonly T[], value: T) => allowed.length === 0 || allowed.includes(value);
  return (
    pass(filters.postures, pledge.posture) &&
    pass(filters.statuses, pledge.status) &&
    pass(filters.actors, pledge.actor) &&
    pass(filters.capabilities, pledge.capability)
  );
}

export interface MatrixCell {
  readonly actor: string;
  readonly column: string;
  /** Power points in a domain column; money a year in the FUNDING column. */
  readonly value: number;
  /** value / the column's largest value (0 … 1), for the colour. */
  readonly share: number;
  readonly pledgeIds: readonly string[];
}

export interface MatrixRow {
  readonly actor: Actor;
  readonly cells: readonly MatrixCell[];
}

export interface Matrix {
  /** Domain columns, then FUNDING (when shown). */
  readonly columns: readonly string[];
  readonly rows: readonly MatrixRow[];
  readonly columnMax: Readonly<Record<string, number>>;
}

/**
 * The partner × domain matrix: one row per partner (the protected state is left out) with at least one
 * counted pledge in a shown column, rows sorted by the sum of their column shares (largest first).
 */
export function pledgeMatrix(view: PlanView, filters: MatrixFilters = NO_FILTERS): Matrix {
  const all = [...planDomains(view), FUNDING];
  const columns = filters.domains.length === 0 ? all : all.filter((c) => filters.domains.includes(c));
  const counted = view.pledges.filter((p) => p.actor !== view.protected && pledgeCounts(p, filters));
  const raw = view.actors
    .filter((a) => a.id !== view.protected)
    .map((actor) => {
      const mine = counted.filter((p) => p.actor === actor.id);
      const cells = columns.map((column) => {
        const behind = mine.filter((p) => pledgeValue(view, p, column) > 0);
        const value = behind.reduce((sum, p) => sum + pledgeValue(view, p, column), 0);
        return { actor: actor.id, column, value, pledgeIds: behind.map((p) => p.id) };
      });
      return { actor, cells };
    })
    .filter((row) => row.cells.some((c) => c.pledgeIds.length > 0));
  const columnMax: Record<string, number> = {};
  for (const column of columns) {
    columnMax[column] = Math.max(0, ...raw.map((r) => r.cells.find((c) => c.column === column)?.value ?? 0));
  }
  const rows = raw.map((row) => ({
    actor: row.actor,
    cells: row.cells.map((c) => {
      const max = columnMax[c.column] ?? 0;
      return { ...c, share: max > 0 ? c.value / max : 0 };
    }),
  }));
  const weight = (r: MatrixRow) => r.cells.reduce((s, c) => s + c.share, 0);
  rows.sort((a, b) => weight(b) - weight(a) || a.actor.name.localeCompare(b.actor.name));
  return { columns, rows, columnMax };
}

/** The pledges behind one cell, largest contribution first. */
export function cellPledges(view: PlanView, cell: MatrixCell): Pledge[] {
  const ids = new Set(cell.pledgeIds);
  return view.pledges
    .filter((p) => ids.has(p.id))
    .sort((a, b) => pledgeValue(view, b, cell.column) - pledgeValue(view, a, cell.column));
}

/**
 * Power points for people (a formatter of this module): whole above 10, one decimal above 1, two
 * significant digits below ("0.088"), so that small contributions do not read as 0.
 */
export function power(points: number): string {
  if (!Number.isFinite(points)) return '–';
  const a = Math.abs(points);
  if (a === 0) return '0';
  if (a >= 10) return Math.round(points).toLocaleString('en-GB');
  if (a >= 1) return String(Number(points.toFixed(1)));
  return String(Number(points.toPrecision(2)));
}

/** A quantity with its unit, as format.ts's `units` but with power()'s digits: "0.011 batteries". */
export function quantity(q: number, unit: string | undefined): string {
  return units(q === 1 ? 1 : 2, unit).replace(/^\S+/, power(q));
}

/**
 * A sequential colour for a share in [0, 1]: from a pale blue to a deep blue (linear in RGB between
 * two ColorBrewer "Blues" ends, #eff3ff and #08519c). Share 0 is white: nothing pledged.
 */
export function shade(share: number): string {
  if (!(share > 0)) return '#ffffff';
  const t = Math.min(1, share);
  const from = [0xef, 0xf3, 0xff];
  const to = [0x08, 0x51, 0x9c];
  return `#${from
    .map((f, i) => Math.round(f + ((to[i] ?? f) - f) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Whether text on `shade(share)` should be white (dark background) for contrast. */
export function darkShade(share: number): boolean {
  return share > 0.55;
}
