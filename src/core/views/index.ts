/** Read models over a plan or a result, for people (CLI tables, dashboard, reports): pure, no I/O. */
export { type GapUnit, gapInUnits } from './gap-units.js';
export {
  type DomainTotal,
  type PledgeFilter,
  type PledgeRow,
  type PledgeTable,
  planDomains,
  pledgeTable,
} from './pledge-table.js';
export { type Crossing, type KeyDay, timelineKeyDays } from './timeline-days.js';
export { type Verdict, type VerdictKind, verdict } from './verdict.js';
