import { Space, Tag } from 'antd';
import type { TCaseListItem } from '../../../../contract/cases.ts';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../domain/enforcement/enforcement.ts';

const STATUS_COLORS: Record<CaseStatus, string> = {
  filed: 'default', investigating: 'processing', decided: 'orange', executing: 'gold', closed: 'success',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>{CASE_STATUS_LABELS[status]}</Tag>;
}

/** The derived marks of a case: 一案双罚, 依法不予处罚, 典型案例, 危险作业罪. */
export function CaseFlagTags({ c, noPenaltyByLaw }: { c: Pick<TCaseListItem, 'dualPenalty' | 'published' | 'dangerousOperationCrime'>; noPenaltyByLaw?: boolean }) {
  return (
    <Space size={4} wrap data-testid="case-flags">
      {c.dualPenalty && <Tag color="red" style={{ marginInlineEnd: 0 }}>一案双罚</Tag>}
      {noPenaltyByLaw && <Tag color="green" style={{ marginInlineEnd: 0 }}>依法不予处罚</Tag>}
      {c.published && <Tag color="purple" style={{ marginInlineEnd: 0 }}>典型案例</Tag>}
      {c.published && c.dangerousOperationCrime && <Tag color="volcano" style={{ marginInlineEnd: 0 }}>危险作业罪</Tag>}
    </Space>
  );
}

/** Money in yuan as the forms write it: 12,345.50 元. */
export const formatYuan = (yuan: number) =>
  `${yuan.toLocaleString('zh-CN', { minimumFractionDigits: yuan % 1 ? 2 : 0, maximumFractionDigits: 2 })} 元`;
