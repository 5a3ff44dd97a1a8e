import type { TCaseListItem } from '../../../contract/cases.ts';
import { CASE_STATUS_LABELS, MEASURE_KIND_LABELS } from '../../../domain/enforcement/enforcement.ts';

export const CASE_EXPORT_COLUMNS = [
  { header: '案件编号', width: 20 }, { header: '案由', width: 36 }, { header: '生产经营单位', width: 30 }, { header: '所在村/社区', width: 12 },
  { header: '办案单位', width: 16 }, { header: '状态', width: 8 }, { header: '立案日期', width: 12 }, { header: '决定日期', width: 12 },
  { header: '决定书文号', width: 20 }, { header: '处理措施', width: 30 }, { header: '对企业罚款（元）', width: 14 },
  { header: '对主要负责人罚款（元）', width: 16 }, { header: '罚款合计（元）', width: 14 }, { header: '一案双罚', width: 8 },
  { header: '移送司法机关（人）', width: 12 }, { header: '典型案例', width: 8 }, { header: '危险作业罪', width: 10 }, { header: '结案日期', width: 12 },
];

export function caseExportRow(c: TCaseListItem): unknown[] {
  return [
    c.number, c.title, c.enterpriseName, c.villageName, c.unitName, CASE_STATUS_LABELS[c.status], c.filedOn, c.decidedOn ?? '',
    c.documentNo ?? '', c.measureKinds.map((k) => MEASURE_KIND_LABELS[k]).join('、'), c.fineOnEnterpriseYuan, c.fineOnPrincipalYuan,
    c.totalFineYuan, c.dualPenalty ? '是' : '否', c.judicialReferralPersons, c.published ? '是' : '否', c.dangerousOperationCrime ? '是' : '否',
    c.closedOn ?? '',
  ];
}
