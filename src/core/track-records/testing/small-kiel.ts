/**
 * For tests: a small Kiel release in the dashboard files' format — France and Germany over two months —
 * and a World Bank table, so tests of the import's users need not read ../shared/data. Figures are made
 * up; FRA delivered 3 of 4 committed (delivered ÷ committed 0.75), DEU 2 of 8 (0.25).
 */
export const SMALL_KIEL_RELEASE_INFO =
  '"release","period","date","label"\n"29","04/2026","2026-08-04","Ukraine Support Tracker, Release 29 (04/2026)"\n';

const HEADER =
  '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"\n';

export const SMALL_KIEL_DATA_EXPLORER = `${HEADER}${[
  '"France","FRA",2026,3,2,0,0,2,3,1,2500,0.08',
  '"France","FRA",2026,4,1,0.5,0,0.5,1,0,2500,0.04',
  '"Germany","DEU",2026,4,2,1,0,1,8,6,3600,0.06',
].join('\n')}\n`;

export const SMALL_WORLD_BANK = `"iso3","country","gdp_usd","gdp_year"\n"FRA","France",3160000000000,2024\n"DEU","Germany",4686000000000,2024\n"NOR","Norway",483600000000,2024\n`;

export const SMALL_KIEL = {
  releaseInfo: SMALL_KIEL_RELEASE_INFO,
  dataExplorer: SMALL_KIEL_DATA_EXPLORER,
} as const;

/** A plan (USD) with FRA and DEU, which have records, NOR without one (and without gdp), UKR protected. */
export const SMALL_TRACK_PLAN = `guarantor: 1
protected: UKR
currency: USD
actors:
  - { id: UKR, name: Ukraine }
  - { id: FRA, name: France, reliability: 0.8, gdp: 3.0e12 }
  - { id: DEU, name: Germany, reliability: 0.9 }
  - { id: NOR, name: Norway }
capabilities:
  - { id: jets, effect: { air: 1 } }
pledges:
  - { id: fra-jets, actor: FRA, capability: jets, quantity: 2, posture: on-call, bindingness: political }
  - { id: fra-old, actor: FRA, capability: jets, quantity: 1, posture: on-call, bindingness: political, status: withdrawn }
scenarios:
  - { id: s, horizonDays: 3, threat: { air: [[0, 1]] } }
variants:
  - { id: all }
`;
