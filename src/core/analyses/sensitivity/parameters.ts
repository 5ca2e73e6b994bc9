/**
 * The tornado's parameters and the low and high value each is moved to. The moves are stated here,
 * once, and every one is reported in the output, so a reader can judge whether the range is fair:
 *
 * - reliability of each partner counted by the variant: r ∓ 0.2, clamped to [0, 1] (the plans'
 *   reliabilities are judgements; ±0.2 is roughly the spread between a cautious and a keen reading);
 * - probabilities of the model (bloc correlation ρ, tripwire τ): ∓ 0.25, clamped to [0, 1];
 * - bindingness factors β: ∓ 0.15, clamped to [0, 1] (narrower: they are ordered, treaty above
 *   political, and a wider move would make the categories overlap);
 * - scale-like settings (readiness spread σ, years of peace): × 0.5 and × 1.5;
 * - backstop trigger days K: ∓ 2 days, at least 0;
 * - threat per domain: every scenario's threat in that domain × 0.8 and × 1.2.
 *
 * Actors outside the variant are left out: they never honour in it (MODEL.md §2), so their reliability
 * cannot matter.
 */
import type { Plan } from '../../plan/types.js';
import {
  clamp01,
  SETTING_KEYS,
  type SettingKey,
  settingValue,
  threatDomains,
  withReliability,
  withSetting,
  withThreatScale,
} from './plan-edits.js';

export type ParameterKind = 'reliability' | 'setting' | 'threat-scale';

export interface Parameter {
  /** Stable name: `actors.USA.reliability`, `settings.tripwire`, `settings.bindingness.political`, `threatScale.air`. */
  readonly parameter: string;
  readonly kind: ParameterKind;
  /** For people: `USA reliability`, `tripwire τ`, `air threat ×`. */
  readonly label: string;
  /** The plan's value (1 for a threat scale). */
  readonly base: number;
  readonly low: number;
  readonly high: number;
  /** The plan with this parameter set to `x`. */
  readonly apply: (plan: Plan, x: number) => Plan;
}

export const RELIABILITY_DELTA = 0.2;
export const THREAT_SCALES: readonly [number, number] = [0.8, 1.2];

const PROBABILITY_DELTA = 0.25;
const BINDINGNESS_DELTA = 0.15;
const SCALE_FACTORS: readonly [number, number] = [0.5, 1.5];
const TRIGGER_DAYS_DELTA = 2;

/** Every parameter of the tornado for a variant whose partners are `partners` (plan order). */
export function tornadoParameters(plan: Plan, partners: readonly string[]): Parameter[] {
  const reliability = partners.map((id): Parameter => {
    const base = plan.actors.find((a) => a.id === id)?.reliability ?? 0;
    return {
      parameter: `actors.${id}.reliability`,
      kind: 'reliability',
      label: `${id} reliability`,
      base,
      low: round(clamp01(base - RELIABILITY_DELTA)),
      high: round(clamp01(base + RELIABILITY_DELTA)),
      apply: (p, x) => withReliability(p, id, x),
    };
  });
  const settings = SETTING_KEYS.map((key): Parameter => {
    const base = settingValue(plan, key);
    const [low, high] = settingMove(key, base);
    return {
      parameter: `settings.${key}`,
      kind: 'setting',
      label: SETTING_LABELS[key],
      base,
      low,
      high,
      apply: (p, x) => withSetting(p, key, x),
    };
  });
  const threats = threatDomains(plan).map(
    (domain): Parameter => ({
      parameter: `threatScale.${domain}`,
      kind: 'threat-scale',
      label: `${domain} threat ×`,
      base: 1,
      low: THREAT_SCALES[0],
      high: THREAT_SCALES[1],
      apply: (p, k) => withThreatScale(p, domain, k),
    }),
  );
  return [...reliability, ...settings, ...threats];
}

/** The low and high value of a setting whose plan value is `x`. */
export function settingMove(key: SettingKey, x: number): [number, number] {
  switch (key) {
    case 'blocCorrelation':
    case 'tripwire':
      return [round(clamp01(x - PROBABILITY_DELTA)), round(clamp01(x + PROBABILITY_DELTA))];
    case 'bindingness.treaty-automatic':
    case 'bindingness.treaty-consultative':
    case 'bindingness.executive':
    case 'bindingness.political':
      return [round(clamp01(x - BINDINGNESS_DELTA)), round(clamp01(x + BINDINGNESS_DELTA))];
    case 'readinessSigma':
    case 'yearsOfPeace':
      return [round(x * SCALE_FACTORS[0]), round(x * SCALE_FACTORS[1])];
    case 'backstopTriggerDays':
      return [Math.max(0, x - TRIGGER_DAYS_DELTA), Math.min(3650, x + TRIGGER_DAYS_DELTA)];
    default:
      return key satisfies never;
  }
}

const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  readinessSigma: 'readiness spread σ',
  blocCorrelation: 'bloc correlation ρ',
  tripwire: 'tripwire τ',
  backstopTriggerDays: 'backstop trigger days',
  yearsOfPeace: 'years of peace',
  'bindingness.treaty-automatic': 'β treaty-automatic',
  'bindingness.treaty-consultative': 'β treaty-consultative',
  'bindingness.executive': 'β executive',
  'bindingness.political': 'β political',
};

/** 0.1 + 0.2 is 0.30000000000000004: round the stated bounds to 12 digits so they read as written. */
function round(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}
