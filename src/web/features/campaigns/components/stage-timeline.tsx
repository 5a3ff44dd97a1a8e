// The campaign's stages on a timeline, the current one highlighted, with the days left.
import { Steps } from 'antd';
import type { CampaignDetailData } from '../api/keys.ts';

export function StageTimeline({ c }: { c: CampaignDetailData }) {
  if (c.stages.length === 0) return null;
  const current = c.currentStageIndex ?? (c.today > c.periodEnd ? c.stages.length : -1);
  return (
    <Steps
      size="small"
      responsive
      current={current}
      data-testid="campaign-stages"
      items={c.stages.map((s, i) => ({
        title: s.name,
        content: `${s.startDate.slice(5)} 至 ${s.endDate.slice(5)}${i === c.currentStageIndex ? '（当前）' : ''}`,
        status: i < current ? 'finish' : i === current ? 'process' : 'wait',
      }))}
    />
  );
}
