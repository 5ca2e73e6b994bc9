/**
 * A box's restriction on one feature, as data and as words: "USA did not honour", "readiness of
 * gbr-typhoon-sqn > 4 days", "backstop usa-backstop was called".
 */
import type { Limit } from './prim.js';
import type { Feature, FeatureKind } from './trial-features.js';

export interface Condition {
  readonly kind: FeatureKind;
  /** The actor (honoured) or the pledge. */
  readonly subject: string;
  /** For the yes/no kinds: the value inside the box. */
  readonly value?: boolean;
  /**
   * For `arrival`: inside the box the drawn readiness δ (days from the trigger to effect, MODEL.md §3)
   * is > readinessAbove and/or ≤ readinessAtMost. Power counts from day ⌈δ⌉.
   */
  readonly readinessAbove?: number;
  readonly readinessAtMost?: number;
  readonly text: string;
}

/** `top` is the largest value of the feature over all trials (an upper limit there is no limit). */
export function describeLimit(feature: Feature, limit: Limit, top: number, horizon: number): Condition {
  const { kind, subject } = feature;
  switch (kind) {
    case 'honoured':
      return yesNo(kind, subject, limit, `${subject} honoured`, `${subject} did not honour`);
    case 'active':
      return yesNo(kind, subject, limit, `${subject} was active`, `${subject} was not active`);
    case 'backstop-called':
      return yesNo(
        kind,
        subject,
        limit,
        `backstop ${subject} was called`,
        `backstop ${subject} was not called`,
      );
    case 'arrival':
      return arrival(subject, limit, top, horizon);
    default:
      return kind satisfies never;
  }
}

function yesNo(kind: FeatureKind, subject: string, limit: Limit, yes: string, no: string): Condition {
  const value = limit.min >= 1;
  return { kind, subject, value, text: value ? yes : no };
}

/** Arrival day a = ⌈δ⌉ (capped at the horizon H): a ≥ m ⇔ δ > m − 1, and a ≤ k ⇔ δ ≤ k. */
function arrival(subject: string, limit: Limit, top: number, horizon: number): Condition {
  const above = limit.min > 0 ? limit.min - 1 : undefined;
  const atMost = limit.max < top && limit.max < horizon ? limit.max : undefined;
  let text: string;
  if (above !== undefined && limit.min >= horizon) {
    text = `${subject} does not arrive within the ${horizon}-day horizon`;
  } else if (above !== undefined && atMost !== undefined) {
    text = `readiness of ${subject} > ${above} and ≤ ${atMost} ${days(atMost)}`;
  } else if (above !== undefined) {
    text = `readiness of ${subject} > ${above} ${days(above)}`;
  } else {
    text = `readiness of ${subject} ≤ ${atMost ?? limit.max} ${days(atMost ?? limit.max)}`;
  }
  return {
    kind: 'arrival',
    subject,
    ...(above === undefined ? {} : { readinessAbove: above }),
    ...(atMost === undefined ? {} : { readinessAtMost: atMost }),
    text,
  };
}

function days(n: number): string {
  return n === 1 ? 'day' : 'days';
}
