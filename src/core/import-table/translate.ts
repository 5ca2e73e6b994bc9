/**
 * Cell text → plan value: the mapping's `values:` translations (trimmed, case-insensitive), the
 * built-in country-name table for actors (`actorNames: iso3`), and the closed vocabularies of posture,
 * bindingness and status, which accept `On call` or `on_call` for `on-call` but nothing further off
 * (a typo gets "did you mean", never a guess).
 */

import { BINDINGNESS, POSTURES, STATUSES } from '../plan/schema.js';
import { createSuggester, didYouMean } from '../plan/suggest.js';
import { err, ok, type Result } from '../result.js';
import { KIEL_AGGREGATE_IDS, KIEL_COUNTRY_IDS } from '../track-records/countries.js';
import type { Mapping } from './mapping.js';

export type TranslatedField = keyof NonNullable<Mapping['values']>;
export type EnumField = 'posture' | 'bindingness' | 'status';

export const ENUMS: Readonly<Record<EnumField, readonly string[]>> = {
  posture: POSTURES,
  bindingness: BINDINGNESS,
  status: STATUSES,
};

/** Case, accents and runs of white space do not distinguish names (`Türkiye` = `turkiye`). */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

const COUNTRY_IDS: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...KIEL_COUNTRY_IDS, ...KIEL_AGGREGATE_IDS }).map(([name, id]) => [foldName(name), id]),
);
const COUNTRY_NAMES = Object.keys({ ...KIEL_COUNTRY_IDS, ...KIEL_AGGREGATE_IDS });

export interface Translator {
  /** The mapping's translation of `text` for `field`, or undefined when it has none. */
  lookup(field: TranslatedField, text: string): string | undefined;
  /** The actor id for a cell's text: translation, then (with actorNames: iso3) the country table. */
  actor(text: string): Result<string, string>;
  /** A posture, bindingness or status from a cell's text (after translation). */
  enumValue(field: EnumField, text: string): Result<string, string>;
}

export function createTranslator(mapping: Mapping): Translator {
  const tables = new Map<string, ReadonlyMap<string, string>>();
  for (const [field, table] of Object.entries(mapping.values ?? {})) {
    if (table === undefined) continue;
    tables.set(field, new Map(Object.entries(table).map(([from, to]) => [foldName(from), to])));
  }
  const countrySuggester = createSuggester(COUNTRY_NAMES);
  const lookup = (field: TranslatedField, text: string) => tables.get(field)?.get(foldName(text));
  return {
    lookup,
    actor(text) {
      const translated = lookup('actor', text);
      if (translated !== undefined) return ok(translated);
      if (mapping.actorNames !== 'iso3') return ok(text);
      const id = COUNTRY_IDS.get(foldName(text));
      if (id !== undefined) return ok(id);
      // Already an id (FRA, EUI): kept; the plan, when given, says whether it exists.
      if (/^[A-Z][A-Z0-9]{1,4}$/.test(text)) return ok(text);
      return err(
        `unknown country name "${text}"${didYouMean(countrySuggester(text))}: ` +
          `add it to the mapping under values.actor (e.g. "${text}": XXX), or write the actor id in the cell`,
      );
    },
    enumValue(field, text) {
      const allowed = ENUMS[field];
      const translated = lookup(field, text) ?? text;
      const normal = translated
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-');
      if (allowed.includes(normal)) return ok(normal);
      const keys = [...(tables.get(field)?.keys() ?? [])];
      const guess = createSuggester([...allowed, ...keys])(foldName(text));
      return err(
        `unknown ${field} "${text}": expected one of ${allowed.join(' | ')}${didYouMean(guess)} ` +
          `(or translate it in the mapping: values.${field}: { "${text}": ${ENUMS[field].includes(guess ?? '') ? guess : 'VALUE'} })`,
      );
    },
  };
}
