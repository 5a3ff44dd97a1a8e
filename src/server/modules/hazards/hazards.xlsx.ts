import type { THazardListItem } from '../../../contract/hazards.ts';
import { LISTING_LEVEL_LABELS } from '../../../contract/hazards.ts';
import { HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS } from '../../../domain/hazards/hazard-machine.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';

export const HAZARD_EXPORT_COLUMNS = [
  { header: '隐患编号', width: 18 }, { header: '生产经营单位', width: 30 }, { header: '所在村/社区', width: 12 },
  { header: '隐患描述', width: 40 }, { header: '隐患部位', width: 16 }, { header: '行业领域', width: 12 },
  { header: '隐患等级', width: 10 }, { header: '来源', width: 10 }, { header: '发现日期', width: 12 },
  { header: '状态', width: 8 }, { header: '整改期限', width: 12 }, { header: '是否逾期', width: 8 },
  { header: '即查即改', width: 8 }, { header: '挂牌督办', width: 8 }, { header: '移送次数', width: 8 },
  { header: '回头看重新整改', width: 10 }, { header: '责任单位', width: 16 }, { header: '销号日期', width: 12 },
];

export function hazardExportRow(h: THazardListItem): unknown[] {
  return [
    h.number, h.enterpriseName, h.villageName, h.description, h.location, h.sectorName, HAZARD_LEVEL_LABELS[h.level],
    HAZARD_SOURCE_LABELS[h.source], shanghaiDay(new Date(h.foundAt)), HAZARD_STATUS_LABELS[h.status], h.dueDate ?? '',
    h.overdue ? '是' : '否', h.fixedOnSpot ? '是' : '否', h.listingLevel ? LISTING_LEVEL_LABELS[h.listingLevel] : '',
    h.transferCount, h.reopenCount, h.responsibleUnitName, h.closedAt ? shanghaiDay(new Date(h.closedAt)) : '',
  ];
}
