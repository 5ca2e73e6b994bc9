/**
 * Kiel's donor names → the actor ids plans use (ISO 3166-1 alpha-3). The EU institutions ("EU
 * (Commission and Council)", iso "EU" in Kiel's file) are not a country: they get the id EUI, so a plan
 * can name them as an actor without clashing with a country code.
 */
export const KIEL_COUNTRY_IDS: Readonly<Record<string, string>> = {
  Australia: 'AUS',
  Austria: 'AUT',
  Belgium: 'BEL',
  Bulgaria: 'BGR',
  Canada: 'CAN',
  China: 'CHN',
  Croatia: 'HRV',
  Cyprus: 'CYP',
  Czechia: 'CZE',
  'Czech Republic': 'CZE',
  Denmark: 'DNK',
  Estonia: 'EST',
  Finland: 'FIN',
  France: 'FRA',
  Germany: 'DEU',
  Greece: 'GRC',
  Hungary: 'HUN',
  Iceland: 'ISL',
  India: 'IND',
  Ireland: 'IRL',
  Italy: 'ITA',
  Japan: 'JPN',
  Latvia: 'LVA',
  Lithuania: 'LTU',
  Luxembourg: 'LUX',
  Malta: 'MLT',
  Netherlands: 'NLD',
  'New Zealand': 'NZL',
  Norway: 'NOR',
  Poland: 'POL',
  Portugal: 'PRT',
  Romania: 'ROU',
  Slovakia: 'SVK',
  Slovenia: 'SVN',
  'South Korea': 'KOR',
  Spain: 'ESP',
  Sweden: 'SWE',
  Switzerland: 'CHE',
  Taiwan: 'TWN',
  Turkiye: 'TUR',
  Turkey: 'TUR',
  'United Kingdom': 'GBR',
  'United States': 'USA',
};

/** Aggregates that are not countries but donors in their own right (counted in Kiel's totals). */
export const KIEL_AGGREGATE_IDS: Readonly<Record<string, string>> = {
  'EU (Commission and Council)': 'EUI',
};

/** The actor id for a Kiel donor name, or undefined when the name is unknown. */
export function kielActorId(name: string): string | undefined {
  return KIEL_COUNTRY_IDS[name] ?? KIEL_AGGREGATE_IDS[name];
}
