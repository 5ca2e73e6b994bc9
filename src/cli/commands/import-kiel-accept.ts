/**
 * `guarantor import kiel DIR --plan PLAN --accept USA,DEU|all [--accept-gdp] --out NEW`: the accepted
 * proposals written into a copy of the plan FILE (core/track-records/accept-in-plan-text.ts keeps its
 * comments and layout), each changed actor with a comment naming the source; the changes on stdout.
 * Nothing is written when an actor is unknown or has no record, or when the result would not be a valid
 * plan; the copy is written atomically, so a failed write leaves --out as it was.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { formatIssue } from '../../core/errors.js';
import { parsePlan, planFormat } from '../../core/plan/index.js';
import { acceptInPlanText } from '../../core/track-records/accept-in-plan-text.js';
import {
  type Acceptance,
  acceptanceNote,
  type RecordOrigin,
  selectAcceptances,
} from '../../core/track-records/accept-proposals.js';
import type { PlanProposal } from '../../core/track-records/plan-proposals.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { writeFileAtomically } from '../write-output.js';

export interface AcceptRequest {
  readonly planFile: string;
  readonly wanted: 'all' | readonly string[];
  readonly withGdp: boolean;
  readonly out: string;
  readonly json: boolean;
}

/** A commander parser for --accept: `all`, or actor ids separated by commas. */
export function parseAcceptList(value: string): 'all' | string[] {
  if (value.trim() === 'all') return 'all';
  const ids = value.split(',').map((id) => id.trim());
  if (ids.some((id) => !/^[A-Za-z0-9_.-]+$/.test(id))) {
    throw new InvalidArgumentError('It must be "all" or actor ids separated by commas (e.g. USA,DEU).');
  }
  return ids;
}

export async function acceptIntoPlanFile(
  request: AcceptRequest,
  proposals: readonly PlanProposal[],
  origin: RecordOrigin,
  io: CliIo,
): Promise<void> {
  const selected = selectAcceptances(proposals, request.wanted, request.withGdp);
  if (!selected.ok) {
    throw new CliError(
      [...selected.error.map((i) => `error: --accept: ${i.message}`), 'nothing written'],
      ExitCode.invalidInput,
    );
  }
  const accepted = selected.value;
  const text = await readPlanText(request.planFile);
  const format = planFormat(text, request.planFile);
  const edited = acceptInPlanText(
    text,
    accepted.map((a) => ({
      actor: a.actor,
      set: { reliability: a.reliability.to, ...(a.gdp === undefined ? {} : { gdp: a.gdp.usd }) },
      note: acceptanceNote(origin, a),
    })),
    format,
  );
  if (!edited.ok) {
    throw new CliError(
      [`error: ${request.planFile}: ${edited.error}; nothing written`],
      ExitCode.invalidInput,
    );
  }
  // The copy must still be a valid plan (it is, unless the file changed since it was loaded).
  const reparsed = parsePlan(edited.value, request.out);
  if (!reparsed.ok) {
    throw new CliError(
      [...reparsed.error.map((i) => formatIssue(request.out, i)), 'nothing written'],
      ExitCode.invalidInput,
    );
  }
  await writeFileAtomically(request.out, edited.value);
  await write(
    io.stdout,
    request.json
      ? `${JSON.stringify({ out: request.out, release: origin.release, asOf: origin.asOf, accepted }, null, 2)}\n`
      : renderAccepted(accepted, origin, request.out),
  );
}

async function readPlanText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError([`error: cannot read ${file}: ${describeFsError(error)}`], ExitCode.invalidInput);
  }
}

function renderAccepted(accepted: readonly Acceptance[], origin: RecordOrigin, out: string): string {
  const rows = accepted.map((a) => {
    const gdp = a.gdp === undefined ? '' : `; gdp ${a.gdp.usd.toExponential(3)} (World Bank ${a.gdp.year})`;
    return `${a.actor.padEnd(5)} reliability ${a.reliability.from.toFixed(2)} → ${a.reliability.to.toFixed(2)} (allocated ÷ committed ${a.deliveredRatio.toFixed(2)})${gdp}`;
  });
  return [
    `Accepted from Kiel Ukraine Support Tracker release ${origin.release} to ${origin.asOf} into ${out}:`,
    ...rows,
    '',
  ].join('\n');
}
