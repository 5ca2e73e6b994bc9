import { describe, expect, it } from 'vitest';
import { briefingOf, briefingRequest, parseTrials } from './briefing';

describe('the briefing trials field', () => {
  it("is the plan's own trials when blank", () => {
    expect(parseTrials('  ')).toEqual({ ok: true });
    expect(briefingRequest(undefined)).toEqual({ kind: 'report', params: {} });
  });

  it('takes a whole number of trials', () => {
    expect(parseTrials(' 500 ')).toEqual({ ok: true, trials: 500 });
    expect(briefingRequest(500)).toEqual({ kind: 'report', params: { trials: 500 } });
  });

  it.each(['0', '-3', '2.5', '1e3', 'many', '1000001'])('refuses %s, saying what it takes', (text) => {
    const parsed = parseTrials(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('whole number from 1 to 1,000,000');
  });
});

describe('the briefing result', () => {
  const doc = { format: 'html', fileName: 'briefing-plan-1-v12.html', html: '<!doctype html>' };

  it('is saved when it is a briefing', () => {
    expect(briefingOf(doc)).toEqual(doc);
  });

  it.each([
    ['not an object', 'html'],
    ['another format', { ...doc, format: 'pdf' }],
    ['no html', { ...doc, html: undefined }],
    ['a file name with a path', { ...doc, fileName: '../evil.html' }],
    ['a file name not .html', { ...doc, fileName: 'briefing.exe' }],
  ])('is refused when it has %s', (_, result) => {
    expect(briefingOf(result)).toBeUndefined();
  });
});
