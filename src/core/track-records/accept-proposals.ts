/**
 * Accepting proposals: the user names actors (or all) whose proposed reliability — and, when asked, the
 * missing GDP — should go into the plan. Never silent: an actor the plan lacks, or one without a
 * proposal, is an error and nothing is accepted. The texts here (the ledger reason, the comment on a
 * plan file's actor) say where the number came from and what it replaced.
 */
import { err, ok, type Result } from '../result.js';
import type { PlanProposal } from './plan-proposals.js';

export interface Acceptance {
  readonly actor: string;
  readonly reliability: { readonly from: number; readonly to: number };
  readonly deliveredRatio: number;
  /** Set only when GDP was asked for and proposed (the actor had none). */
  readonly gdp?: { readonly usd: number; readonly year: number; readonly source: string };
}

export interface AcceptIssue {
  readonly code: 'TRACK_UNKNOWN_ACTOR' | 'TRACK_NO_RECORD' | 'TRACK_NOTHING_TO_ACCEPT';
  readonly actor?: string;
  readonly message: string;
}

/** `all` accepts every actor with a proposal; a list must name plan actors that have one. */
export function selectAcceptances(
  proposals: readonly PlanProposal[],
  wanted: 'all' | readonly string[],
  withGdp: boolean,
): Result<Acceptance[], AcceptIssue[]> {
  const issues: AcceptIssue[] = [];
  const chosen: PlanProposal[] = [];
  if (wanted === 'all') {
    chosen.push(...proposals.filter((p) => p.proposedReliability !== null));
  } else {
    for (const id of wanted) {
      const proposal = proposals.find((p) => p.actor === id);
      if (proposal === undefined) {
        const known = proposals.map((p) => p.actor).join(', ');
        issues.push({
          code: 'TRACK_UNKNOWN_ACTOR',
          actor: id,
          message: `"${id}" is not an actor of the plan (actors: ${known})`,
        });
      } else if (proposal.proposedReliability === null) {
        issues.push({
          code: 'TRACK_NO_RECORD',
          actor: id,
          message:
            proposal.record === null
              ? `${id} has no track record in the import: there is no reliability to propose`
              : `${id} committed nothing in the import: there is no delivered ÷ committed to judge by`,
        });
      } else if (!chosen.includes(proposal)) {
        chosen.push(proposal);
      }
    }
  }
  if (issues.length > 0) return err(issues);
  if (chosen.length === 0) {
    return err([{ code: 'TRACK_NOTHING_TO_ACCEPT', message: 'no actor of the plan has a track record' }]);
  }
  return ok(chosen.map((p) => acceptance(p, withGdp)));
}

function acceptance(p: PlanProposal, withGdp: boolean): Acceptance {
  return {
    actor: p.actor,
    // Two decimals: the record supports no finer prior, and the plan file and ledger show what was said.
    reliability: { from: p.currentReliability, to: round2(p.proposedReliability ?? p.currentReliability) },
    deliveredRatio: p.deliveredRatio ?? 0,
    ...(withGdp && p.proposedGdp !== null ? { gdp: p.proposedGdp } : {}),
  };
}

/** "Kiel release 29 to 2026-04": which figures, for reasons and comments. */
export interface RecordOrigin {
  readonly release: number;
  readonly asOf: string;
}

/** The ledger reason of an accepted reliability. */
export function acceptanceReason(origin: RecordOrigin, deliveredRatio: number): string {
  return `Reliability from track record: Kiel release ${origin.release} to ${origin.asOf} (allocated ÷ committed ${deliveredRatio.toFixed(2)})`;
}

/** The comment on an actor of a plan file whose reliability (and GDP) were accepted. */
export function acceptanceNote(origin: RecordOrigin, a: Acceptance): string {
  const reliability = `reliability ${a.reliability.to.toFixed(2)} from Kiel Ukraine Support Tracker release ${origin.release} to ${origin.asOf}: allocated ÷ committed ${a.deliveredRatio.toFixed(2)}; was ${a.reliability.from.toFixed(2)}`;
  return a.gdp === undefined
    ? reliability
    : `${reliability}; gdp ${a.gdp.usd.toExponential(3)} (${a.gdp.year}) from ${a.gdp.source}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
