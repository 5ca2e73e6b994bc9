/**
 * The posture and status filters that the matrix (who does what) and the map share: two labelled
 * selects over `MatrixFilters`, each change handed to the view, which keeps filters in its URL.
 */
import { type MatrixFilters, POSTURES } from './pledge-matrix';

export const STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: '', label: 'all but withdrawn' },
  { value: 'committed,delivered', label: 'committed or delivered' },
  { value: 'delivered', label: 'delivered' },
  { value: 'committed', label: 'committed' },
  { value: 'announced', label: 'announced' },
];

export function PostureStatusFilters({
  filters,
  onChange,
}: {
  filters: MatrixFilters;
  onChange: (field: 'postures' | 'statuses', value: string) => void;
}) {
  return (
    <>
      <label>
        Posture
        <select value={filters.postures.join(',')} onChange={(e) => onChange('postures', e.target.value)}>
          <option value="">all</option>
          {POSTURES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.statuses.join(',')} onChange={(e) => onChange('statuses', e.target.value)}>
          {STATUS_CHOICES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
