import { describe, expect, it } from 'vitest';
import { readWorldBankGdp } from './worldbank.js';

const HEADER = 'iso3,country,gdp_usd,gdp_year,population,population_year\n';

describe('readWorldBankGdp', () => {
  it('reads GDP in current US dollars by ISO-3 code', () => {
    const r = readWorldBankGdp(`${HEADER}USA,United States,28750956130731.2,2024,340110988,2024\n`);
    expect(r.issues).toEqual([]);
    expect(r.gdp.get('USA')).toEqual({ gdpUsd: 28750956130731.2, year: 2024, country: 'United States' });
  });

  it('names a missing column', () => {
    const r = readWorldBankGdp('iso3,country,gdp_year\nUSA,United States,2024\n');
    expect(r.issues).toMatchObject([{ severity: 'error', line: 1, column: 'gdp_usd' }]);
  });

  it('rejects a non-numeric or negative GDP, naming the row', () => {
    const r = readWorldBankGdp(`${HEADER}USA,United States,..,2024,1,2024\nFRA,France,-5,2024,1,2024\n`);
    expect(r.issues).toMatchObject([
      { line: 2, column: 'gdp_usd' },
      { line: 3, column: 'gdp_usd' },
    ]);
    expect(r.gdp.size).toBe(0);
  });
});
