/**
 * The date printed on a report: today in UTC, unless SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention, https://reproducible-builds.org/specs/source-date-epoch/) says
 * otherwise — so the same plan and seed give the same bytes.
 */
import { err, ok, type Result } from '../core/result.js';

export function reportDate(
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
): Result<string, string> {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return ok(now.toISOString().slice(0, 10));
  if (!/^[0-9]{1,12}$/.test(epoch)) {
    return err(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (e.g. 1767225600), got "${epoch}"`);
  }
  return ok(new Date(Number(epoch) * 1000).toISOString().slice(0, 10));
}
