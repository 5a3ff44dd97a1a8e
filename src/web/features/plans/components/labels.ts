import type { PLAN_INSPECTION_TYPES } from '../../../../contract/plans.ts';
import { INSPECTION_TYPE_LABELS } from '../../../../domain/inspections/inspection-rules.ts';

export const PLAN_TYPE_OPTIONS = (['enforcement', 'assistance', 'supervision', 'spot_check'] as const satisfies readonly (typeof PLAN_INSPECTION_TYPES)[number][]).map((t) => ({
  value: t,
  label: INSPECTION_TYPE_LABELS[t],
}));
export const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
