/**
 * Table + mapping → pledges (MODEL.md §1), each remembering the cells it came from, so that a later
 * finding (an actor the plan lacks) can name the cell rather than a path in a plan the user never
 * wrote. Every bad cell is reported, not only the first; a row with an error gives no pledge.
 */
import type { Issue } from '../errors.js';
import type { PathPart } from '../plan/locate.js';
import { pledgeSchema, type RawPledge, type Source, sourceSchema } from '../plan/schema.js';
import { columnFinder, headerRow } from './header.js';
import { type ImportIssue, tableIssue } from './issues.js';
import {
  COLUMN_FIELDS,
  type ColumnField,
  DEFAULT_ID_TEMPLATE,
  LIST_FIELDS,
  type ListField,
  type Mapping,
  NUMBER_FIELDS,
  type NumberField,
} from './mapping.js';
import { type DecimalMark, parseNumber } from './parse-number.js';
import { assignIds, duplicateIds } from './pledge-ids.js';
import type { ReadMapping } from './read-mapping.js';
import { fitsHeader, skipReason } from './skip-rows.js';
import { type Cell, cellLabel, cellText, isBlank, rowLabel, type Table, type TableRow } from './table.js';
import { createTranslator, type EnumField, type Translator } from './translate.js';

/** Where a pledge came from: its row, and the cell of each field read from the table. */
export interface PledgeOrigin {
  readonly row: string;
  readonly rowNumber: number;
  readonly cells: Readonly<Partial<Record<keyof RawPledge, string>>>;
}

export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

export interface ImportedPledges {
  readonly pledges: readonly RawPledge[];
  /** Same order as `pledges`. */
  readonly origins: readonly PledgeOrigin[];
  /** Rows below the header row that were read (blank lines a CSV reader drops are not counted). */
  readonly rowsRead: number;
  readonly skipped: readonly SkippedRow[];
  /** When some are errors, `pledges` is incomplete and must not be used. */
  readonly issues: readonly ImportIssue[];
  /**
   * What could be read of the rows refused for a bad cell, so that a plan can still check their actor,
   * capability and requires (every error at once, not one round of fixes per kind).
   */
  readonly rejected: readonly { readonly pledge: Partial<RawPledge>; readonly origin: PledgeOrigin }[];
}

interface Columns {
  readonly fields: Partial<Record<ColumnField, number>>;
  readonly sources: readonly { title?: number; url?: number; date?: number }[];
  readonly skip: readonly (number | undefined)[];
}

/**
 * Reads every row below the header row into a pledge.
 *
 * @example importPledges(table, readMapping(text).value) // { pledges, origins, skipped, issues, … }
 */
export function importPledges(table: Table, read: ReadMapping): ImportedPledges {
  const { mapping } = read;
  const headerNumber = mapping.headerRow ?? 1;
  const header = headerRow(table, headerNumber);
  const none = { pledges: [], origins: [], rowsRead: 0, skipped: [], rejected: [] };
  if (header === undefined) {
    const issue: ImportIssue =
      headerNumber === 1
        ? tableIssue('IMPORT_EMPTY_TABLE', '', 'the table is empty: it has not even a header row')
        : {
            in: 'mapping',
            issue: read.issueAt(
              'IMPORT_NO_HEADER',
              ['headerRow'],
              `the table has no row ${headerNumber} to read the column headers from (its last row is ${
                table.rows.at(-1)?.number ?? 0
              })`,
            ),
          };
    return { ...none, issues: [issue] };
  }
  const mappingIssues: Issue[] = [];
  const columns = findColumns(mapping, columnFinder(header, read, mappingIssues));
  if (mappingIssues.length > 0) {
    return { ...none, issues: mappingIssues.map((issue) => ({ in: 'mapping', issue })) };
  }

  const reader = new RowReader(table, header.labels, mapping, columns, createTranslator(mapping));
  const rows = table.rows.filter((r) => r.number > headerNumber);
  const skipped: SkippedRow[] = [];
  const rejected: { pledge: Partial<RawPledge>; origin: PledgeOrigin }[] = [];
  const readRows: { pledge: Partial<RawPledge>; origin: PledgeOrigin; row: TableRow }[] = [];
  for (const row of rows) {
    const reason = skipReason(row, mapping, columns.skip, header.labels);
    if (reason !== undefined) {
      skipped.push({ row: row.number, reason });
      continue;
    }
    if (table.kind === 'csv' && !fitsHeader(row, header.labels.length)) {
      reader.issues.push(
        tableIssue(
          'IMPORT_RAGGED_ROW',
          rowLabel(table, row),
          `the row has ${row.cells.length} fields but the header row has ${header.labels.length}: ` +
            'a delimiter too many or too few, or a quote not closed?',
          'error',
          row.number,
        ),
      );
      continue;
    }
    const result = reader.read(row);
    if (result.ok) readRows.push({ ...result, row });
    else rejected.push(result);
  }
  assignIds(readRows, mapping.ids ?? DEFAULT_ID_TEMPLATE);
  const valid = readRows.filter((r) => {
    const ok = reader.checkShape(r.pledge, r.origin);
    if (!ok) rejected.push(r);
    return ok;
  });
  reader.issues.push(...duplicateIds(valid));
  return {
    // The id first, as in a hand-written plan (a generated one is set after the other fields).
    pledges: valid.map(({ pledge: { id, ...rest } }) => ({ id, ...rest }) as RawPledge),
    origins: valid.map((r) => r.origin),
    rowsRead: rows.length,
    skipped,
    issues: reader.issues,
    rejected,
  };
}

function findColumns(
  mapping: Mapping,
  find: (name: string, path: readonly PathPart[]) => number | undefined,
): Columns {
  const fields: Partial<Record<ColumnField, number>> = {};
  for (const [field, spec] of Object.entries(mapping.columns)) {
    if (spec === undefined) continue;
    const index = find(spec.column, ['columns', field]);
    if (index !== undefined) fields[field as ColumnField] = index;
  }
  const sources = (mapping.sources ?? []).map((s, i) => {
    const out: { title?: number; url?: number; date?: number } = {};
    for (const part of ['title', 'url', 'date'] as const) {
      const name = s[part];
      if (name === undefined) continue;
      const index = find(name, ['sources', i, part]);
      if (index !== undefined) out[part] = index;
    }
    return out;
  });
  const skip = (mapping.skipWhen ?? []).map((rule, i) => find(rule.column, ['skipWhen', i, 'column']));
  return { fields, sources, skip };
}

/** Reads the fields of one row; collects the issues of all rows. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  private readonly decimal: DecimalMark;

  constructor(
    private readonly table: Table,
    private readonly labels: readonly string[],
    private readonly mapping: Mapping,
    private readonly columns: Columns,
    private readonly translate: Translator,
  ) {
    this.decimal = mapping.decimal ?? '.';
  }

  read(row: TableRow): { ok: boolean; pledge: Partial<RawPledge>; origin: PledgeOrigin } {
    const before = this.issues.length;
    const pledge: Record<string, unknown> = {};
    const cells: Partial<Record<keyof RawPledge, string>> = {};
    const at = (index: number) => cellLabel(this.table, row, index, this.labels[index]);
    const fail = (index: number, code: string, message: string) =>
      this.issues.push(tableIssue(code, at(index), message, 'error', row.number));

    // Fields in the plan format's order, so that the YAML written reads like a hand-written plan.
    for (const field of COLUMN_FIELDS) {
      const index = this.columns.fields[field];
      const cell = index === undefined ? undefined : row.cells[index];
      if (index !== undefined && !isBlank(cell)) {
        cells[field] = at(index);
        const value = this.value(field, cell as Cell, (code, message) => fail(index, code, message));
        if (value !== undefined) pledge[field] = value;
      } else if (field !== 'id' && this.mapping.defaults?.[field] !== undefined) {
        pledge[field] = this.mapping.defaults[field];
      } else if (field === 'actor' || field === 'capability' || field === 'posture') {
        const where = index === undefined ? rowLabel(this.table, row) : at(index);
        this.issues.push(
          tableIssue(
            'IMPORT_MISSING_VALUE',
            where,
            `the ${field} is empty; every pledge needs one: fill the cell, or set defaults.${field} in the mapping`,
            'error',
            row.number,
          ),
        );
      }
    }
    const sources = this.sources(row, fail);
    if (sources.length > 0) {
      pledge.sources = sources;
      const first = this.columns.sources.find((s) => s.title ?? s.url);
      const firstIndex = first?.title ?? first?.url;
      if (firstIndex !== undefined) cells.sources = at(firstIndex);
    }
    return {
      ok: this.issues.length === before,
      pledge: pledge as Partial<RawPledge>,
      origin: { row: rowLabel(this.table, row), rowNumber: row.number, cells },
    };
  }

  private value(
    field: keyof Mapping['columns'],
    cell: Cell,
    fail: (code: string, message: string) => void,
  ): unknown {
    if (cell.kind === 'error') {
      const what = cell.text.startsWith('#') ? `the spreadsheet error ${cell.text}` : cell.text;
      fail('IMPORT_CELL_ERROR', `the cell holds ${what}; fix it in the spreadsheet`);
      return undefined;
    }
    if ((NUMBER_FIELDS as readonly string[]).includes(field)) {
      return this.number(field as NumberField, cell, fail);
    }
    if ((LIST_FIELDS as readonly string[]).includes(field)) {
      const separator = this.mapping.columns[field]?.separator ?? ',';
      const items = cellText(cell)
        .split(separator)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const values: string[] = [];
      for (const item of items) {
        const own = this.translate.lookup(field as ListField, item);
        if (own !== undefined || field === 'triggers') values.push(own ?? item);
        else {
          // `requires` names actors: the actor translations and the country table apply too.
          const actor = this.translate.actor(item);
          if (actor.ok) values.push(actor.value);
          else fail('IMPORT_UNKNOWN_NAME', actor.error);
        }
      }
      return values.length === 0 ? undefined : values;
    }
    const text = cellText(cell).trim();
    switch (field) {
      case 'actor': {
        const actor = this.translate.actor(text);
        if (!actor.ok) fail('IMPORT_UNKNOWN_NAME', actor.error);
        return actor.ok ? actor.value : undefined;
      }
      case 'posture':
      case 'bindingness':
      case 'status': {
        const value = this.translate.enumValue(field as EnumField, text);
        if (!value.ok) fail('IMPORT_INVALID_VALUE', value.error);
        return value.ok ? value.value : undefined;
      }
      case 'id':
      case 'capability':
        return this.translate.lookup(field, text) ?? text;
      default:
        throw new Error(`unhandled field ${field}`);
    }
  }

  private number(field: NumberField, cell: Cell, fail: (code: string, message: string) => void) {
    let value: number;
    switch (cell.kind) {
      case 'number':
        value = cell.value;
        break;
      case 'text': {
        const parsed = parseNumber(cell.text, this.decimal);
        if (!parsed.ok) {
          fail('IMPORT_NOT_A_NUMBER', `${field}: ${parsed.error}`);
          return undefined;
        }
        value = parsed.value;
        break;
      }
      case 'date':
        fail('IMPORT_NOT_A_NUMBER', `${field}: expected a number, got the date ${cell.iso}`);
        return undefined;
      case 'error':
        return undefined;
      default:
        return cell satisfies never;
    }
    if (value < 0) {
      fail('IMPORT_NEGATIVE', `${field}: expected a number ≥ 0, got ${value}`);
      return undefined;
    }
    const scale = this.mapping.columns[field]?.scale;
    // 15 significant digits: 0.35 × 1e6 is 350000, not 350000.00000000006.
    return scale === undefined ? value : Number((value * scale).toPrecision(15));
  }

  private sources(row: TableRow, fail: (index: number, code: string, message: string) => void): Source[] {
    const out: Source[] = [];
    for (const spec of this.columns.sources) {
      const text = (index: number | undefined) => {
        const cell = index === undefined ? undefined : row.cells[index];
        return cell === undefined || isBlank(cell) ? undefined : cell;
      };
      const title = text(spec.title);
      const url = text(spec.url);
      const date = text(spec.date);
      if (title === undefined && url === undefined) {
        if (date !== undefined && spec.date !== undefined) {
          fail(
            spec.date,
            'IMPORT_SOURCE_WITHOUT_TITLE',
            'a source date without a title or URL in the same row',
          );
        }
        continue;
      }
      const source: { title: string; url?: string; date?: string } = {
        title: cellText((title ?? url) as Cell).trim(),
      };
      if (url !== undefined) source.url = cellText(url).trim();
      if (date !== undefined && spec.date !== undefined) {
        const iso = this.date(date);
        if (iso === undefined) {
          fail(
            spec.date,
            'IMPORT_INVALID_DATE',
            `expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got ${describeCell(date)}; write e.g. 2026-01-06`,
          );
          continue;
        }
        source.date = iso;
      }
      if (!sourceSchema.safeParse(source).success) {
        const index = (spec.title ?? spec.url) as number;
        fail(index, 'IMPORT_INVALID_VALUE', 'not a valid source');
        continue;
      }
      out.push(source);
    }
    return out;
  }

  private date(cell: Cell): string | undefined {
    if (cell.kind === 'date') return cell.iso;
    if (cell.kind !== 'text') return undefined;
    const text = cell.text.trim();
    return sourceSchema.shape.date.safeParse(text).success ? text : undefined;
  }

  /**
   * The plan format's own rules for a pledge (an id with a line break in it, …), at the cell of the
   * field they concern; the fields were read to fit, so this is the last word, rarely heard.
   */
  checkShape(pledge: Partial<RawPledge>, origin: PledgeOrigin): boolean {
    const parsed = pledgeSchema.safeParse(pledge);
    if (parsed.success) return true;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof RawPledge | undefined;
      const value = field === undefined ? undefined : pledge[field];
      const got = typeof value === 'string' ? ` (got ${JSON.stringify(value)})` : '';
      this.issues.push(
        tableIssue(
          'IMPORT_INVALID_VALUE',
          (field === undefined ? undefined : origin.cells[field]) ?? origin.row,
          `${field ?? 'pledge'}: ${issue.message.replace(/^Invalid input: /, '')}${got}`,
          'error',
          origin.rowNumber,
        ),
      );
    }
    return false;
  }
}

function describeCell(cell: Cell): string {
  switch (cell.kind) {
    case 'number':
      return `the number ${cell.value} (format the column as dates, or write the date as text)`;
    case 'text':
      return JSON.stringify(cell.text.trim());
    case 'date':
      return cell.iso;
    case 'error':
      return cell.text;
    default:
      return cell satisfies never;
  }
}
