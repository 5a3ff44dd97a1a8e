import { Flex, Statistic } from 'antd';
import type { TCompliance } from '../../../../contract/schedules.ts';
import { SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS } from '../../../../domain/schedules/self-inspection-schedule.ts';
import { percent } from './labels.ts';

/** Completion rate and missed count per frequency (only the frequencies with something due). */
export function ComplianceFigures({ compliance }: { compliance: TCompliance }) {
  const shown = SELF_INSPECTION_FREQUENCIES.filter((f) => compliance.byFrequency[f].total > 0);
  if (shown.length === 0) return <span className="text-muted">期间内暂无应完成的自查</span>;
  return (
    <Flex gap={24} wrap>
      {shown.map((f) => {
        const c = compliance.byFrequency[f];
        return (
          <Statistic
            key={f}
            title={`${SELF_INSPECTION_FREQUENCY_LABELS[f]}查完成率`}
            value={percent(c.rate)}
            suffix={<span style={{ fontSize: 13, color: c.missed > 0 ? '#cf1322' : 'rgba(0, 0, 0, 0.6)' }}>未按期 {c.missed}</span>}
            data-testid={`compliance-${f}`}
          />
        );
      })}
    </Flex>
  );
}
