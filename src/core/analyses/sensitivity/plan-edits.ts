/**
 * Pure edits of a Plan value for what-if runs: one actor's reliability, a common shift of several
 * actors' reliabilities, one global setting, or every scenario's threat in one domain scaled. Each
 * returns a new plan (the input is never changed) that is as valid as the input: values are checked
 * against the ranges of MODEL.md §1, so the engine can trust the result as it trusts a parsed plan.
 */
import { GuarantorError } from '../../errors.js';
import { BINDINGNESS, type Bindingness } from '../../plan/schema.js';
import type { Plan, Scenario, Settings } from '../../plan/types.js';

/** The global settings a sensitivity run can move (MODEL.md §1 settings; bindingness per factor). */
export type SettingKey =
  | 'readinessSigma'
  | 'blocCorrelation'
  | 'tripwire'
  | 'yearsOfPeace'
  | 'backstopTriggerDays'
  | `bindingness.${Bindingness}`;

export const SETTING_KEYS: readonly SettingKey[] = [
  'readinessSigma',
  'blocCorrelation',
  'tripwire',
  'backstopTriggerDays',
  'yearsOfPeace',
  ...BINDINGNESS.map((b) => `bindingness.${b}` as const),
];

/** The plan with actor `actorId`'s reliability set to `r` ∈ [0, 1]. The protected actor's is always 1. */
export function withReliability(plan: Plan, actorId: string, r: number): Plan {
  return withReliabilities(plan, new Map([[actorId, r]]));
}

/**
 * The plan with `shift` added to the reliability of each actor in `actorIds`, each clamped to [0, 1]
 * (a common shift: "every European partner 0.1 more reliable").
 */
export function withReliabilityShift(plan: Plan, actorIds: readonly string[], shift: number): Plan {
  if (!Number.isFinite(shift)) throw badValue('reliability shift', shift, 'a finite number');
  const byId = new Map(plan.actors.map((a) => [a.id, a] as const));
  const values = new Map<string, number>();
  for (const id of actorIds) {
    const actor = byId.get(id);
    if (actor === undefined) throw unknownActor(plan, id);
    values.set(id, clamp01(actor.reliability + shift));
  }
  return withReliabilities(plan, values);
}

function withReliabilities(plan: Plan, values: ReadonlyMap<string, number>): Plan {
  for (const [id, r] of values) {
    if (!plan.actors.some((a) => a.id === id)) throw unknownActor(plan, id);
    if (id === plan.protected) {
      throw new GuarantorError(
        'PROTECTED_RELIABILITY',
        `the reliability of the protected actor "${id}" is always 1 (MODEL.md §2) and cannot be varied`,
      );
    }
    if (!(r >= 0 && r <= 1)) throw badValue(`reliability of ${id}`, r, 'a probability in [0, 1]');
  }
  return {
    ...plan,
    actors: plan.actors.map((a) => {
      const r = values.get(a.id);
      return r === undefined ? a : { ...a, reliability: r };
    }),
  };
}

/** The plan with one global setting replaced; the value must be in the setting's range. */
export function withSetting(plan: Plan, key: SettingKey, value: number): Plan {
  const range = settingRange(key);
  if (!(value >= range.min && value <= range.max) || (range.integer && !Number.isInteger(value))) {
    throw badValue(`settings.${key}`, value, range.what);
  }
  const settings: Settings = key.startsWith('bindingness.')
    ? {
        ...plan.settings,
        bindingness: { ...plan.settings.bindingness, [key.slice('bindingness.'.length)]: value },
      }
    : { ...plan.settings, [key]: value };
  return { ...plan, settings };
}

/** The current value of a setting. */
export function settingValue(plan: Plan, key: SettingKey): number {
  if (key.startsWith('bindingness.')) {
    return plan.settings.bindingness[key.slice('bindingness.'.length) as Bindingness];
  }
  return plan.settings[key as Exclude<SettingKey, `bindingness.${string}`>];
}

interface SettingRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly what: string;
}

/** MODEL.md §1 ranges: probabilities in [0, 1], σ and years ≥ 0, whole days 0 … 3650. */
export function settingRange(key: SettingKey): SettingRange {
  switch (key) {
    case 'blocCorrelation':
    case 'tripwire':
    case 'bindingness.treaty-automatic':
    case 'bindingness.treaty-consultative':
    case 'bindingness.executive':
    case 'bindingness.political':
      return { min: 0, max: 1, integer: false, what: 'a probability in [0, 1]' };
    case 'readinessSigma':
    case 'yearsOfPeace':
      return { min: 0, max: Number.MAX_VALUE, integer: false, what: 'a finite number ≥ 0' };
    case 'backstopTriggerDays':
      return { min: 0, max: 3650, integer: true, what: 'a whole number of days in 0 … 3650' };
    default:
      return key satisfies never;
  }
}

/**
 * The plan with every scenario's threat in `domain` multiplied by `k` ≥ 0 (so is the requirement,
 * R = requiredRatio · threat, MODEL.md §3). Scenarios without that domain are unchanged.
 */
export function withThreatScale(plan: Plan, domain: string, k: number): Plan {
  if (!(k >= 0 && Number.isFinite(k))) throw badValue(`threat scale of ${domain}`, k, 'a finite number ≥ 0');
  if (!plan.scenarios.some((s) => s.threat[domain] !== undefined)) {
    throw new GuarantorError(
      'UNKNOWN_DOMAIN',
      `no scenario threatens the domain "${domain}"; the plan's threat domains are ${threatDomains(plan)
        .map((d) => `"${d}"`)
        .join(', ')}`,
    );
  }
  return {
    ...plan,
    scenarios: plan.scenarios.map((s): Scenario => {
      const points = s.threat[domain];
      if (points === undefined) return s;
      return {
        ...s,
        threat: { ...s.threat, [domain]: points.map(([day, level]) => [day, level * k] as const) },
      };
    }),
  };
}

/** The domains that some scenario threatens, in order of first appearance in the plan. */
export function threatDomains(plan: Plan): string[] {
  const out: string[] = [];
  for (const s of plan.scenarios) for (const d of Object.keys(s.threat)) if (!out.includes(d)) out.push(d);
  return out;
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function unknownActor(plan: Plan, id: string): GuarantorError {
  return new GuarantorError(
    'UNKNOWN_ACTOR',
    `unknown actor "${id}"; the plan has ${plan.actors.map((a) => `"${a.id}"`).join(', ')}`,
  );
}

function badValue(what: string, value: number, expected: string): GuarantorError {
  return new GuarantorError('BAD_PARAMETER', `${what} must be ${expected}, got ${value}`);
}
