/**
 * The output of an import without a base plan: a YAML (or JSON) document holding only `pledges:`,
 * headed by a comment saying what a plan still needs, ready to paste into one.
 */
import { stringify } from 'yaml';
import type { RawPledge } from '../plan/schema.js';

export const PLEDGES_ONLY_NOTE =
  'these are pledges only: a plan also needs guarantor: 1, protected, actors, capabilities and scenarios ' +
  '(see docs/MODEL.md §1), or import with --plan BASE';

/** `pledges:` as YAML, with the note as a comment on top. */
export function pledgesYaml(pledges: readonly RawPledge[]): string {
  return `# ${PLEDGES_ONLY_NOTE}\n${stringify({ pledges }, { version: '1.2', lineWidth: 0 })}`;
}
