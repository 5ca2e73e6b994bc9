import { describe, expect, it } from 'vitest';
import { pledgeSchema } from '../plan/schema.js';
import { importPledges } from './import-pledges.js';
import type { ImportIssue } from './issues.js';
import { type ReadMapping, readMapping } from './read-mapping.js';
import type { Cell, Table } from './table.js';

/** A CSV-like table: the first row is the header (row 1); '' is an empty cell. */
function csv(rows: readonly (readonly string[])[]): Table {
  return {
    kind: 'csv',
    rows: rows.map((cells, i) => ({
      number: i + 1,
      cells: cells.map((text) => (text === '' ? undefined : { kind: 'text' as const, text })),
    })),
  };
}

function mapping(text: string): ReadMapping {
  const read = readMapping(text);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

const BASIC = `
columns:
  actor: Country
  capability: Capability
  quantity: Units
  posture: Posture
`;

const where = (issues: readonly ImportIssue[]) =>
  issues.map((i) =>
    i.in === 'table' ? `${i.at}: ${i.message}` : `${i.issue.line}:${i.issue.column} ${i.issue.message}`,
  );

describe('importPledges', () => {
  it('reads every field, in the plan format order', () => {
    const table = csv([
      [
        'ID',
        'Country',
        'Capability',
        'Units',
        'Posture',
        'Days',
        'Basis',
        'Theatres',
        'Only if',
        'EUR m/yr',
        'Status',
        'Source',
        'Link',
        'Date',
      ],
      [
        'gbr-1',
        'GBR',
        'fighter-sqn',
        '2',
        'on-call',
        '3',
        'executive',
        'sea; air',
        'USA; FRA',
        '1.5',
        'committed',
        'UK statement',
        'https://gov.uk/x',
        '2025-09-04',
      ],
    ]);
    const result = importPledges(
      table,
      mapping(`
columns:
  id: ID
  actor: Country
  capability: Capability
  quantity: Units
  posture: Posture
  readinessDays: Days
  bindingness: Basis
  triggers: { column: Theatres, separator: ";" }
  requires: { column: Only if, separator: ";" }
  fundingPerYear: { column: EUR m/yr, scale: 1.0e6 }
  status: Status
sources:
  - { title: Source, url: Link, date: Date }
`),
    );
    expect(result.issues).toEqual([]);
    expect(result.pledges).toEqual([
      {
        id: 'gbr-1',
        actor: 'GBR',
        capability: 'fighter-sqn',
        quantity: 2,
        posture: 'on-call',
        readinessDays: 3,
        bindingness: 'executive',
        triggers: ['sea', 'air'],
        requires: ['USA', 'FRA'],
        fundingPerYear: 1.5e6,
        status: 'committed',
        sources: [{ title: 'UK statement', url: 'https://gov.uk/x', date: '2025-09-04' }],
      },
    ]);
    expect(Object.keys(result.pledges[0] ?? {})).toEqual(Object.keys(pledgeSchema.shape));
    expect(result.origins[0]).toMatchObject({
      row: 'row 2',
      cells: { actor: "row 2, column 'Country'", quantity: "row 2, column 'Units'" },
    });
  });

  it('matches headers ignoring case and extra spaces', () => {
    const result = importPledges(
      csv([
        [' country ', 'CAPABILITY', 'units', 'Posture'],
        ['FRA', 'frigate', '1', 'in-place'],
      ]),
      mapping(BASIC),
    );
    expect(result.issues).toEqual([]);
    expect(result.pledges).toHaveLength(1);
  });

  it('translates values, country names (accents and case ignored) and posture words', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture', 'Only if'],
        ['France', 'Fighter squadron', '1', 'Stationed', 'United States'],
        ['türkiye', 'frigate', '1', 'On call', ''],
        ['Ukraine', 'frigate', '1', 'BACKSTOP', 'germany; Ukraine'],
        ['EUI', 'frigate', '1', 'on_call', ''],
      ]),
      mapping(`${BASIC}  requires: { column: Only if, separator: ";" }
values:
  actor: { ukraine: UKR }
  capability: { Fighter Squadron: fighter-sqn }
  posture: { stationed: in-place }
actorNames: iso3
`),
    );
    expect(result.issues).toEqual([]);
    expect(result.pledges.map((p) => [p.actor, p.capability, p.posture, p.requires])).toEqual([
      ['FRA', 'fighter-sqn', 'in-place', ['USA']],
      ['TUR', 'frigate', 'on-call', undefined],
      ['UKR', 'frigate', 'backstop', ['DEU', 'UKR']],
      ['EUI', 'frigate', 'on-call', undefined],
    ]);
  });

  it('keeps actor cells as written without actorNames', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture'],
        ['France', 'frigate', '1', 'in-place'],
      ]),
      mapping(BASIC),
    );
    expect(result.pledges[0]?.actor).toBe('France');
  });

  it('fills empty cells and unmapped fields from defaults, and not where a cell has a value', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture'],
        ['FRA', 'frigate', '', ''],
        ['DEU', 'frigate', '2', 'in-place'],
      ]),
      mapping(
        `${BASIC}defaults: { posture: on-call, quantity: 1, status: announced, bindingness: political }\n`,
      ),
    );
    expect(result.issues).toEqual([]);
    expect(result.pledges.map((p) => [p.quantity, p.posture, p.status, p.bindingness])).toEqual([
      [1, 'on-call', 'announced', 'political'],
      [2, 'in-place', 'announced', 'political'],
    ]);
  });

  it('scales numbers without floating-point dust', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture', 'Funding'],
        ['FRA', 'frigate', '1', 'production', '0.35'],
        ['DEU', 'frigate', '1', 'production', '1,200'],
      ]),
      mapping(`${BASIC}  fundingPerYear: { column: Funding, scale: 1.0e9 }\n`),
    );
    expect(result.pledges.map((p) => p.fundingPerYear)).toEqual([350_000_000, 1.2e12]);
  });

  it("reads decimal commas when the mapping says decimal: ','", () => {
    const table = csv([
      ['Country', 'Capability', 'Units', 'Posture'],
      ['FRA', 'frigate', '1,5', 'in-place'],
    ]);
    expect(importPledges(table, mapping(`decimal: ","\n${BASIC}`)).pledges[0]?.quantity).toBe(1.5);
    expect(where(importPledges(table, mapping(BASIC)).issues)).toEqual([
      expect.stringMatching(/^row 2, column 'Units': quantity: "1,5" is ambiguous/),
    ]);
  });

  it('skips blank rows and rows matching skipWhen, saying which and why', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture'],
        ['FRA', 'frigate', '1', 'in-place'],
        ['', '', '', ''],
        ['FRA', '', '', 'note: more to come'],
        ['TOTAL', '', '1', ''],
      ]),
      mapping(`${BASIC}skipWhen:
  - { column: Country, equals: [Total, Sum] }
  - { column: Capability, empty: true }
`),
    );
    expect(result.issues).toEqual([]);
    expect(result.rowsRead).toBe(4);
    expect(result.pledges).toHaveLength(1);
    expect(result.skipped).toEqual([
      { row: 3, reason: 'blank' },
      { row: 4, reason: 'Capability is empty' },
      { row: 5, reason: 'Country is "TOTAL"' },
    ]);
  });

  it('generates unique, deterministic ids from the template', () => {
    const table = csv([
      ['Country', 'Capability', 'Units', 'Posture'],
      ['FRA', 'frigate', '1', 'in-place'],
      ['FRA', 'frigate', '2', 'on-call'],
      ['DEU', 'frigate', '1', 'in-place'],
    ]);
    expect(importPledges(table, mapping(BASIC)).pledges.map((p) => p.id)).toEqual([
      'FRA-frigate-1',
      'FRA-frigate-2',
      'DEU-frigate-1',
    ]);
    expect(
      importPledges(table, mapping(`${BASIC}ids: "p{row}-{posture}"\n`)).pledges.map((p) => p.id),
    ).toEqual(['p2-in-place', 'p3-on-call', 'p4-in-place']);
  });

  it('reports a duplicate id at both rows', () => {
    const table = csv([
      ['ID', 'Country', 'Capability', 'Units', 'Posture'],
      ['a', 'FRA', 'frigate', '1', 'in-place'],
      ['b', 'FRA', 'frigate', '1', 'in-place'],
      ['a', 'DEU', 'frigate', '1', 'in-place'],
    ]);
    const result = importPledges(table, mapping(`${BASIC}  id: ID\n`));
    expect(where(result.issues)).toEqual([
      `row 2, column 'ID': duplicate pledge id "a": also at row 4`,
      `row 4, column 'ID': duplicate pledge id "a": first at row 2`,
    ]);
  });

  it('reports generated ids that collide, with the remedy', () => {
    const table = csv([
      ['Country', 'Capability', 'Units', 'Posture'],
      ['FRA', 'frigate', '1', 'in-place'],
      ['FRA', 'frigate', '2', 'in-place'],
    ]);
    const result = importPledges(table, mapping(`${BASIC}ids: "{actor}-{capability}"\n`));
    expect(where(result.issues)).toEqual([
      'row 2: duplicate pledge id "FRA-frigate": also at row 3',
      expect.stringMatching(
        /^row 3: duplicate pledge id "FRA-frigate": first at row 2 \(generated: add \{n\}/,
      ),
    ]);
  });

  it('reports every bad cell with its location and a remedy, and gives no pledge for those rows', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture', 'Status', 'Date', 'Source'],
        ['France', 'frigate', '-1', 'oncall', 'done', '', ''],
        ['Atlantis', '', 'many', 'in-place', '', '6 Jan 2026', 'a note'],
        ['Germany', 'frigate', '1', 'in-place', '', '', ''],
      ]),
      mapping(`${BASIC}  status: Status
sources: [{ title: Source, date: Date }]
actorNames: iso3
`),
    );
    expect(where(result.issues)).toEqual([
      "row 2, column 'Units': quantity: expected a number ≥ 0, got -1",
      expect.stringMatching(
        /^row 2, column 'Posture': unknown posture "oncall": expected one of in-place \| on-call \| backstop \| production; did you mean "on-call"\?/,
      ),
      expect.stringMatching(/^row 2, column 'Status': unknown status "done": expected one of announced/),
      expect.stringMatching(/^row 3, column 'Country': unknown country name "Atlantis".*values\.actor/),
      "row 3, column 'Capability': the capability is empty; every pledge needs one: fill the cell, or set defaults.capability in the mapping",
      `row 3, column 'Units': quantity: "many" is not a number`,
      expect.stringMatching(
        /^row 3, column 'Date': expected a date as YYYY-MM-DD .*got "6 Jan 2026"; write e\.g\. 2026-01-06/,
      ),
    ]);
    expect(result.pledges.map((p) => p.actor)).toEqual(['DEU']);
  });

  it('suggests the nearest country name', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture'],
        ['Frnace', 'frigate', '1', 'in-place'],
      ]),
      mapping(`${BASIC}actorNames: iso3\n`),
    );
    expect(where(result.issues)[0]).toMatch(/unknown country name "Frnace"; did you mean "France"\?/);
  });

  it('reads typed XLSX cells: numbers, dates, formula errors, and names cells as Sheet!C7', () => {
    const cell = (c: Cell | undefined) => c;
    const table: Table = {
      kind: 'xlsx',
      sheet: 'My pledges',
      rows: [
        {
          number: 3,
          cells: ['Country', 'Capability', 'Units', 'Posture', 'Date', 'Source'].map((text) => ({
            kind: 'text',
            text,
          })),
        },
        {
          number: 4,
          cells: [
            cell({ kind: 'text', text: 'FRA' }),
            cell({ kind: 'text', text: 'frigate' }),
            cell({ kind: 'number', value: 2.5 }),
            cell({ kind: 'text', text: 'in-place' }),
            cell({ kind: 'date', iso: '2025-09-04' }),
            cell({ kind: 'text', text: 'Élysée' }),
          ],
        },
        {
          number: 5,
          cells: [
            cell({ kind: 'text', text: 'DEU' }),
            cell({ kind: 'text', text: 'frigate' }),
            cell({ kind: 'error', text: '#N/A' }),
            cell({ kind: 'text', text: 'in-place' }),
            cell({ kind: 'number', value: 45000 }),
            cell({ kind: 'text', text: 'x' }),
          ],
        },
      ],
    };
    const result = importPledges(
      table,
      mapping(`headerRow: 3\n${BASIC}sources: [{ title: Source, date: Date }]\n`),
    );
    expect(result.pledges).toEqual([
      {
        id: 'FRA-frigate-1',
        actor: 'FRA',
        capability: 'frigate',
        quantity: 2.5,
        posture: 'in-place',
        sources: [{ title: 'Élysée', date: '2025-09-04' }],
      },
    ]);
    expect(where(result.issues)).toEqual([
      "'My pledges'!C5 (column 'Units'): the cell holds the spreadsheet error #N/A; fix it in the spreadsheet",
      expect.stringMatching(
        /^'My pledges'!E5 \(column 'Date'\): expected a date .* got the number 45000 \(format the column as dates/,
      ),
    ]);
  });

  it('reports a CSV row whose field count differs from the header row, allowing empty extras', () => {
    const table: Table = {
      kind: 'csv',
      rows: [
        {
          number: 1,
          cells: ['Country', 'Capability', 'Units', 'Posture'].map((text) => ({ kind: 'text', text })),
        },
        {
          number: 2,
          cells: ['FRA', 'frigate', '1', 'in-place', undefined].map((t) =>
            t ? { kind: 'text', text: t } : undefined,
          ),
        },
        { number: 3, line: 4, cells: ['FRA', 'frigate', '1'].map((text) => ({ kind: 'text', text })) },
      ],
    };
    const result = importPledges(table, mapping(BASIC));
    expect(where(result.issues)).toEqual([
      'row 3 (line 4): the row has 3 fields but the header row has 4: a delimiter too many or too few, or a quote not closed?',
    ]);
    expect(result.pledges).toHaveLength(1);
  });

  it('reports a mapped header the table lacks at the mapping line, with the headers there are', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture'],
        ['FRA', 'frigate', '1', 'in-place'],
      ]),
      mapping(`columns:
  actor: Country
  capability: Capabilty
  quantity: Units
  posture: Posture
skipWhen: [{ column: Notes, empty: true }]
`),
    );
    expect(where(result.issues)).toEqual([
      '3:15 no column "Capabilty" in the header row (row 1); did you mean "Capability"?; its headers are "Country", "Capability", "Units", "Posture"',
      expect.stringMatching(/^6:22 no column "Notes"/),
    ]);
    expect(result.pledges).toEqual([]);
  });

  it('hints at the delimiter when the whole header row is one column', () => {
    const result = importPledges(csv([['Country;Capability;Units;Posture']]), mapping(BASIC));
    expect(where(result.issues)[0]).toMatch(/set `delimiter: ";"` in the mapping\?/);
  });

  it('reports a table without its header row', () => {
    const result = importPledges(csv([]), mapping(BASIC));
    expect(where(result.issues)).toEqual([': the table is empty: it has not even a header row']);
    const short = importPledges(csv([['Country']]), mapping(`headerRow: 3\n${BASIC}`));
    expect(where(short.issues)).toEqual([
      '1:12 the table has no row 3 to read the column headers from (its last row is 1)',
    ]);
  });

  it('reports an ambiguous header at the mapping line', () => {
    const result = importPledges(
      csv([
        ['Country', 'Capability', 'Units', 'Posture', 'units'],
        ['FRA', 'frigate', '1', 'in-place', '2'],
      ]),
      mapping(BASIC.replace('Units', 'UNITS')),
    );
    expect(where(result.issues)).toEqual([
      expect.stringMatching(/^5:13 2 columns of the header row \(row 1\) read "UNITS"/),
    ]);
  });
});
