/**
 * Imported track records (Kiel Ukraine Support Tracker), as the team database keeps them: the port
 * (kysely-track-records.ts implements it on both databases). Not part of a plan's ledger: an import is
 * reference data every plan reads. Each import is kept (history); the latest one is what routes show.
 */
import type { TrackRecordDocument } from '../core/track-records/track-record-document.js';

export interface NewTrackRecords {
  readonly document: TrackRecordDocument;
  /** Who imported them (a user name, or the OS user for the CLI). */
  readonly importedBy: string;
}

export interface StoredTrackRecords {
  /** Increases with each import: the latest import has the highest. */
  readonly id: number;
  readonly source: 'kiel';
  readonly release: number;
  /** The last month summed, YYYY-MM. */
  readonly asOf: string;
  readonly importedAt: Date;
  readonly importedBy: string;
  readonly document: TrackRecordDocument;
}

export interface TrackRecordStore {
  /** Keeps an import (earlier ones stay); returns it as stored. */
  saveTrackRecords(records: NewTrackRecords): Promise<StoredTrackRecords>;
  /** The most recent import, or undefined when none was made. */
  latestTrackRecords(): Promise<StoredTrackRecords | undefined>;
  /** Every import, newest first, without their documents' actors (for listings). */
  trackRecordImports(): Promise<readonly Omit<StoredTrackRecords, 'document'>[]>;
}
