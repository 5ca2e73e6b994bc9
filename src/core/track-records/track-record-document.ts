/**
 * A stored import of track records: what `guarantor import kiel --save` and `POST /track-records` keep
 * (the store's `track_records.document`), so the server can propose priors without the files. It holds
 * the figures as kiel.ts summed them, the donors' names, the release as cited, and the World Bank GDP
 * table read at import (when one was given) for proposing missing GDP.
 */
import type { KielImport, KielRelease, TrackRecords } from './kiel.js';
import type { WorldBankGdp } from './worldbank.js';

export interface TrackRecordDocument {
  readonly source: 'kiel';
  readonly release: KielRelease;
  readonly records: TrackRecords;
  /** actor id → Kiel's donor name. */
  readonly names: Readonly<Record<string, string>>;
  /** iso3 → GDP from the World Bank table given at import; absent when none was. */
  readonly worldbank?: Readonly<Record<string, WorldBankGdp>>;
}

/** Where the Kiel Institute publishes the tracker (the dashboard and its data). */
export const KIEL_TRACKER_URL = 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/';

/** The document of a clean import; undefined when the import had errors (nothing may be stored then). */
export function trackRecordDocument(
  imported: KielImport,
  gdp?: ReadonlyMap<string, WorldBankGdp>,
): TrackRecordDocument | undefined {
  if (imported.records === undefined || imported.release === undefined) return undefined;
  if (imported.issues.some((i) => i.severity === 'error')) return undefined;
  return {
    source: 'kiel',
    release: imported.release,
    records: imported.records,
    names: imported.names,
    ...(gdp === undefined
      ? {}
      : { worldbank: Object.fromEntries([...gdp].sort(([a], [b]) => (a < b ? -1 : 1))) }),
  };
}

/** The stored GDP table as the lookup proposeForPlan takes. */
export function worldBankMap(document: TrackRecordDocument): ReadonlyMap<string, WorldBankGdp> | undefined {
  return document.worldbank === undefined ? undefined : new Map(Object.entries(document.worldbank));
}

/** The release as a plan source ({ title, url, date }): what an accepted change cites. */
export function kielSource(release: KielRelease): { title: string; url: string; date: string } {
  return { title: `Kiel Institute, ${release.label}`, url: KIEL_TRACKER_URL, date: release.date };
}
