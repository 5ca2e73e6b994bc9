import { describe, expect, it } from 'vitest';
import { createSuggester, didYouMean, editDistance, suggest } from './suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts a transposition of neighbours as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('quantiyt', 'quantity')).toBe(1);
  });

  it('stops early once the limit is exceeded', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('suggest', () => {
  it('prefers a case-insensitive exact match', () => {
    expect(suggest('fra', ['FRX', 'FRA'])).toBe('FRA');
  });

  it('finds typos in ids, fields and enum values', () => {
    expect(suggest('sam-lng', ['fighter-sqn', 'sam-long'])).toBe('sam-long');
    expect(suggest('quantiy', ['id', 'actor', 'quantity', 'posture'])).toBe('quantity');
    expect(suggest('oncall', ['in-place', 'on-call', 'backstop', 'production'])).toBe('on-call');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(suggest('helicopter', ['sam-long', 'fighter-sqn'])).toBeUndefined();
    expect(suggest('USA', ['UKR'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });

  it('does not call a complete replacement of a short name a typo', () => {
    expect(suggest('x', ['y'])).toBeUndefined();
    expect(suggest('ab', ['cd'])).toBeUndefined();
  });

  it('keeps the first of equally close candidates', () => {
    expect(suggest('lan', ['land', 'lane'])).toBe('land');
  });
});

describe('createSuggester', () => {
  it('answers repeated names from its cache', () => {
    const s = createSuggester(['sam-long']);
    expect(s('sam-lng')).toBe('sam-long');
    expect(s('sam-lng')).toBe('sam-long');
  });

  it('stops comparing once its budget is spent, but still matches case', () => {
    const s = createSuggester(['sam-long', 'FRA'], 0);
    expect(s('sam-lng')).toBeUndefined();
    expect(s('fra')).toBe('FRA');
  });
});

describe('didYouMean', () => {
  it('formats a suggestion to append to a message', () => {
    expect(didYouMean('on-call')).toBe('; did you mean "on-call"?');
    expect(didYouMean(undefined)).toBe('');
  });
});
