/**
 * End to end: `guarantor import csv` as a user runs it — the example table to a plan that validates
 * and assesses; the example plan's own pledges through CSV and XLSX and back, unchanged; and the
 * ways it must fail: located, complete, nothing written.
 */
import { readFileSync } from 'node:fs';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLUMN_FIELDS } from '../../core/import-table/mapping.js';
import { EXAMPLE, guarantor, ROOT, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const TABLE = 'examples/ukraine-2025/pledges-table.csv';
const MAPPING = 'examples/ukraine-2025/pledges-mapping.yaml';

interface Pledge {
  readonly [field: string]: unknown;
  readonly sources?: readonly { title: string; url?: string; date?: string }[];
}

/** The example plan's pledges as plain data (aliases resolved), the reference for the round trip. */
const examplePledges: Pledge[] = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')).pledges;
const MAX_SOURCES = Math.max(...examplePledges.map((p) => p.sources?.length ?? 0));

const ROUND_TRIP_HEADER = [
  ...COLUMN_FIELDS,
  ...Array.from({ length: MAX_SOURCES }, (_, i) => [`title${i}`, `url${i}`, `date${i}`]).flat(),
];

/** One row per pledge: lists joined with ";", funding in millions (the mapping scales it back). */
function roundTripRow(p: Pledge): (string | number | undefined)[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(';') : undefined);
  return [
    p.id as string,
    p.actor as string,
    p.capability as string,
    p.quantity as number | undefined,
    p.posture as string,
    p.readinessDays as number | undefined,
    p.bindingness as string | undefined,
    list(p.triggers),
    list(p.requires),
    p.fundingPerYear === undefined ? undefined : (p.fundingPerYear as number) / 1e6,
    p.status as string | undefined,
    ...Array.from({ length: MAX_SOURCES }, (_, i) => {
      const s = p.sources?.[i];
      return [s?.title, s?.url, s?.date];
    }).flat(),
  ];
}

const csvField = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const ROUND_TRIP_CSV = [ROUND_TRIP_HEADER, ...examplePledges.map(roundTripRow)]
  .map((row) => row.map(csvField).join(','))
  .join('\n');

const ROUND_TRIP_MAPPING = `columns:
  id: id
  actor: actor
  capability: capability
  quantity: quantity
  posture: posture
  readinessDays: readinessDays
  bindingness: bindingness
  triggers: { column: triggers, separator: ";" }
  requires: { column: requires, separator: ";" }
  fundingPerYear: { column: fundingPerYear, scale: 1.0e6 }
  status: status
sources:
${Array.from({ length: MAX_SOURCES }, (_, i) => `  - { title: title${i}, url: url${i}, date: date${i} }`).join('\n')}
`;

const BAD_ROWS = `Country,Capability,Units,Posture,Legal basis
France,fighter-sqn,1,On call,Executive agreement
Germny,sam-long,1,Stationed,Political declaration
Poland,sam-lng,"1,5",Stationed,Political declaration
`;

const files = tempPlans('guarantor-import-csv-', {
  'round-trip.csv': ROUND_TRIP_CSV,
  'round-trip.yaml': ROUND_TRIP_MAPPING,
  'bad-rows.csv': BAD_ROWS,
  'bad-mapping.yaml':
    'columns:\n  actor: Country\n  capabilty: Capability\n  posture: Posture\ndecimal: ";"\n',
  'plain-map.yaml':
    'columns: { actor: Country, capability: Capability, quantity: Units, posture: Posture, bindingness: Legal basis }\n',
  'old.xls': 'an old workbook',
  'existing-out.yaml': 'untouched\n',
  'huge.csv': '',
});

beforeAll(async () => {
  // The same rows as an XLSX workbook: numbers as numbers, source dates as date cells, on a named sheet.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['not the pledges']);
  const ws = wb.addWorksheet('Pledges');
  ws.addRow(ROUND_TRIP_HEADER);
  for (const p of examplePledges) {
    const row = ws.addRow(roundTripRow(p));
    ROUND_TRIP_HEADER.forEach((name, i) => {
      const cell = row.getCell(i + 1);
      if (
        name.startsWith('date') &&
        typeof cell.value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(cell.value)
      ) {
        cell.value = new Date(`${cell.value}T00:00:00Z`);
      }
    });
  }
  await wb.xlsx.writeFile(files('round-trip.xlsx'));
  await truncate(files('huge.csv'), 20_000_001);
});

describe.concurrent('guarantor import csv', { timeout: SLOW }, () => {
  it('imports the example table into the example plan: a plan that validates and assesses', async () => {
    const out = files('example-plan.yaml');
    const run = await guarantor([
      'import',
      'csv',
      TABLE,
      '--map',
      MAPPING,
      '--plan',
      EXAMPLE,
      '--replace',
      '--out',
      out,
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe(
      `read 65 rows, 63 pledges, 2 skipped (row 11: blank; row 66: Country is "Total")\nwrote ${out}\n`,
    );
    const validate = await guarantor(['validate', out]);
    expect(validate).toMatchObject({ code: 0 });
    expect(validate.stdout).toMatch(
      /valid — 27 actors, 14 capabilities, 63 pledges, 4 scenarios, 3 variants/,
    );
    const assess = await guarantor(['assess', out, '--trials', '300', '--json']);
    expect(assess.code).toBe(0);
    expect(JSON.parse(assess.stdout).variants.length).toBe(3);
    const plan = parse(await readFile(out, 'utf8'));
    const dnk = plan.pledges.find((p: Pledge) => p.id === 'DNK-ukr-drones-1');
    expect(dnk).toMatchObject({
      actor: 'DNK',
      posture: 'production',
      fundingPerYear: 350_000_000,
      bindingness: 'executive',
    });
  });

  it('prints the pledges alone, with a note on what a plan still needs, without --plan', async () => {
    const run = await guarantor(['import', 'csv', TABLE, '--map', MAPPING]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# these are pledges only: a plan also needs/);
    expect(parse(run.stdout).pledges).toHaveLength(63);
    expect(run.stderr).toMatch(/^read 65 rows, 63 pledges.*\nnote: these are pledges only/);
    const json = await guarantor(['import', 'csv', TABLE, '--map', MAPPING, '--json']);
    expect(JSON.parse(json.stdout).pledges).toEqual(parse(run.stdout).pledges);
  });

  it.each(['round-trip.csv', 'round-trip.xlsx'])(
    "gives back the example plan's own pledges, unchanged, from %s",
    async (name) => {
      const args = [
        'import',
        'csv',
        files(name),
        '--map',
        files('round-trip.yaml'),
        '--plan',
        EXAMPLE,
        '--replace',
      ];
      const run = await guarantor([
        ...args,
        '--json',
        ...(name.endsWith('.xlsx') ? ['--sheet', 'Pledges'] : []),
      ]);
      expect(run.stderr).toBe(`read ${examplePledges.length} rows, ${examplePledges.length} pledges\n`);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).pledges).toEqual(examplePledges);
    },
  );

  it('reports every bad cell, located, with suggestions, and writes nothing', async () => {
    const out = files('existing-out.yaml');
    const map = files('bad-map.yaml');
    await writeFile(
      map,
      'columns: { actor: Country, capability: Capability, quantity: Units, posture: Posture, bindingness: Legal basis }\nvalues: { posture: { Stationed: in-place }, bindingness: { Executive agreement: executive, Political declaration: political } }\nactorNames: iso3\n',
    );
    const run = await guarantor([
      'import',
      'csv',
      files('bad-rows.csv'),
      '--map',
      map,
      '--plan',
      EXAMPLE,
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const bad = files('bad-rows.csv');
    expect(run.stderr.split('\n')).toEqual([
      `${bad} row 3, column 'Country': unknown country name "Germny"; did you mean "Germany"?: add it to the mapping under values.actor (e.g. "Germny": XXX), or write the actor id in the cell`,
      `${bad} row 4, column 'Units': quantity: "1,5" is ambiguous: with a decimal point, a comma may only separate thousands (1,200); write 1.5 for a fraction, or set \`decimal: ','\` in the mapping if the table uses decimal commas`,
      // The row is refused for its quantity, yet its capability is still checked against the plan.
      `${bad} row 4, column 'Capability': unknown capability "sam-lng"; did you mean "sam-long"? (not a capability of the plan: add it, or translate the cell under values.capability in the mapping)`,
      'error: 3 errors; nothing written',
      '',
    ]);
    expect(await readFile(out, 'utf8')).toBe('untouched\n');
  });

  it('names the cell of an actor or capability the plan lacks, with "did you mean"', async () => {
    const table = files('unknown-ids.csv');
    await writeFile(
      table,
      'Country,Capability,Units,Posture,Legal basis\nFRA,sam-lng,1,in-place,executive\nFRX,frigate,1,in-place,executive\n',
    );
    const run = await guarantor([
      'import',
      'csv',
      table,
      '--map',
      files('plain-map.yaml'),
      '--plan',
      EXAMPLE,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${escapeRegExp(table)} row 2, column 'Capability': unknown capability "sam-lng"; did you mean "sam-long"\\?`,
        'm',
      ),
    );
    expect(run.stderr).toMatch(
      new RegExp(
        `^${escapeRegExp(table)} row 3, column 'Country': unknown actor "FRX"; did you mean "FRA"\\?`,
        'm',
      ),
    );
  });

  it('reports a bad mapping at its lines and columns', async () => {
    const run = await guarantor(['import', 'csv', TABLE, '--map', files('bad-mapping.yaml')]);
    expect(run.code).toBe(1);
    const map = files('bad-mapping.yaml');
    expect(run.stderr).toBe(
      `${map}:3:3 columns.capabilty: unknown field "capabilty"; did you mean "capability"?\n` +
        `${map}:5:10 decimal: expected "." or ","\n`,
    );
  });

  it('refuses a missing file, an .xls workbook and an oversized file with clear errors', async () => {
    const missing = await guarantor(['import', 'csv', 'no-such.csv', '--map', MAPPING]);
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: cannot read no-such.csv: no such file\n',
    });
    const xls = await guarantor(['import', 'csv', files('old.xls'), '--map', MAPPING]);
    expect(xls.code).toBe(1);
    expect(xls.stderr).toMatch(/old\.xls: this is an old Excel 97-2003 workbook \(\.xls\)/);
    const huge = await guarantor(['import', 'csv', files('huge.csv'), '--map', MAPPING]);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/it is 20,000,001 bytes; tables are limited to 20,000,000 bytes/);
    const noMap = await guarantor(['import', 'csv', TABLE, '--map', 'no-such.yaml']);
    expect(noMap).toMatchObject({ code: 1, stderr: 'error: cannot read no-such.yaml: no such file\n' });
  });

  it('reads a ;-separated export with a BOM and decimal commas, and locates a ragged row', async () => {
    const good = files('semicolon.csv');
    const bad = files('semicolon-bad.csv');
    const map = files('semicolon.yaml');
    const header = '\uFEFFCountry;Capability;Units;Posture;Basis\r\n';
    await writeFile(
      good,
      `${header}FRA;"frigate";1,5;in-place;political\r\n"DEU";sam-long;"1.200";on call;executive\r\n`,
    );
    await writeFile(
      bad,
      `${header}FRA;frigate;1,5;in-place;political\r\n"DEU";"sam-\r\nlong";2;on call;executive\r\nPOL;frigate;1\r\n`,
    );
    await writeFile(
      map,
      'delimiter: ";"\ndecimal: ","\ncolumns: { actor: Country, capability: Capability, quantity: Units, posture: Posture, bindingness: Basis }\n',
    );
    const run = await guarantor(['import', 'csv', good, '--map', map, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).pledges.map((p: Pledge) => [p.id, p.quantity, p.posture])).toEqual([
      ['FRA-frigate-1', 1.5, 'in-place'],
      ['DEU-sam-long-1', 1200, 'on-call'],
    ]);
    const refused = await guarantor(['import', 'csv', bad, '--map', map, '--json']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `${bad} row 3, column 'Capability': capability: ids may not start or end with white space (got "sam-\\r\\nlong")\n` +
        `${bad} row 4 (line 5): the row has 3 fields but the header row has 5: a delimiter too many or too few, or a quote not closed?\n` +
        'error: 2 errors; nothing written\n',
    );
  });

  it('lists the sheets when the named sheet is missing', async () => {
    const run = await guarantor([
      'import',
      'csv',
      files('round-trip.xlsx'),
      '--map',
      files('round-trip.yaml'),
      '--sheet',
      'Plegdes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /round-trip\.xlsx: no sheet "Plegdes" in the workbook; its sheets are "Notes", "Pledges"/,
    );
  });

  it('leaves nothing behind when --out cannot be written', async () => {
    const out = files('no-such-dir', 'plan.yaml');
    const run = await guarantor(['import', 'csv', TABLE, '--map', MAPPING, '--out', out]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^error: cannot write .*plan\.yaml: no such directory/);
  });

  it('needs --plan for --replace, and --map', async () => {
    const replace = await guarantor(['import', 'csv', TABLE, '--map', MAPPING, '--replace']);
    expect(replace).toMatchObject({ code: 2 });
    expect(replace.stderr).toMatch(/--replace replaces the pledges of the --plan BASE/);
    const noMap = await guarantor(['import', 'csv', TABLE]);
    expect(noMap.code).toBe(2);
    expect(noMap.stderr).toMatch(/required option '--map <mapping>' not specified/);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
