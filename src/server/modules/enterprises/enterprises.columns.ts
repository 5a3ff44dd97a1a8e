// The spreadsheet columns of the enterprise registry: one list for the template, import and export.
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
} from '../../../domain/enterprises/enterprise-rules.ts';
import { ENTERPRISE_ENUM_OPTIONS, ENTERPRISE_HEADER_SYNONYMS, ENTERPRISE_VALUE_SYNONYMS } from '../../../domain/imports/import-synonyms.ts';
import { NO, YES, normalizeHeader } from '../../http/xlsx-import.ts';
import type { ImportFieldDef } from '../../http/xlsx-mapping.ts';

export type ColumnKey =
  | 'name' | 'uscc' | 'kind' | 'venueType' | 'address' | 'village' | 'sectors' | 'employeeCount' | 'principalName'
  | 'principalPhone' | 'safetyManagerName' | 'safetyManagerPhone' | 'riskGrade' | 'isKey' | 'isHighRisk' | 'status';

export interface Column {
  key: ColumnKey;
  header: string;
  required: boolean;
  width: number;
  /** Allowed values (labels) for a drop-down in the template. */
  options?: string[];
  note?: string;
}

export const ENTERPRISE_COLUMNS: Column[] = [
  { key: 'name', header: '单位名称', required: true, width: 34 },
  { key: 'uscc', header: '统一社会信用代码', required: false, width: 22, note: '企业必填；个体经营者、九小场所可不填' },
  { key: 'kind', header: '单位类型', required: true, width: 12, options: Object.values(ENTERPRISE_KIND_LABELS) },
  { key: 'venueType', header: '九小场所类型', required: false, width: 14, options: Object.values(VENUE_TYPE_LABELS), note: '单位类型为九小场所时必填' },
  { key: 'address', header: '地址', required: true, width: 30 },
  { key: 'village', header: '所在村/社区', required: true, width: 14, note: '不同镇有同名村/社区时写作“镇名/村名”' },
  { key: 'sectors', header: '行业领域', required: true, width: 20, note: '多个用顿号“、”分隔' },
  { key: 'employeeCount', header: '从业人数', required: false, width: 10, note: '少于30人为小微企业' },
  { key: 'principalName', header: '主要负责人', required: true, width: 12 },
  { key: 'principalPhone', header: '主要负责人电话', required: true, width: 16 },
  { key: 'safetyManagerName', header: '安全管理人员', required: false, width: 12 },
  { key: 'safetyManagerPhone', header: '安全管理人员电话', required: false, width: 16 },
  { key: 'riskGrade', header: '分级监管', required: false, width: 10, options: Object.values(RISK_GRADE_LABELS) },
  { key: 'isKey', header: '重点监管', required: false, width: 10, options: [YES, NO] },
  { key: 'isHighRisk', header: '高危', required: false, width: 8, options: [YES, NO] },
  { key: 'status', header: '经营状态', required: false, width: 10, options: Object.values(ENTERPRISE_STATUS_LABELS), note: '默认在营' },
];

export const COLUMN_BY_HEADER = new Map(ENTERPRISE_COLUMNS.map((c) => [normalizeHeader(c.header), c]));

/** The columns as an import reads them: with the names other files give them and their values (decision 023). */
export const ENTERPRISE_IMPORT_FIELDS: ImportFieldDef[] = ENTERPRISE_COLUMNS.map((c) => ({
  key: c.key, header: c.header, required: c.required, synonyms: ENTERPRISE_HEADER_SYNONYMS[c.key],
  options: ENTERPRISE_ENUM_OPTIONS[c.key], valueSynonyms: ENTERPRISE_VALUE_SYNONYMS[c.key],
}));
