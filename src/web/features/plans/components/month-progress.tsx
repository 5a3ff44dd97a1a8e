// The 12 months of a plan: planned vs inspected, overdue in red. Click a month to filter the entries.
import type { TPlanDetail } from '../../../../contract/plans.ts';

export function MonthProgress({ plan, selected, onSelect }: { plan: TPlanDetail; selected: number | undefined; onSelect: (m: number | undefined) => void }) {
  return (
    <div className="plan-months" data-testid="plan-months">
      {plan.months.map((m) => (
        <button
          type="button"
          key={m.month}
          className={`plan-month${selected === m.month ? ' plan-month-on' : ''}${m.overdue > 0 ? ' plan-month-late' : ''}`}
          onClick={() => onSelect(selected === m.month ? undefined : m.month)}
          data-testid={`plan-month-${m.month}`}
        >
          <span className="plan-month-name">{m.month}月</span>
          <span className="plan-month-figure">{m.covered}/{m.planned}</span>
          {m.overdue > 0 && <span className="plan-month-overdue">逾期 {m.overdue}</span>}
        </button>
      ))}
    </div>
  );
}
