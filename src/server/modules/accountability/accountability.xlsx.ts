import {
  ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_TARGET_TYPE_LABELS, type TAccountabilityItem,
} from '../../../contract/accountability.ts';

export const ACCOUNTABILITY_EXPORT_COLUMNS = [
  { header: '类型', width: 10 }, { header: '对象类别', width: 8 }, { header: '问责对象', width: 20 }, { header: '所在单位', width: 16 },
  { header: '职务', width: 14 }, { header: '问责措施', width: 14 }, { header: '问责事由', width: 40 }, { header: '关联隐患', width: 18 },
  { header: '事故情况', width: 30 }, { header: '决定日期', width: 12 }, { header: '决定机关', width: 16 }, { header: '文号', width: 20 },
];

export function accountabilityExportRow(r: TAccountabilityItem): unknown[] {
  return [
    ACCOUNTABILITY_KIND_LABELS[r.kind], ACCOUNTABILITY_TARGET_TYPE_LABELS[r.targetType], r.targetName,
    r.targetType === 'person' ? r.targetUnitName ?? '' : '', r.position ?? '', r.measure, r.reason, r.hazard?.number ?? '', r.accident ?? '',
    r.decidedOn, r.decidedBy, r.documentNo ?? '',
  ];
}
