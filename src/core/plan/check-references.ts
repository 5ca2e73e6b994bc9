/**
 * The cross-entity rules of MODEL.md §1, on a plan whose shapes are valid: unique ids, references that
 * resolve, fields required by posture or actor, threat curves, scenario weights. Warnings flag what is
 * legal but ignored or probably a slip. Issues carry paths; the loader adds line and column.
 */
import { formatPath, type Issue } from '../errors.js';
import type { PathPart } from './locate.js';
import { BINDINGNESS, type RawPlan, type RawPledge } from './schema.js';
import { createSuggester, didYouMean } from './suggest.js';

const DEFAULT_YEARS_OF_PEACE = 2;

type Sink = (code: string, severity: Issue['severity'], path: readonly PathPart[], message: string) => void;

/** Every cross-reference issue of `plan`, errors and warnings, in plan order. */
export function checkReferences(plan: RawPlan): Issue[] {
  const issues: Issue[] = [];
  const report: Sink = (code, severity, path, message) =>
    issues.push({ code, severity, path: formatPath(path), message });

  const actors = indexIds(plan.actors, 'actors', 'actor', report);
  const capabilities = indexIds(plan.capabilities, 'capabilities', 'capability', report);
  indexIds(plan.pledges, 'pledges', 'pledge', report);
  indexIds(plan.scenarios, 'scenarios', 'scenario', report);
  indexIds(plan.variants ?? [], 'variants', 'variant', report);

  const actor = reference('actor', 'PLAN_UNKNOWN_ACTOR', actors, report);
  const capability = reference('capability', 'PLAN_UNKNOWN_CAPABILITY', capabilities, report);

  actor(plan.protected, ['protected']);
  plan.actors.forEach((a, i) => {
    if (a.bloc !== undefined && a.bloc in Object.prototype) {
      report('PLAN_RESERVED_NAME', 'error', ['actors', i, 'bloc'], reservedMessage(a.bloc));
    }
    if (a.id === plan.protected && a.reliability !== undefined) {
      report('PLAN_IGNORED_FIELD', 'warning', ['actors', i, 'reliability'], IGNORED.protectedReliability);
    }
  });

  checkPledges(plan, actor, capability, capabilities, report);

  (plan.spare ?? []).forEach((s, i) => {
    actor(s.actor, ['spare', i, 'actor']);
    capability(s.capability, ['spare', i, 'capability']);
    if (s.actor === plan.protected) {
      report('PLAN_IGNORED_FIELD', 'warning', ['spare', i, 'actor'], IGNORED.protectedSpare);
    }
  });
  checkDuplicateSpare(plan, report);

  checkScenarios(plan, report);

  (plan.variants ?? []).forEach((v, i) => {
    for (const list of ['include', 'exclude'] as const) {
      v[list]?.forEach((id, j) => {
        const path = ['variants', i, list, j];
        actor(id, path);
        if (id === plan.protected) {
          report(
            'PLAN_VARIANT_PROTECTED',
            'warning',
            path,
            `the protected actor "${id}" is always counted; ${list === 'include' ? 'including' : 'excluding'} it has no effect`,
          );
        }
      });
    }
    v.statuses?.forEach((status, j) => {
      if (status === 'withdrawn') {
        report('PLAN_IGNORED_FIELD', 'warning', ['variants', i, 'statuses', j], IGNORED.withdrawnStatus);
      }
    });
  });
  return issues;
}

const IGNORED = {
  protectedReliability: 'reliability of the protected actor is ignored: it always honours (reliability 1)',
  protectedSpare: 'spare capacity of the protected actor is ignored: burden sharing is among partners',
  protectedBindingness: "bindingness is ignored for the protected actor's pledges: they are always honoured",
  withdrawnStatus: 'withdrawn pledges never count, whatever the variant says',
  productionQuantity:
    'quantity is ignored for production pledges: units come from fundingPerYear × yearsOfPeace / unitCost',
  fundingPerYear: 'fundingPerYear is ignored: only production pledges are funded',
  readinessDays: (posture: string) =>
    `readinessDays is ignored for ${posture} pledges: they are in effect from day 0 (MODEL.md §3)`,
};

/**
 * Ids and blocs become keys of plain objects (in results such as `units: { "sam-long": 2 }`), where
 * `__proto__` vanishes and `constructor` is found on every object.
 */
function reservedMessage(name: string): string {
  return `"${name}" cannot be used as a name (it is a built-in property of JavaScript objects)`;
}

/** Id → index of its first occurrence; later occurrences are reported, naming the first. */
function indexIds(
  items: readonly { readonly id: string }[],
  list: string,
  kind: string,
  report: Sink,
): ReadonlyMap<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.id in Object.prototype) {
      report('PLAN_RESERVED_NAME', 'error', [list, i, 'id'], reservedMessage(item.id));
    }
    const first = index.get(item.id);
    if (first === undefined) index.set(item.id, i);
    else {
      report(
        'PLAN_DUPLICATE_ID',
        'error',
        [list, i, 'id'],
        `duplicate ${kind} id "${item.id}"; it is first defined at ${formatPath([list, first, 'id'])}`,
      );
    }
  });
  return index;
}

type Reference = (id: string, path: readonly PathPart[]) => boolean;

/** A checker of references to one kind of id, suggesting the closest known id. */
function reference(kind: string, code: string, ids: ReadonlyMap<string, number>, report: Sink): Reference {
  const suggest = createSuggester(ids.keys());
  return (id, path) => {
    if (ids.has(id)) return true;
    report(code, 'error', path, `unknown ${kind} "${id}"${didYouMean(suggest(id))}`);
    return false;
  };
}

function checkPledges(
  plan: RawPlan,
  actor: Reference,
  capability: Reference,
  capabilities: ReadonlyMap<string, number>,
  report: Sink,
): void {
  const tags = new Set(plan.scenarios.flatMap((s) => s.tags ?? []));
  const suggestTag = createSuggester(tags);
  // Capability index → first production pledge using it: capability-level issues are reported once.
  const produced = new Map<number, string>();
  let totalPower = 0;

  plan.pledges.forEach((p, i) => {
    const at = (...rest: PathPart[]): PathPart[] => ['pledges', i, ...rest];
    actor(p.actor, at('actor'));
    const known = capability(p.capability, at('capability'));
    const capIndex = known ? capabilities.get(p.capability) : undefined;
    const isProtected = p.actor === plan.protected;

    p.requires?.forEach((id, j) => {
      actor(id, at('requires', j));
    });
    if (isProtected && (p.requires?.length ?? 0) > 0) {
      report(
        'PLAN_PROTECTED_REQUIRES',
        'error',
        at('requires'),
        `a pledge of the protected actor "${p.actor}" may not require other actors: it is always honoured`,
      );
    }
    if (!isProtected && p.bindingness === undefined) {
      report(
        'PLAN_MISSING_BINDINGNESS',
        'error',
        at('bindingness'),
        `missing required field "bindingness" (a partner's pledge needs one of ${BINDINGNESS.join(' | ')})`,
      );
    }
    if (isProtected && p.bindingness !== undefined) {
      report('PLAN_IGNORED_FIELD', 'warning', at('bindingness'), IGNORED.protectedBindingness);
    }

    if (p.posture === 'production') {
      if (p.fundingPerYear === undefined) {
        report(
          'PLAN_MISSING_FUNDING',
          'error',
          at('fundingPerYear'),
          'missing required field "fundingPerYear" (a production pledge buys units with it)',
        );
      }
      if (p.quantity !== undefined)
        report('PLAN_IGNORED_FIELD', 'warning', at('quantity'), IGNORED.productionQuantity);
      if (capIndex !== undefined && !produced.has(capIndex)) produced.set(capIndex, p.id);
    } else {
      if (p.quantity === undefined) {
        report(
          'PLAN_MISSING_QUANTITY',
          'error',
          at('quantity'),
          `missing required field "quantity" (units; required unless posture is production)`,
        );
      }
      if (p.fundingPerYear !== undefined) {
        report('PLAN_IGNORED_FIELD', 'warning', at('fundingPerYear'), IGNORED.fundingPerYear);
      }
    }
    if ((p.posture === 'in-place' || p.posture === 'production') && (p.readinessDays ?? 0) > 0) {
      report('PLAN_IGNORED_FIELD', 'warning', at('readinessDays'), IGNORED.readinessDays(p.posture));
    }

    if (p.triggers !== undefined && p.triggers.length === 0) {
      report(
        'PLAN_EMPTY_TRIGGERS',
        'warning',
        at('triggers'),
        'triggers is empty, so the pledge answers no scenario; omit it to answer every scenario',
      );
    }
    p.triggers?.forEach((tag, j) => {
      if (!tags.has(tag)) {
        report(
          'PLAN_UNKNOWN_TAG',
          'warning',
          at('triggers', j),
          `no scenario has the tag "${tag}", so it triggers nothing${didYouMean(suggestTag(tag))}`,
        );
      }
    });

    const cap = capIndex === undefined ? undefined : plan.capabilities[capIndex];
    if (cap !== undefined) {
      totalPower += units(p, cap, plan) * largest(Object.values(cap.effect));
      if (!Number.isFinite(totalPower)) {
        report(
          'PLAN_NUMBER_TOO_LARGE',
          'error',
          at(),
          'quantities × effects here add up past the largest number the engine can compute with',
        );
        totalPower = 0;
      }
    }
  });

  for (const [capIndex, pledgeId] of produced) {
    const cap = plan.capabilities[capIndex];
    if (cap === undefined) continue;
    if (cap.unitCost === undefined) {
      report(
        'PLAN_MISSING_UNIT_COST',
        'error',
        ['capabilities', capIndex, 'unitCost'],
        `missing field "unitCost": production pledge "${pledgeId}" derives its units of "${cap.id}" from funding`,
      );
    }
    if (cap.productionPerYear === undefined) {
      report(
        'PLAN_UNCAPPED_PRODUCTION',
        'warning',
        ['capabilities', capIndex, 'productionPerYear'],
        `"${cap.id}" has no productionPerYear, so production pledges ("${pledgeId}") are not capped by capacity`,
      );
    }
  }
}

/** Units of a pledge as MODEL.md §3 counts them (for the overflow check only). */
function units(p: RawPledge, cap: RawPlan['capabilities'][number], plan: RawPlan): number {
  if (p.posture !== 'production') return p.quantity ?? 0;
  const years = plan.settings?.yearsOfPeace ?? DEFAULT_YEARS_OF_PEACE;
  const bought = cap.unitCost === undefined ? 0 : ((p.fundingPerYear ?? 0) * years) / cap.unitCost;
  return Math.min(bought, cap.productionPerYear === undefined ? bought : cap.productionPerYear * years);
}

function checkDuplicateSpare(plan: RawPlan, report: Sink): void {
  const seen = new Map<string, number>();
  (plan.spare ?? []).forEach((s, i) => {
    const key = JSON.stringify([s.actor, s.capability]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      report(
        'PLAN_DUPLICATE_SPARE',
        'error',
        ['spare', i],
        `spare capacity of "${s.actor}" in "${s.capability}" is already given at spare[${first}]; merge the two`,
      );
    }
  });
}

function checkScenarios(plan: RawPlan, report: Sink): void {
  const effectDomains = new Set(
    plan.capabilities.flatMap((c) =>
      Object.entries(c.effect)
        .filter(([, v]) => v > 0)
        .map(([d]) => d),
    ),
  );
  const suggestEffect = createSuggester(effectDomains);
  let weights = 0;

  plan.scenarios.forEach((s, i) => {
    const at = (...rest: PathPart[]): PathPart[] => ['scenarios', i, ...rest];
    weights += s.weight ?? 1;
    const domains = Object.keys(s.threat);
    if (domains.length === 0) {
      report(
        'PLAN_NO_THREAT',
        'warning',
        at('threat'),
        `scenario "${s.id}" has no threat, so it always holds`,
      );
    }
    for (const [domain, points] of Object.entries(s.threat)) {
      points.forEach(([day], j) => {
        const before = points[j - 1];
        if (before !== undefined && day <= before[0]) {
          report(
            'PLAN_THREAT_NOT_INCREASING',
            'error',
            at('threat', domain, j),
            `threat days must be strictly increasing: day ${day} comes after day ${before[0]}`,
          );
        }
      });
      const peak = largest(points.map(([, level]) => level));
      const ratio = s.requiredRatio?.[domain] ?? 1;
      if (!Number.isFinite(peak * ratio * s.horizonDays)) {
        report(
          'PLAN_NUMBER_TOO_LARGE',
          'error',
          at('threat', domain),
          'threat × requiredRatio over the horizon exceeds the largest number the engine can compute with',
        );
      }
      if (peak > 0 && ratio > 0 && !effectDomains.has(domain)) {
        report(
          'PLAN_UNCOVERED_DOMAIN',
          'warning',
          at('threat', domain),
          `no capability has an effect in "${domain}", so this domain can never hold${didYouMean(suggestEffect(domain))}`,
        );
      }
    }
    const suggestDomain = createSuggester(domains);
    for (const field of ['requiredRatio', 'tolerance'] as const) {
      for (const domain of Object.keys(s[field] ?? {})) {
        if (Object.hasOwn(s.threat, domain)) continue;
        const guess = suggestDomain(domain);
        const known = domains.length === 0 ? ' (it has none)' : ` (its domains: ${listOf(domains)})`;
        report(
          'PLAN_UNKNOWN_DOMAIN',
          'error',
          at(field, domain),
          `"${domain}" is not a threat domain of scenario "${s.id}"${guess === undefined ? known : didYouMean(guess)}`,
        );
      }
    }
  });

  if (!(weights > 0)) {
    report(
      'PLAN_ZERO_WEIGHT',
      'error',
      ['scenarios'],
      'scenario weights sum to 0: give at least one a positive weight',
    );
  } else if (!Number.isFinite(weights)) {
    report(
      'PLAN_NUMBER_TOO_LARGE',
      'error',
      ['scenarios'],
      'scenario weights sum past the largest finite number',
    );
  }
}

/** The largest of `values`, 0 for none (a loop: spreading a long list into Math.max overflows the stack). */
function largest(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function listOf(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')}, …`;
}
