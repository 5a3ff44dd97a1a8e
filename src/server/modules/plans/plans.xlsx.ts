import type { TPlanEntry } from '../../../contract/plans.ts';
import { INSPECTION_TYPE_LABELS } from '../../../domain/inspections/inspection-rules.ts';

export const PLAN_EXPORT_COLUMNS = [
  { header: '月份', width: 6 }, { header: '生产经营单位', width: 30 }, { header: '所在村/社区', width: 12 }, { header: '重点企业', width: 8 },
  { header: '检查类型', width: 10 }, { header: '备注', width: 24 }, { header: '完成情况', width: 10 }, { header: '检查记录', width: 36 },
];

export function planExportRow(e: TPlanEntry): unknown[] {
  return [
    `${e.month}月`, e.enterpriseName, e.villageName, e.isKey ? '是' : '否', e.inspectionType ? INSPECTION_TYPE_LABELS[e.inspectionType] : '',
    e.note ?? '', e.covered ? '已检查' : e.overdue ? '逾期未检查' : '未检查', e.coveredBy.map((c) => `${c.number}（${c.inspectedOn}）`).join('；'),
  ];
}
