import { describe, expect, it } from 'vitest';
import { toLpFormat } from './lp-format.js';
import type { MipModel } from './solver.js';

const INF = Number.POSITIVE_INFINITY;

describe('toLpFormat', () => {
  it('writes objective, rows, bounds and integers in CPLEX LP format with generated names', () => {
    const model: MipModel = {
      sense: 'minimize',
      variables: [
        { label: 'x[DEU,sam-long]', lower: 0, upper: 4, integer: true, cost: 1.1 },
        { label: 't[DEU]', lower: -INF, upper: INF, integer: false, cost: 0 },
      ],
      rows: [
        { label: 'gap', terms: [{ variable: 0, coefficient: 15.6 }], lower: 12.5, upper: INF },
        {
          label: 'fair',
          terms: [
            { variable: 1, coefficient: 1 },
            { variable: 0, coefficient: -0.25 },
          ],
          lower: -INF,
          upper: 3e-7,
        },
      ],
    };
    expect(toLpFormat(model)).toEqual({
      text: [
        'Minimize',
        ' obj: + 1.1 x0 + 0 x1',
        'Subject To',
        ' r0: + 15.6 x0 >= 12.5',
        ' r1: - 0.25 x0 + 1 x1 <= 3e-7',
        'Bounds',
        ' 0 <= x0 <= 4',
        ' -inf <= x1 <= +inf',
        'General',
        ' x0',
        'End',
        '',
      ].join('\n'),
      lpRows: [['r0'], ['r1']],
    });
  });

  it('splits a ranged row in two, writes an equality once, and leaves out a row without bounds', () => {
    const terms = [{ variable: 0, coefficient: 2 }];
    const { text, lpRows } = toLpFormat({
      sense: 'maximize',
      variables: [{ label: '', lower: 0, upper: 1, integer: false, cost: 1 }],
      rows: [
        { label: 'range', terms, lower: 1, upper: 2 },
        { label: 'eq', terms, lower: 1.5, upper: 1.5 },
        { label: 'free', terms, lower: -INF, upper: INF },
      ],
    });
    expect(text).toContain('Maximize\n');
    expect(text).toContain(' r0: + 2 x0 >= 1\n r0u: + 2 x0 <= 2\n r1: + 2 x0 = 1.5\n');
    expect(lpRows).toEqual([['r0', 'r0u'], ['r1'], []]);
  });

  it('adds up repeated terms, drops zero coefficients and wraps long rows', () => {
    const variables = Array.from({ length: 10 }, () => ({
      label: '',
      lower: 0,
      upper: 1,
      integer: false,
      cost: 1,
    }));
    const terms = [
      ...variables.map((_, j) => ({ variable: j, coefficient: 1 })),
      { variable: 3, coefficient: -1 },
      { variable: 4, coefficient: 2 },
    ];
    const { text } = toLpFormat({
      sense: 'minimize',
      variables,
      rows: [{ label: '', terms, lower: 1, upper: INF }],
    });
    expect(text).toContain(' r0: + 1 x0 + 1 x1 + 1 x2 + 3 x4 + 1 x5 + 1 x6 + 1 x7 + 1 x8\n   + 1 x9 >= 1\n');
  });

  it('refuses what has no LP form: no variables, NaN, lower above upper', () => {
    expect(() => toLpFormat({ sense: 'minimize', variables: [], rows: [] })).toThrow(/without variables/);
    const v = { label: '', lower: 0, upper: 1, integer: false, cost: 1 };
    expect(() =>
      toLpFormat({ sense: 'minimize', variables: [{ ...v, cost: Number.NaN }], rows: [] }),
    ).toThrow(/NaN/);
    expect(() =>
      toLpFormat({
        sense: 'minimize',
        variables: [v],
        rows: [{ label: 'bad', terms: [], lower: 2, upper: 1 }],
      }),
    ).toThrow(/lower > upper/);
  });
});
