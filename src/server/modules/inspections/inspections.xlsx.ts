import type { TInspectionListItem } from '../../../contract/inspections.ts';
import { INSPECTION_STATUS_LABELS } from '../../../contract/inspections.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPE_LABELS } from '../../../domain/inspections/inspection-rules.ts';

export const INSPECTION_EXPORT_COLUMNS = [
  { header: '检查编号', width: 22 }, { header: '检查类型', width: 14 }, { header: '检查方式', width: 16 }, { header: '检查日期', width: 12 },
  { header: '生产经营单位', width: 30 }, { header: '所在村/社区', width: 12 }, { header: '检查单位', width: 16 }, { header: '检查表', width: 30 },
  { header: '检查表版本', width: 8 }, { header: '状态', width: 8 }, { header: '不符合项', width: 8 }, { header: '生成隐患', width: 8 },
  { header: '检查人员', width: 20 }, { header: '完成日期', width: 12 },
];

export function inspectionExportRow(i: TInspectionListItem): unknown[] {
  return [
    i.number, INSPECTION_TYPE_LABELS[i.type], i.methodTags.map((t) => INSPECTION_METHOD_TAG_LABELS[t]).join('、'), i.inspectedOn,
    i.enterpriseName, i.villageName, i.unitName, i.templateName, i.templateVersion, INSPECTION_STATUS_LABELS[i.status], i.failedCount,
    i.hazardCount, i.inspectorNames.join('、'), i.completedAt ? shanghaiDay(new Date(i.completedAt)) : '',
  ];
}
