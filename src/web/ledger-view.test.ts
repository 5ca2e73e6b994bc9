import { describe, expect, it } from 'vitest';
import {
  type AttributedChange,
  changeRows,
  dayRange,
  daysOf,
  eventRows,
  type LedgerEvent,
  latestWriteRange,
  ledgerPoints,
  rangeOf,
  valueRows,
  when,
} from './ledger-view';

const event = (seq: number, at: string, extra: Partial<LedgerEvent> = {}): LedgerEvent => ({
  seq,
  at,
  kind: 'pledge.created',
  entityId: `p${seq}`,
  who: 'serve',
  reason: 'imported',
  ...extra,
});

// An import of three events in one write, then two writes the next day, then one a day later.
const IMPORT = '2026-11-27T09:00:00.000Z';
const events: LedgerEvent[] = [
  event(1, IMPORT),
  event(2, IMPORT),
  event(3, IMPORT),
  event(4, '2026-11-28T10:00:00.000Z', { kind: 'pledge.updated', who: 'host', reason: 'summit' }),
  event(5, '2026-11-28T15:30:00.000Z', {
    kind: 'pledge.withdrawn',
    who: 'delegate-usa',
    reason: 'congress',
    source: { title: 'Vote', url: 'https://example.org/vote' },
  }),
  event(6, '2026-11-29T08:00:00.000Z', { who: 'host', reason: 'new pledge' }),
];

describe('the ledger', () => {
  it('lists events newest first, with the kind in words and the source kept', () => {
    const rows = eventRows(events);
    expect(rows.map((r) => r.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(rows[1]).toMatchObject({
      what: 'pledge withdrawn',
      who: 'delegate-usa',
      reason: 'congress',
      source: { title: 'Vote' },
      when: '28 Nov 2026 15:30 UTC',
    });
    expect(rows[0]?.source).toBeUndefined();
  });

  it('shows times in UTC with the month in words', () => {
    expect(when('2026-01-06T07:05:00.000Z')).toBe('6 Jan 2026 07:05 UTC');
  });

  it('offers one point per write: the last event of an import, not the events inside it', () => {
    const points = ledgerPoints(events);
    expect(points.map((p) => [p.firstSeq, p.seq, p.events])).toEqual([
      [1, 3, 3],
      [4, 4, 1],
      [5, 5, 1],
      [6, 6, 1],
    ]);
  });

  it('defaults to before/after the latest write, and has no range with a single write', () => {
    expect(latestWriteRange(ledgerPoints(events))).toEqual({ from: 5, to: 6 });
    expect(latestWriteRange(ledgerPoints(events.slice(0, 3)))).toBeUndefined();
  });

  it("takes a day's range from the point before the day to its last write", () => {
    const points = ledgerPoints(events);
    expect(daysOf(points)).toEqual(['2026-11-29', '2026-11-28', '2026-11-27']);
    expect(dayRange(points, '2026-11-28')).toEqual({ from: 3, to: 5 });
    // The first day has nothing before it: a single write is no range.
    expect(dayRange(points, '2026-11-27')).toBeUndefined();
    expect(dayRange(points, '2026-12-01')).toBeUndefined();
  });

  it('reads the range from the URL when both are points in order, else falls back to the default', () => {
    const points = ledgerPoints(events);
    expect(rangeOf(new URLSearchParams('from=3&to=5'), points)).toEqual({ from: 3, to: 5 });
    expect(rangeOf(new URLSearchParams('from=2&to=5'), points)).toEqual({ from: 5, to: 6 });
    expect(rangeOf(new URLSearchParams('from=5&to=3'), points)).toEqual({ from: 5, to: 6 });
    expect(rangeOf(new URLSearchParams(''), points)).toEqual({ from: 5, to: 6 });
  });
});

describe('the diff', () => {
  const attribution = (who: string, reason: string) => ({ seq: 4, at: IMPORT, who, reason, source: null });
  const changes: AttributedChange[] = [
    { entity: 'pledge', id: 'gbr-jets', change: 'added', events: [attribution('delegate-gbr', 'summit')] },
    {
      entity: 'pledge',
      id: 'usa-carrier',
      change: 'withdrawn',
      fields: [{ field: 'status', before: 'announced', after: 'withdrawn' }],
      events: [attribution('delegate-usa', 'congress')],
    },
    {
      entity: 'settings',
      id: '-',
      change: 'changed',
      fields: [{ field: 'readinessSigma', before: null, after: 0.4 }],
      events: [attribution('host', 'review'), attribution('host', 'again')],
    },
  ];

  it('says who pledged, changed or withdrew what, field by field', () => {
    expect(changeRows(changes).map((r) => [r.sentence, r.fields])).toEqual([
      ['delegate-gbr pledged gbr-jets', []],
      ['delegate-usa withdrew pledge usa-carrier', ['status announced → withdrawn']],
      ['host changed the settings', ['readinessSigma — → 0.4']],
    ]);
  });

  it("shows each variant's value before → after with the paired difference, then its scenarios", () => {
    const rows = valueRows([
      {
        variant: 'europe-only',
        before: 0.3917,
        after: 0.4323,
        delta: 0.0406,
        scenarios: [
          {
            id: 'land-north',
            before: { pHold: 0.2218, ci95: [0.216, 0.2276] },
            after: { pHold: 0.3843, ci95: [0.3776, 0.3911] },
          },
          { id: 'sea-odesa', before: null, after: { pHold: 0.35, ci95: [0.34, 0.36] } },
        ],
      },
      { variant: 'gone', before: 0.5, after: null, delta: null, scenarios: [] },
    ]);
    expect(rows.map((r) => [r.label, r.before, r.after, r.delta, r.tone])).toEqual([
      ['europe-only', '39%', '43%', '+4 points', 'good'],
      ['land-north', '22%', '38%', '+16 points', 'good'],
      ['sea-odesa', '–', '35%', '–', 'none'],
      ['gone', '50%', 'no longer exists', '–', 'none'],
    ]);
    expect(rows[1]?.title).toContain('before 22–23%, after 38–39%');
  });

  it('calls a difference that rounds to zero points no change', () => {
    const [row] = valueRows([{ variant: 'v', before: 0.5, after: 0.501, delta: 0.001, scenarios: [] }]);
    expect(row).toMatchObject({ delta: '±0 points', tone: 'same' });
  });
});
