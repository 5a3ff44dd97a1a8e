// One enterprise's drills and training this year: per category its state, what is required, the
// windows met of those owed, the last record and, when the open window is unmet, its last day.
import { Flex, Typography } from 'antd';
import type { TComplianceItem } from '../../../../contract/drills.ts';
import { ACTIVITY_CATEGORY_LABELS } from '../../../../domain/drills/drill-requirement.ts';
import { ComplianceTag, windowWords } from './labels.tsx';

type CategoryState = TComplianceItem['drill'];

function CategoryFigures({ label, s, testId }: { label: string; s: CategoryState; testId: string }) {
  return (
    <div className="drill-figures" data-testid={testId}>
      <Flex gap={8} align="center" wrap>
        <strong>{label}</strong>
        <ComplianceTag status={s.status} testId={`${testId}-status`} />
      </Flex>
      {s.timesPerYear === 0 ? (
        <Typography.Text type="secondary">本区不作要求</Typography.Text>
      ) : (
        <>
          <div>要求：{windowWords(s.timesPerYear)}至少1次</div>
          <div>本年应开展 {s.owed} 期，已完成 {s.met} 期 · 最近一次 {s.lastHeldOn ?? '无记录'}</div>
          {s.dueOn && <Typography.Text type="warning">本期请于 {s.dueOn} 前开展并登记</Typography.Text>}
        </>
      )}
    </div>
  );
}

export function ComplianceFigures({ item }: { item: TComplianceItem }) {
  return (
    <Flex gap={24} wrap>
      {(['drill', 'training'] as const).map((c) => (
        <CategoryFigures key={c} label={ACTIVITY_CATEGORY_LABELS[c]} s={item[c]} testId={`drill-compliance-${c}`} />
      ))}
    </Flex>
  );
}
