// Tags of a hazard's state, shared by the ledger, the dashboard and the enterprise page.
import { Tag } from 'antd';
import { LISTING_LEVEL_LABELS } from '../../contract/hazards.ts';
import {
  HAZARD_LEVEL_LABELS, HAZARD_STATUS_LABELS, type HazardLevel, type HazardStatus,
} from '../../domain/hazards/hazard-machine.ts';

export const HAZARD_STATUS_COLORS: Record<HazardStatus, string> = {
  reported: 'gold',
  rectifying: 'blue',
  awaiting_verification: 'purple',
  closed: 'green',
  voided: 'default',
};

/** Chart colours of the statuses (the tags' palette, as hex). */
export const HAZARD_STATUS_HEX: Record<HazardStatus, string> = {
  reported: '#faad14',
  rectifying: '#1677ff',
  awaiting_verification: '#722ed1',
  closed: '#52c41a',
  voided: '#bfbfbf',
};

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  return (
    <Tag color={HAZARD_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="hazard-status">
      {HAZARD_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 重大 in solid red; 一般 plain. `short` drops the trailing 隐患 for table cells. */
export function HazardLevelTag({ level, short }: { level: HazardLevel; short?: boolean }) {
  const text = short ? HAZARD_LEVEL_LABELS[level].replace('隐患', '') : HAZARD_LEVEL_LABELS[level];
  return level === 'major' ? (
    <Tag color="#cf1322" variant="solid" style={{ marginInlineEnd: 0 }}>{text}</Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{text}</Tag>
  );
}

export function OverdueTag() {
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }} data-testid="hazard-overdue">
      逾期
    </Tag>
  );
}

export function ListingTag({ level }: { level: keyof typeof LISTING_LEVEL_LABELS | null | undefined }) {
  if (!level) return null;
  return (
    <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="hazard-listed">
      {LISTING_LEVEL_LABELS[level]}挂牌
    </Tag>
  );
}

/** 移送: pending (待接收) or done, with the number of hops when more than one. */
export function TransferTag({ count, pending }: { count: number; pending: boolean }) {
  if (pending) return <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="hazard-transfer">移送待接收</Tag>;
  if (count === 0) return null;
  return (
    <Tag color="cyan" style={{ marginInlineEnd: 0 }} data-testid="hazard-transfer">
      已移送{count > 1 ? `×${count}` : ''}
    </Tag>
  );
}

export function ReopenTag({ count }: { count: number }) {
  if (count === 0) return null;
  return <Tag color="magenta" style={{ marginInlineEnd: 0 }}>重新整改{count > 1 ? `×${count}` : ''}</Tag>;
}
