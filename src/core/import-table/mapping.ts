/**
 * The column mapping of `guarantor import csv`: how an analyst's table becomes pledges (MODEL.md §1).
 * A YAML file, validated here with zod; every issue carries the mapping's line and column.
 *
 * ```yaml
 * delimiter: ";"            # CSV only: "," (default), ";" or "\t"
 * decimal: ","              # "." (default: 1,200.5) or "," (1.200,5); "1,5" is refused unless ","
 * sheet: Pledges            # XLSX only: the sheet to read (default the first; --sheet wins)
 * headerRow: 1              # the row holding the column headers (default 1); rows above are ignored
 * columns:                  # pledge field → header text (trimmed, case-insensitive), or an object:
 *   id: ID                  #   none → generated from `ids`
 *   actor: Country          #   required (or a default)
 *   capability: Capability  #   required (or a default)
 *   quantity: Units
 *   posture: Posture        #   required (or a default)
 *   readinessDays: Days
 *   bindingness: Basis
 *   triggers: { column: Theatres, separator: ";" }   # lists: separator default ","
 *   requires: { column: Only if, separator: ";" }
 *   fundingPerYear: { column: EUR m/yr, scale: 1.0e6 } # numbers: multiplied by scale
 *   status: Status
 * sources:                  # any number of sources, each from up to three columns
 *   - { title: Source, url: Link, date: Date }       # an empty title takes the URL
 * values:                   # cell text → plan value, per field (trimmed, case-insensitive)
 *   actor: { Ukraine: UKR }
 *   posture: { Stationed: in-place, Rapid reaction: on-call }
 * actorNames: iso3          # then look country names up in the built-in table (France → FRA)
 * defaults:                 # for empty cells and for fields without a column
 *   status: announced
 * ids: "{actor}-{capability}-{n}"  # placeholders: actor, capability, posture, row, n (1, 2, … per
 *                                  # pledge that would otherwise get the same id)
 * skipWhen:                 # rows to leave out (blank rows always are)
 *   - { column: Country, equals: [Total, Sum] }
 *   - { column: Capability, empty: true }
 * ```
 */
import { z } from 'zod';
import { pledgeSchema } from '../plan/schema.js';

export const TEXT_FIELDS = ['id', 'actor', 'capability', 'posture', 'bindingness', 'status'] as const;
export const NUMBER_FIELDS = ['quantity', 'readinessDays', 'fundingPerYear'] as const;
export const LIST_FIELDS = ['triggers', 'requires'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type ColumnField = TextField | NumberField | ListField;
/** The column fields in the plan format's order (pledgeSchema's), so written pledges read like a plan's. */
export const COLUMN_FIELDS: readonly ColumnField[] = [
  'id',
  'actor',
  'capability',
  'quantity',
  'posture',
  'readinessDays',
  'bindingness',
  'triggers',
  'requires',
  'fundingPerYear',
  'status',
];

export const ID_PLACEHOLDERS = ['actor', 'capability', 'posture', 'row', 'n'] as const;
export const DEFAULT_ID_TEMPLATE = '{actor}-{capability}-{n}';

const header = z
  .string('expected a column header (text)')
  .trim()
  .min(1, 'expected a non-empty column header');
const scale = z
  .number('expected a number')
  .refine(Number.isFinite, 'expected a finite number')
  .refine((n) => n > 0, 'expected a number > 0');

/** A column: its header, or `{ column, scale, separator }`. */
const columnSpec = z.preprocess(
  (v) => (typeof v === 'string' ? { column: v } : v),
  z.strictObject(
    {
      column: header,
      scale: scale.optional(),
      separator: z.string('expected a separator (text)').min(1, 'expected a non-empty separator').optional(),
    },
    'expected a column header, or { column: …, scale: … } / { column: …, separator: … }',
  ),
);

const translations = z.record(z.string(), z.string('expected the plan value (text)'));

const scalarText = z.union([z.string(), z.number()], 'expected a text or a number').transform(String);

const skipRule = z
  .strictObject({
    column: header,
    equals: z.union([scalarText, z.array(scalarText)]).optional(),
    empty: z.literal(true, 'expected `empty: true`').optional(),
  })
  .refine(
    (r) => (r.equals === undefined) !== (r.empty === undefined),
    'a skip rule needs exactly one of `equals: …` or `empty: true`',
  );

export const mappingSchema = z.strictObject({
  delimiter: z.enum([',', ';', '\t', '|'], 'expected one of "," ";" "\\t" "|"').optional(),
  decimal: z.enum(['.', ','], 'expected "." or ","').optional(),
  sheet: z.string('expected a sheet name').min(1, 'expected a non-empty sheet name').optional(),
  headerRow: z
    .number('expected a row number')
    .int('expected a whole row number')
    .min(1, 'expected a row number ≥ 1')
    .max(1000, 'the header row must be within the first 1000 rows')
    .optional(),
  columns: z.strictObject({
    id: columnSpec.optional(),
    actor: columnSpec.optional(),
    capability: columnSpec.optional(),
    quantity: columnSpec.optional(),
    posture: columnSpec.optional(),
    readinessDays: columnSpec.optional(),
    bindingness: columnSpec.optional(),
    triggers: columnSpec.optional(),
    requires: columnSpec.optional(),
    fundingPerYear: columnSpec.optional(),
    status: columnSpec.optional(),
  }),
  sources: z
    .array(
      z.strictObject({
        title: header.optional(),
        url: header.optional(),
        date: header.optional(),
      }),
    )
    .optional(),
  values: z
    .strictObject({
      id: translations.optional(),
      actor: translations.optional(),
      capability: translations.optional(),
      posture: translations.optional(),
      bindingness: translations.optional(),
      status: translations.optional(),
      triggers: translations.optional(),
      requires: translations.optional(),
    })
    .optional(),
  actorNames: z.literal('iso3', 'expected `actorNames: iso3` (the built-in country-name table)').optional(),
  defaults: pledgeSchema.omit({ id: true, sources: true }).partial().optional(),
  ids: z.string('expected an id template such as "{actor}-{capability}-{n}"').min(1).optional(),
  skipWhen: z.array(skipRule).optional(),
});

export type Mapping = z.output<typeof mappingSchema>;
export type ColumnSpec = z.output<typeof columnSpec>;
export type SkipRule = z.output<typeof skipRule>;
export type SourceSpec = NonNullable<Mapping['sources']>[number];
