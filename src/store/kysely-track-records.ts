/**
 * Track record imports on either database (the same Kysely queries on PGlite and PostgreSQL). The
 * document is `json`, not `jsonb` (migration 6): it is read back with its keys in the order written, so
 * a route serves the same bytes for the same import.
 */
import type { Kysely, Selectable } from 'kysely';
import type { TrackRecordDocument } from '../core/track-records/track-record-document.js';
import type { Database, TrackRecordsTable } from './database.js';
import type { StoredTrackRecords, TrackRecordStore } from './track-record-store.js';

const SUMMARY_COLUMNS = ['id', 'source', 'release', 'as_of', 'imported_at', 'imported_by'] as const;

export function trackRecordQueries(db: Kysely<Database>): TrackRecordStore {
  return {
    saveTrackRecords: async ({ document, importedBy }) => {
      const row = await db
        .insertInto('track_records')
        .values({
          source: document.source,
          release: document.records.release,
          as_of: document.records.asOf,
          imported_by: importedBy,
          document: JSON.stringify(document),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toStored(row);
    },
    latestTrackRecords: async () => {
      // `id` is an identity column: the latest import has the highest, whatever the clocks say.
      const row = await db.selectFrom('track_records').selectAll().orderBy('id', 'desc').executeTakeFirst();
      return row === undefined ? undefined : toStored(row);
    },
    trackRecordImports: async () => {
      const rows = await db
        .selectFrom('track_records')
        .select(SUMMARY_COLUMNS)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSummary);
    },
  };
}

function toSummary(row: Pick<Selectable<TrackRecordsTable>, (typeof SUMMARY_COLUMNS)[number]>) {
  return {
    id: row.id,
    source: 'kiel' as const,
    release: row.release,
    asOf: row.as_of,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

function toStored(row: Selectable<TrackRecordsTable>): StoredTrackRecords {
  // json columns come back parsed from `pg`, and as parsed values from PGlite too; text only if a driver
  // leaves them as text.
  const document = (
    typeof row.document === 'string' ? JSON.parse(row.document) : row.document
  ) as TrackRecordDocument;
  return { ...toSummary(row), document };
}
