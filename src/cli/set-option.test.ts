import { InvalidArgumentError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { collectSet } from './set-option.js';

describe('collectSet', () => {
  it('collects overrides in order', () => {
    expect(collectSet('settings.seed=2', collectSet('actors.USA.reliability=0.5'))).toEqual([
      'actors.USA.reliability=0.5',
      'settings.seed=2',
    ]);
  });

  it('refuses a malformed override as a usage error, saying what was expected', () => {
    expect(() => collectSet('actors.USA.reliability')).toThrow(InvalidArgumentError);
    expect(() => collectSet('actors.USA.reliability')).toThrow(
      'expected path=value, e.g. actors.USA.reliability=0.5.',
    );
    expect(() => collectSet('pledges.x.triggers=[sea')).toThrow(/is not valid YAML/);
  });
});
