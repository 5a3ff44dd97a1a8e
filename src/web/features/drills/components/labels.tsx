// The words and tags of the drill pages: a record's kind and state, an enterprise's state per
// category, and the district's requirement as a sentence.
import { Tag } from 'antd';
import type { TDrillItem, TDrillRequirementResponse } from '../../../../contract/drills.ts';
import {
  ACTIVITY_CATEGORY_LABELS, ACTIVITY_KIND_LABELS, type ActivityCategory, COMPLIANCE_STATUS_LABELS, type ComplianceStatus, DRILL_KINDS, TRAINING_KINDS,
} from '../../../../domain/drills/drill-requirement.ts';

const STATUS_COLORS: Record<ComplianceStatus, string> = { missed: 'red', pending: 'orange', met: 'green', not_required: 'default' };

export function ComplianceTag({ status, testId }: { status: ComplianceStatus; testId?: string }) {
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>{COMPLIANCE_STATUS_LABELS[status]}</Tag>;
}

/** 已核实 / 未核实 / 已作废 of one record. */
export function DrillStateTag({ d }: { d: Pick<TDrillItem, 'verified' | 'voided'> }) {
  if (d.voided) return <Tag style={{ marginInlineEnd: 0 }}>已作废</Tag>;
  return d.verified ? <Tag color="green" style={{ marginInlineEnd: 0 }}>已核实</Tag> : <Tag style={{ marginInlineEnd: 0 }}>未核实</Tag>;
}

export const kindLabel = (d: Pick<TDrillItem, 'kind'>) => ACTIVITY_KIND_LABELS[d.kind];
/** Whose record it is: the enterprise, or the unit whose staff were trained. */
export const subjectName = (d: Pick<TDrillItem, 'enterprise' | 'unit'>) => d.enterprise?.name ?? d.unit?.name ?? '—';

/** The kinds an enterprise records, of one category or both. */
export function enterpriseKindOptions(category?: ActivityCategory) {
  const kinds = category === 'drill' ? DRILL_KINDS : category === 'training' ? TRAINING_KINDS : [...DRILL_KINDS, ...TRAINING_KINDS];
  return kinds.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
}

const times = (n: number) => (n === 0 ? '不作要求' : `每年${n}次`);
/** 一般单位：应急演练每年1次，安全培训每年1次；高危行业：… */
export function requirementText(r: Pick<TDrillRequirementResponse, 'drill' | 'training'>): string {
  const part = (k: 'normal' | 'highRisk') => (['drill', 'training'] as const).map((c) => `${ACTIVITY_CATEGORY_LABELS[c]}${times(r[c][k])}`).join('，');
  return `一般单位：${part('normal')}；高危行业单位：${part('highRisk')}`;
}

/** The window of n times a year, in words: 每年 / 每半年 / 每季度. */
export function windowWords(n: number): string {
  return n === 1 ? '每年' : n === 2 ? '每半年' : n === 4 ? '每季度' : '—';
}
