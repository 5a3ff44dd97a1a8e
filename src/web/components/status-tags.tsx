import { Tag } from 'antd';
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
  type EnterpriseKind, type EnterpriseStatus, type RiskGrade, type VenueType,
} from '../../domain/enterprises/enterprise-rules.ts';

/** The four risk colours (红橙黄蓝), as a solid tag's background and the form's dots. */
export const RISK_GRADE_COLORS: Record<RiskGrade, string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#fadb14',
  blue: '#0958d9',
};
/**
 * The text on each: white on orange or yellow would be 2.4:1 or less, so those two carry dark text
 * (8:1 and more) and keep their colour; red and blue are dark enough for white (5.6 and 6.2:1).
 */
const RISK_GRADE_TEXT: Record<RiskGrade, string> = {
  red: '#fff',
  orange: 'rgba(0, 0, 0, 0.88)',
  yellow: 'rgba(0, 0, 0, 0.88)',
  blue: '#fff',
};

export function RiskGradeTag({ grade }: { grade: RiskGrade | null | undefined }) {
  if (!grade) return <span className="text-muted">未分级</span>;
  return (
    <Tag color={RISK_GRADE_COLORS[grade]} variant="solid" style={{ marginInlineEnd: 0, color: RISK_GRADE_TEXT[grade] }}>
      {RISK_GRADE_LABELS[grade]}
    </Tag>
  );
}

const STATUS_COLORS: Record<EnterpriseStatus, string> = { operating: 'green', suspended: 'orange', closed: 'default' };

export function EnterpriseStatusTag({ status, voided }: { status: EnterpriseStatus; voided?: boolean }) {
  if (voided) return <Tag color="red">已作废</Tag>;
  return <Tag color={STATUS_COLORS[status]}>{ENTERPRISE_STATUS_LABELS[status]}</Tag>;
}

export function enterpriseKindText(kind: EnterpriseKind, venueType: VenueType | null | undefined): string {
  const base = ENTERPRISE_KIND_LABELS[kind];
  return kind === 'small_venue' && venueType ? `${base}·${VENUE_TYPE_LABELS[venueType]}` : base;
}

export function ActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>;
}

export function FlagTags({ isKey, isHighRisk, isSmall }: { isKey?: boolean; isHighRisk?: boolean; isSmall?: boolean }) {
  return (
    <>
      {isKey && <Tag color="volcano">重点</Tag>}
      {isHighRisk && <Tag color="magenta">高危</Tag>}
      {isSmall && <Tag color="cyan">小微</Tag>}
    </>
  );
}
