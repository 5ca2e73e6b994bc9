/**
 * `--set path=value` (repeatable) for any command that loads a plan: quick what-ifs without editing the
 * file. The option checks the syntax of each override as it is parsed (a malformed one is a usage
 * error, exit 2); `loadPlan(path, io, flags.set)` applies them and validates the result like a file.
 *
 * @example program.command('gaps').argument('<plan>').addOption(setOption())
 */
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { parseOverride } from '../core/plan/override-syntax.js';

export function setOption() {
  return new Option(
    '--set <path=value>',
    'change a plan value for this run (repeatable), e.g. actors.USA.reliability=0.5, ' +
      'settings.blocCorrelation=0.8, pledges.ID.status=committed, spare.DEU/sam-long.quantity=4',
  ).argParser(collectSet);
}

/** Collects `--set` values, refusing one that is not `path=value` with a YAML value. */
export function collectSet(value: string, previous: string[] = []): string[] {
  const parsed = parseOverride(value);
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.error.message}.`);
  return [...previous, value];
}
