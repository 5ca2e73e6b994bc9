/**
 * The variant a view analyses, kept in the URL (`?variant=…`, beside `?plan=…`) so the view can be
 * bookmarked: the hook reads it (default the plan's first variant), the select writes it.
 */
import { navigate, useLocation } from './router';
import type { PlanData } from './session';

/** The plan's variant ids, plan order. */
export function variantIds(plan: PlanData | undefined): string[] {
  return (plan?.variants ?? []).flatMap((v) => (typeof v.id === 'string' ? [v.id] : []));
}

/** The URL's variant when the plan has it, else the plan's first variant. */
export function useVariant(plan: PlanData | undefined): string | undefined {
  const { query } = useLocation();
  const ids = variantIds(plan);
  const wanted = query.get('variant');
  return wanted !== null && ids.includes(wanted) ? wanted : ids[0];
}

export function VariantSelect({
  plan,
  value,
  view,
}: {
  plan: PlanData | undefined;
  value: string | undefined;
  /** The view's path below /app, e.g. `/attribution`. */
  view: string;
}) {
  const { query } = useLocation();
  const choose = (variant: string) => {
    const next = new URLSearchParams(query);
    next.set('variant', variant);
    navigate(`${view}?${next.toString()}`);
  };
  return (
    <label className="variant-select">
      Variant
      <select value={value ?? ''} onChange={(e) => choose(e.target.value)}>
        {variantIds(plan).map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}
