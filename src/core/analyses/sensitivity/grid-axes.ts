/**
 * The two axes of the sensitivity grid, from a spec such as `USA,europe`: each axis is a set of the
 * variant's partners whose reliabilities move together by a common shift.
 *
 * An axis is one or more tokens joined by `+`; a token is
 * - an actor id (`USA`): that actor;
 * - else a bloc id (`EU`): the variant's partners in that bloc;
 * - `europe` or `rest`: every partner of the variant that is not on the other axis. The name `europe`
 *   follows the example plan's own reading, whose `europe-only` variant is "everyone but the United
 *   States" (Canada, Australia and Türkiye included): with the US on the other axis, `europe` is
 *   exactly that group. Only one axis may use it.
 * The protected actor is never on an axis (its reliability is 1 by definition, MODEL.md §2).
 */
import { GuarantorError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';

export interface AxisSpec {
  /** As written: `USA`, `europe`, `EU+UK`. */
  readonly name: string;
  /** The actors whose reliability the axis moves, plan order. */
  readonly actors: readonly string[];
}

const REST = new Set(['europe', 'rest']);

/**
 * Resolves `x,y` against the variant's partners (`partners`: actors counted by the variant other than
 * the protected one, plan order).
 */
export function resolveGridAxes(
  plan: Plan,
  spec: string,
  partners: readonly string[],
  variant: string,
): [AxisSpec, AxisSpec] {
  const parts = spec.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw badGrid(`expected two axes separated by a comma, such as "USA,europe"; got "${spec}"`);
  }
  const [xName, yName] = parts as [string, string];
  const xRest = isRest(xName);
  const yRest = isRest(yName);
  if (xRest && yRest) throw badGrid('only one axis can be "europe" or "rest" (everyone not on the other)');
  if (xRest) {
    const y = resolveAxis(plan, yName, partners, variant);
    return [restAxis(xName, partners, y), y];
  }
  const x = resolveAxis(plan, xName, partners, variant);
  const y = yRest ? restAxis(yName, partners, x) : resolveAxis(plan, yName, partners, variant);
  const shared = x.actors.filter((a) => y.actors.includes(a));
  if (shared.length > 0) {
    throw badGrid(
      `the axes "${x.name}" and "${y.name}" share ${shared.join(', ')}; an actor can be on one only`,
    );
  }
  return [x, y];
}

function isRest(name: string): boolean {
  return REST.has(name.toLowerCase());
}

function restAxis(name: string, partners: readonly string[], other: AxisSpec): AxisSpec {
  const actors = partners.filter((a) => !other.actors.includes(a));
  if (actors.length === 0) {
    throw badGrid(`"${name}" is empty: every partner of the variant is on the axis "${other.name}"`);
  }
  return { name, actors };
}

function resolveAxis(plan: Plan, name: string, partners: readonly string[], variant: string): AxisSpec {
  const chosen = new Set<string>();
  for (const raw of name.split('+')) {
    const token = raw.trim();
    if (isRest(token)) throw badGrid(`"${token}" must be an axis on its own, not part of "${name}"`);
    for (const id of resolveToken(plan, token, partners, variant)) chosen.add(id);
  }
  return { name, actors: partners.filter((a) => chosen.has(a)) };
}

function resolveToken(plan: Plan, token: string, partners: readonly string[], variant: string): string[] {
  if (token === plan.protected) {
    throw badGrid(`"${token}" is the protected actor; its reliability is always 1 (MODEL.md §2)`);
  }
  if (plan.actors.some((a) => a.id === token)) {
    if (!partners.includes(token))
      throw badGrid(`actor "${token}" is not counted by the variant "${variant}"`);
    return [token];
  }
  const inBloc = plan.actors.filter((a) => a.bloc === token && a.id !== plan.protected).map((a) => a.id);
  if (inBloc.length > 0) {
    const counted = inBloc.filter((id) => partners.includes(id));
    if (counted.length === 0) {
      throw badGrid(`no actor of the bloc "${token}" is counted by the variant "${variant}"`);
    }
    return counted;
  }
  const blocs = [...new Set(plan.actors.filter((a) => a.id !== plan.protected).map((a) => a.bloc))];
  throw badGrid(
    `"${token}" is neither an actor nor a bloc of the plan; actors ${partners.join(', ')}; ` +
      `blocs ${blocs.join(', ')}; or "europe" / "rest" for every partner not on the other axis`,
  );
}

function badGrid(message: string): GuarantorError {
  return new GuarantorError('BAD_GRID', `grid: ${message}`);
}
