import { describe, expect, it } from 'vitest';
import { reportDate } from './report-date.js';

const NOW = new Date('2026-11-29T23:59:00Z');

describe('the date on a report', () => {
  it('is today in UTC', () => {
    expect(reportDate({}, NOW)).toEqual({ ok: true, value: '2026-11-29' });
  });

  it('is SOURCE_DATE_EPOCH when set, for reproducible bytes', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '1767225600' }, NOW)).toEqual({ ok: true, value: '2026-01-01' });
  });

  it('rejects a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    const r = reportDate({ SOURCE_DATE_EPOCH: '2026-01-01' }, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('SOURCE_DATE_EPOCH');
  });
});
