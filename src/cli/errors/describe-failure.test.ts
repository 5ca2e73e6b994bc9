import { CommanderError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { GuarantorError } from '../../core/errors.js';
import { CliError } from './cli-error.js';
import { describeFailure } from './describe-failure.js';
import { describeFsError } from './fs-error.js';

describe('describeFailure', () => {
  it('maps user errors to 1 with their message', () => {
    const e = new GuarantorError('UNKNOWN_VARIANT', 'unknown variant "x"; the plan has "a", "b"');
    expect(describeFailure(e, false)).toEqual({
      exitCode: 1,
      lines: ['error: unknown variant "x"; the plan has "a", "b"'],
    });
    expect(describeFailure(new CliError(['a:1:1 p: bad'], 1), false)).toEqual({
      exitCode: 1,
      lines: ['a:1:1 p: bad'],
    });
  });

  it('maps command-line errors to 2, help and version to 0', () => {
    expect(describeFailure(new CommanderError(1, 'commander.unknownOption', 'x'), false)).toEqual({
      exitCode: 2,
      lines: [],
    });
    expect(describeFailure(new CommanderError(0, 'commander.version', '0.1.0'), false).exitCode).toBe(0);
  });

  it('maps anything else to 70: one line and a hint, the stack only when debugging', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const quiet = describeFailure(bug, false);
    expect(quiet.exitCode).toBe(70);
    expect(quiet.lines[0]).toBe("internal error: Cannot read properties of undefined (reading 'x')");
    expect(quiet.lines.join('\n')).toContain('GUARANTOR_DEBUG=1');
    expect(quiet.lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(describeFailure(bug, true).lines.join('\n')).toMatch(/\n\s+at /);
  });

  it("treats a worker's internal failure as a bug, not bad input", () => {
    const e = new GuarantorError('INTERNAL', 'RangeError: boom\n    at f (file.js:1:1)');
    expect(describeFailure(e, false)).toMatchObject({
      exitCode: 70,
      lines: ['internal error: RangeError: boom', expect.any(String)],
    });
  });
});

describe('describeFsError', () => {
  it('says it in a few words', () => {
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeFsError(new Error("EWEIRD: something odd, open 'f'"))).toBe('something odd');
  });
});
