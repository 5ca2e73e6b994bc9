import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redact, resolveTarget } from './open-store.js';

describe('resolveTarget', () => {
  it('takes --db, else DATABASE_URL, else .guarantor/ in the working directory', () => {
    const env = { DATABASE_URL: 'postgres://db/team' };
    expect(resolveTarget('ledger', env, '/w')).toBe('ledger');
    expect(resolveTarget(undefined, env, '/w')).toBe('postgres://db/team');
    expect(resolveTarget(undefined, {}, '/w')).toBe(join('/w', '.guarantor'));
    expect(resolveTarget('', { DATABASE_URL: '' }, '/w')).toBe(join('/w', '.guarantor'));
  });

  it('tells URLs from folders, and hides passwords in messages', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('./postgres')).toBe(false);
    expect(redact('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
  });
});
