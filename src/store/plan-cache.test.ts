import { describe, expect, it } from 'vitest';
import { type CachedPlan, deepFreeze, planCache } from './plan-cache.js';
import { EMPTY_PROJECTION } from './projection.js';

const at = (version: number): CachedPlan => ({ version, state: EMPTY_PROJECTION, plan: { version } });

describe('planCache', () => {
  it('keeps at most its size of plans, dropping the least recently used', () => {
    const cache = planCache(2);
    cache.set('a', at(1));
    cache.set('b', at(1));
    expect(cache.get('a')?.version).toBe(1); // a is now the most recently used
    cache.set('c', at(1));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps the newer version of a plan when an older one comes in late', () => {
    const cache = planCache(4);
    cache.set('a', at(5));
    cache.set('a', at(3));
    expect(cache.get('a')?.version).toBe(5);
    cache.set('a', at(6));
    expect(cache.get('a')?.version).toBe(6);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('caches nothing with size 0', () => {
    const cache = planCache(0);
    cache.set('a', at(1));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, so a reader cannot change what others read', () => {
    const value = deepFreeze({ pledges: [{ id: 'p', sources: [{ title: 't' }] }] });
    expect(Object.isFrozen(value.pledges[0]?.sources[0])).toBe(true);
    expect(() => {
      (value.pledges as { id: string }[]).push({ id: 'q' });
    }).toThrow(TypeError);
  });
});
