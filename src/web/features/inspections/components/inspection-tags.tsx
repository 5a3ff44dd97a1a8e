// Tags of an inspection and its answers, shared by the list, the fill page, the detail page
// and the enterprise page.
import { Space, Tag } from 'antd';
import { INSPECTION_STATUS_LABELS } from '../../../../contract/inspections.ts';
import {
  type AnswerLabels, CHECK_METHOD_LABELS, CONFORMITY_RESULT_LABELS, type CheckMethod, type ConformityResult,
} from '../../../../domain/checklists/checklist.ts';
import {
  INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPE_LABELS, type InspectionMethodTag, type InspectionType, isSelfInspection,
} from '../../../../domain/inspections/inspection-rules.ts';

export type InspectionStatus = keyof typeof INSPECTION_STATUS_LABELS;

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  return (
    <Tag color={status === 'completed' ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }} data-testid="inspection-status">
      {INSPECTION_STATUS_LABELS[status]}
    </Tag>
  );
}

export function InspectionTypeTag({ type }: { type: InspectionType }) {
  const color = type === 'enforcement' ? 'red' : isSelfInspection(type) ? 'cyan' : 'blue';
  return <Tag color={color} style={{ marginInlineEnd: 0 }}>{INSPECTION_TYPE_LABELS[type]}</Tag>;
}

export function MethodTags({ tags }: { tags: readonly InspectionMethodTag[] }) {
  if (tags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {tags.map((t) => (
        <Tag key={t} color="purple" style={{ marginInlineEnd: 0 }}>{INSPECTION_METHOD_TAG_LABELS[t]}</Tag>
      ))}
    </Space>
  );
}

const METHOD_COLORS: Record<CheckMethod, string> = { ask: 'geekblue', records: 'orange', look: 'green' };

/** 问 / 查 / 看 as small tags. */
export function CheckMethodTags({ methods }: { methods: readonly CheckMethod[] }) {
  if (methods.length === 0) return null;
  return (
    <Space size={4}>
      {methods.map((m) => (
        <Tag key={m} color={METHOD_COLORS[m]} style={{ marginInlineEnd: 0 }}>{CHECK_METHOD_LABELS[m]}</Tag>
      ))}
    </Space>
  );
}

export const CONFORMITY_COLORS: Record<ConformityResult, string> = { conform: 'green', nonconform: 'red', not_applicable: 'default' };

/** A result in the item's own words (e.g. 否 for conform), coloured by what it means. */
export function ConformityTag({ result, labels = CONFORMITY_RESULT_LABELS }: { result: ConformityResult | null; labels?: AnswerLabels }) {
  if (!result) return <Tag style={{ marginInlineEnd: 0 }}>未填写</Tag>;
  return (
    <Tag color={CONFORMITY_COLORS[result]} style={{ marginInlineEnd: 0 }} data-testid="inspection-answer-result">
      {labels[result]}
    </Tag>
  );
}
