// A month as a 7-column grid (Monday first), each workday coloured by its daily check's status.
// Plain CSS grid rather than antd Calendar so that it fits a 375 px phone.
import { Tooltip } from 'antd';
import type { TSelfInspectionCalendar } from '../../../../contract/schedules.ts';
import { OCCURRENCE_STATUS_LABELS } from '../../../../domain/schedules/self-inspection-schedule.ts';
import { STATUS_CELL_BG } from './labels.ts';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export function MonthGrid({ data }: { data: TSelfInspectionCalendar }) {
  const daily = new Map(data.occurrences.filter((o) => o.frequency === 'daily').map((o) => [o.dueDate, o]));
  const first = new Date(`${data.days[0]!.date}T00:00:00Z`).getUTCDay() || 7;
  const blanks = Array.from({ length: first - 1 });
  return (
    <div className="si-grid" data-testid="self-inspection-grid">
      {WEEKDAYS.map((w) => <div key={w} className="si-grid-head">{w}</div>)}
      {blanks.map((_, i) => <div key={`b${i}`} />)}
      {data.days.map((d) => {
        const o = daily.get(d.date);
        const tip = [d.calendarName, o ? `日查：${OCCURRENCE_STATUS_LABELS[o.status]}` : d.workday ? null : '休息日'].filter(Boolean).join(' · ');
        return (
          <Tooltip key={d.date} title={tip || undefined}>
            <div
              className={`si-cell${d.date === data.today ? ' si-today' : ''}${d.workday ? '' : ' si-off'}`}
              style={o ? { background: STATUS_CELL_BG[o.status] } : undefined}
              data-testid={`si-day-${d.date}`}
              data-status={o?.status ?? (d.workday ? 'none' : 'off')}
            >
              <span className="si-day">{Number(d.date.slice(8))}</span>
              {o && <span className={`si-mark si-${o.status}`}>{o.status === 'done' ? '✓' : o.status === 'missed' ? '✗' : o.status === 'due' ? '•' : ''}</span>}
              {d.calendarName && <span className="si-name">{d.calendarName}</span>}
            </div>
          </Tooltip>
        );
      })}
    </div>
  );
}
