/**
 * The map's geography, as pure functions for views/map.tsx: plan actor ids (ISO 3166-1 alpha-3) to
 * world-atlas feature ids (ISO 3166-1 numeric, as Natural Earth gives them), each partner's contribution
 * (absolute or per GDP), and one schematic threat axis per scenario.
 */
import {
  FUNDING,
  type MatrixFilters,
  NO_FILTERS,
  type PlanView,
  pledgeCounts,
  pledgeValue,
} from './pledge-matrix';

/**
 * ISO 3166-1 alpha-3 → numeric (three digits, zero-padded, as world-atlas's `id`): Europe, its
 * neighbours and the usual partners further away. Source: ISO 3166-1 (UN M49 codes).
 * Kosovo (XKX) has no numeric code and no id in world-atlas: it cannot be shaded.
 */
export const ISO3_TO_NUMERIC: Readonly<Record<string, string>> = {
  ALB: '008',
  AND: '020',
  ARM: '051',
  AUS: '036',
  AUT: '040',
  AZE: '031',
  BEL: '056',
  BGR: '100',
  BIH: '070',
  BLR: '112',
  BRA: '076',
  CAN: '124',
  CHE: '756',
  CHN: '156',
  CYP: '196',
  CZE: '203',
  DEU: '276',
  DNK: '208',
  DZA: '012',
  EGY: '818',
  ESP: '724',
  EST: '233',
  FIN: '246',
  FRA: '250',
  GBR: '826',
  GEO: '268',
  GRC: '300',
  HRV: '191',
  HUN: '348',
  IND: '356',
  IRL: '372',
  IRN: '364',
  IRQ: '368',
  ISL: '352',
  ISR: '376',
  ITA: '380',
  JPN: '392',
  JOR: '400',
  KAZ: '398',
  KOR: '410',
  LBN: '422',
  LBY: '434',
  LIE: '438',
  LTU: '440',
  LUX: '442',
  LVA: '428',
  MAR: '504',
  MDA: '498',
  MKD: '807',
  MLT: '470',
  MNE: '499',
  NLD: '528',
  NOR: '578',
  NZL: '554',
  POL: '616',
  PRT: '620',
  ROU: '642',
  RUS: '643',
  SAU: '682',
  SRB: '688',
  SVK: '703',
  SVN: '705',
  SWE: '752',
  SYR: '760',
  TUN: '788',
  TUR: '792',
  UKR: '804',
  USA: '840',
};

/** The world-atlas feature id of a plan actor, or undefined (not a country code, or not in the table). */
export function atlasId(actorId: string): string | undefined {
  return ISO3_TO_NUMERIC[actorId.toUpperCase()];
}

/** Which figure colours the map: power in one domain, in all domains summed, or production funding. */
export type MapMeasure =
  | { readonly kind: 'all' }
  | { readonly kind: 'domain'; readonly domain: string }
  | {
      readonly kind: 'funding';
    };

export interface Contribution {
  readonly actor: string;
  readonly name: string;
  /** Power points (summed over the measure's domains), or money a year for funding. */
  readonly value: number;
  readonly gdp?: number;
  /** value per 100 bn of GDP (the plan's currency); undefined without a GDP. */
  readonly perGdp?: number;
  readonly pledgeIds: readonly string[];
}

/** GDP unit of the per-GDP figure: 100 bn of the plan's currency. */
export const GDP_UNIT = 1e11;

/**
 * Each partner's contribution under a measure (pledge-matrix.ts's rule: units × effect, withdrawn never
 * counted), also per 100 bn of GDP. "all" adds the domains' points together, which mixes units: the
 * legend says so. The protected state is left out; partners without a counted pledge have value 0.
 */
export function contributions(
  view: PlanView,
  domains: readonly string[],
  measure: MapMeasure,
  filters: MatrixFilters = NO_FILTERS,
): Contribution[] {
  const columns = measure.kind === 'all' ? domains : measure.kind === 'domain' ? [measure.domain] : [FUNDING];
  return view.actors
    .filter((a) => a.id !== view.protected)
    .map((a) => {
      const pledges = view.pledges.filter((p) => p.actor === a.id && pledgeCounts(p, filters));
      let value = 0;
      const ids: string[] = [];
      for (const p of pledges) {
        const v = columns.reduce((sum, c) => sum + pledgeValue(view, p, c), 0);
        if (v > 0) {
          value += v;
          ids.push(p.id);
        }
      }
      const perGdp = a.gdp !== undefined && a.gdp > 0 ? value / (a.gdp / GDP_UNIT) : undefined;
      return {
        actor: a.id,
        name: a.name,
        value,
        ...(a.gdp === undefined ? {} : { gdp: a.gdp }),
        ...(perGdp === undefined ? {} : { perGdp }),
        pledgeIds: ids,
      };
    });
}

/** [longitude, latitude] in degrees. */
export type LonLat = readonly [number, number];

/** Compass bearings (degrees clockwise from north) of the side a threat comes from, by keyword. */
const BEARINGS: readonly (readonly [RegExp, number])[] = [
  [/\bnorth-?east/, 45],
  [/\bnorth-?west/, 315],
  [/\bsouth-?east/, 135],
  [/\bsouth-?west/, 225],
  [/\bnorth|belarus/, 0],
  [/\bsouth|crimea/, 180],
  [/\beast|donbas|donetsk/, 90],
  [/\bwest/, 270],
  // Sea and coast: from the open sea, schematically south-south-east (the Black Sea for Ukraine).
  [/\bsea\b|coast|naval|amphib|black-sea|odesa/, 160],
];

/** Places a scenario may name in its id, tags or title: where its arrow points. */
export const PLACES: Readonly<Record<string, LonLat>> = {
  kyiv: [30.52, 50.45],
  odesa: [30.73, 46.48],
  kharkiv: [36.23, 49.99],
  donetsk: [37.8, 48.0],
  zaporizhzhia: [35.14, 47.84],
  dnipro: [35.05, 48.46],
  lviv: [24.03, 49.84],
  mykolaiv: [31.99, 46.97],
  chisinau: [28.86, 47.01],
  vilnius: [25.28, 54.69],
  riga: [24.11, 56.95],
  tallinn: [24.75, 59.44],
  warsaw: [21.01, 52.23],
  narva: [28.19, 59.38],
  suwalki: [22.93, 54.1],
};

export interface ScenarioInfo {
  readonly id: string;
  readonly title?: string;
  readonly tags: readonly string[];
}

export interface ThreatAxis {
  readonly scenario: string;
  readonly title: string;
  /** Degrees clockwise from north: the side the threat comes from. */
  readonly bearing: number;
  /** Where the arrow points. */
  readonly target: LonLat;
  /** Why this axis: the keyword or place it was derived from. */
  readonly basis: string;
}

/** The plan's scenarios (id, title, tags), read loosely. */
export function readScenarios(
  scenarios: readonly Readonly<Record<string, unknown>>[] | undefined,
): ScenarioInfo[] {
  return (scenarios ?? []).flatMap((s): ScenarioInfo[] => {
    if (typeof s.id !== 'string') return [];
    const tags = Array.isArray(s.tags) ? s.tags.filter((t): t is string => typeof t === 'string') : [];
    return [{ id: s.id, ...(typeof s.title === 'string' ? { title: s.title } : {}), tags }];
  });
}

/**
 * The side the threat comes from by default: opposite the partners, seen from the protected state
 * (the mean of unit vectors towards each partner, longitude scaled by cos(latitude)). East if no partner.
 */
export function threatSide(protectedAt: LonLat, partners: readonly LonLat[]): number {
  let x = 0;
  let y = 0;
  const k = Math.cos((protectedAt[1] * Math.PI) / 180);
  for (const p of partners) {
    const dx = (p[0] - protectedAt[0]) * k;
    const dy = p[1] - protectedAt[1];
    const n = Math.hypot(dx, dy);
    if (n > 0) {
      x += dx / n;
      y += dy / n;
    }
  }
  if (Math.hypot(x, y) < 1e-9) return 90;
  const towardsPartners = (Math.atan2(x, y) * 180) / Math.PI;
  return (towardsPartners + 180 + 360) % 360;
}

/**
 * One schematic axis per scenario: the bearing from the first direction keyword in its id, tags or
 * title (north, east, sea, …), else the default threat side; the target a place it names (Kyiv,
 * Odesa, …), else the protected state's centre.
 */
export function threatAxes(
  scenarios: readonly ScenarioInfo[],
  protectedAt: LonLat,
  defaultBearing: number,
): ThreatAxis[] {
  const axes = scenarios.map((s) => {
    // The id and tags say the axis ("land-north", "sea-odesa"); the title may add a place.
    const keys = [s.id, ...s.tags].join(' ').toLowerCase();
    const words = `${keys} ${(s.title ?? '').toLowerCase()}`;
    const hit = BEARINGS.find(([re]) => re.test(keys)) ?? BEARINGS.find(([re]) => re.test(words));
    const place = Object.keys(PLACES).find((name) => words.includes(name));
    const target = place === undefined ? protectedAt : (PLACES[place] ?? protectedAt);
    const basis = [
      hit === undefined
        ? 'default threat side'
        : `“${(keys.match(hit[0]) ?? words.match(hit[0]))?.[0] ?? ''}”`,
      place === undefined ? 'towards the centre' : `towards ${place[0]?.toUpperCase()}${place.slice(1)}`,
    ].join(', ');
    return {
      scenario: s.id,
      title: s.title ?? s.id,
      bearing: hit?.[1] ?? defaultBearing,
      target,
      basis,
      fixed: hit !== undefined,
    };
  });
  // Axes on the default side turn away (in steps of 25°) from any axis already within 25°, so that
  // arrows and their labels do not lie on top of each other.
  const placed: number[] = axes.filter((a) => a.fixed).map((a) => a.bearing);
  return axes.map(({ fixed, ...axis }) => {
    if (fixed) return axis;
    let bearing = axis.bearing;
    for (let i = 0; i < 14 && placed.some((b) => angleBetween(b, bearing) < 25); i++)
      bearing = (bearing + 25) % 360;
    placed.push(bearing);
    return { ...axis, bearing };
  });
}

/** The smaller angle between two bearings, in degrees (0 … 180). */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * Where an arrow of `length` pixels starts so that it ends at `end` coming from `bearing` (screen
 * coordinates: north is up, y grows downwards).
 */
export function arrowStart(
  end: readonly [number, number],
  bearing: number,
  length: number,
): [number, number] {
  const r = (bearing * Math.PI) / 180;
  return [end[0] + Math.sin(r) * length, end[1] - Math.cos(r) * length];
}
