// Importing an existing hazard ledger (历史隐患台账): preview every row with its problems first,
// then commit the good rows in one transaction, each with its plan, reports and timeline.
import ExcelJS from 'exceljs';
import type { TImportPreview } from '../../../contract/enterprises.ts';
import { isValidDay, shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import {
  HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, type HazardLevel, type HazardSource, type HazardStatus,
  DEFAULT_HAZARD_NUMBER_PREFIX, HAZARD_REFUSAL_MESSAGES, criterionRefusal, dualReportMissing, formatHazardNumber, isPlanComplete,
} from '../../../domain/hazards/hazard-machine.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import {
  NO, YES, cellText, columnIndex, findHeaderRow, fromLabel, lastDataRow, normalizeHeader, parseBool, readWorkbook,
} from '../../http/xlsx-import.ts';
import { rejectsWorkbook, saveBatch, takeBatch } from '../../http/xlsx-import-batch.ts';
import { type RowProblem, captureSheet } from '../../http/xlsx-rejects.ts';
import { recordAudit } from '../audit/index.ts';
import { findLiveInScopeByKey } from '../enterprises/index.ts';
import { listSectors } from '../org/index.ts';
import * as repo from './hazards.repository.ts';
import { nextRecordSeq } from '../../kernel/record-counter.ts';
import { eventWriter } from '../../kernel/record-events.ts';
import { responsibleUnitFor } from './hazards.service.ts';
import { hazardScopeSql } from './hazards.scope.ts';

type Key =
  | 'originalNumber' | 'enterprise' | 'uscc' | 'description' | 'location' | 'sector' | 'category' | 'level' | 'criterion'
  | 'source' | 'foundOn' | 'status' | 'dueDate' | 'owner' | 'measures' | 'funds' | 'contingency' | 'rectificationNote'
  | 'closedOn' | 'verifierName' | 'reportedToDepartment' | 'reportedToGovernment';

interface Column { key: Key; header: string; required: boolean; width: number; options?: string[]; note?: string }

// Statuses an imported row may carry (作废 records are not imported).
const IMPORT_STATUS_LABELS: Record<Exclude<HazardStatus, 'voided'>, string> = {
  reported: HAZARD_STATUS_LABELS.reported, rectifying: HAZARD_STATUS_LABELS.rectifying,
  awaiting_verification: HAZARD_STATUS_LABELS.awaiting_verification, closed: HAZARD_STATUS_LABELS.closed,
};

export const HAZARD_IMPORT_COLUMNS: Column[] = [
  { key: 'originalNumber', header: '原台账编号', required: false, width: 14, note: '记入时间线，系统另行编号' },
  { key: 'enterprise', header: '单位名称', required: true, width: 30 },
  { key: 'uscc', header: '统一社会信用代码', required: false, width: 22, note: '填写时按代码匹配单位' },
  { key: 'description', header: '隐患描述', required: true, width: 40 },
  { key: 'location', header: '隐患部位', required: true, width: 16 },
  { key: 'sector', header: '行业领域', required: true, width: 12 },
  { key: 'category', header: '隐患类别', required: false, width: 12 },
  { key: 'level', header: '隐患等级', required: true, width: 10, options: Object.values(HAZARD_LEVEL_LABELS) },
  { key: 'criterion', header: '判定依据', required: false, width: 30, note: '重大隐患必填' },
  { key: 'source', header: '来源', required: true, width: 10, options: Object.values(HAZARD_SOURCE_LABELS) },
  { key: 'foundOn', header: '发现日期', required: true, width: 12, note: 'YYYY-MM-DD' },
  { key: 'status', header: '状态', required: true, width: 10, options: Object.values(IMPORT_STATUS_LABELS) },
  { key: 'dueDate', header: '整改期限', required: false, width: 12 },
  { key: 'owner', header: '整改责任人', required: false, width: 12, note: '整改中、待验收、已销号的隐患须填写五落实' },
  { key: 'measures', header: '整改措施', required: false, width: 30 },
  { key: 'funds', header: '整改资金（元）', required: false, width: 12 },
  { key: 'contingency', header: '应急预案', required: false, width: 24 },
  { key: 'rectificationNote', header: '整改情况', required: false, width: 30, note: '待验收、已销号须填写' },
  { key: 'closedOn', header: '销号日期', required: false, width: 12, note: '已销号须填写' },
  { key: 'verifierName', header: '验收人', required: false, width: 10, note: '已销号须填写' },
  { key: 'reportedToDepartment', header: '已报告监管部门', required: false, width: 10, options: [YES, NO], note: '重大隐患销号须为“是”' },
  { key: 'reportedToGovernment', header: '已报告属地政府', required: false, width: 10, options: [YES, NO], note: '重大隐患销号须为“是”' },
];
const BY_HEADER = new Map(HAZARD_IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c]));
const headerOf = (k: Key) => HAZARD_IMPORT_COLUMNS.find((c) => c.key === k)!.header;

interface GoodRow {
  row: number;
  enterpriseId: string;
  townshipId: string;
  villageId: string;
  sectorId: string;
  description: string;
  location: string;
  category: string | null;
  level: HazardLevel;
  criterion: string | null;
  source: HazardSource;
  foundOn: string;
  status: Exclude<HazardStatus, 'voided'>;
  dueDate: string | null;
  plan: { owner: string; measures: string; fundsFen: number; dueDate: string; contingencyPlan: string } | null;
  rectificationNote: string | null;
  closedOn: string | null;
  verifierName: string | null;
  reportedToDepartment: boolean;
  reportedToGovernment: boolean;
  originalNumber: string | null;
}

const hoursInto = (day: string, hours: number) => new Date(shanghaiDayStart(day).getTime() + hours * 3_600_000);
/** 2024-6-3, 2024/06/03, 2024.6.3 or 2024年6月3日 as YYYY-MM-DD (whether that day exists is checked apart). */
function normalizeDate(t: string): string | null {
  const m = t.replace(/[./年月]/g, '-').replace(/日$/, '').match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

export async function buildHazardTemplate(sectorNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  const ws = wb.addWorksheet('隐患台账');
  ws.columns = HAZARD_IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  HAZARD_IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.options) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [`"${c.options.join(',')}"`], showErrorMessage: true, error: `请从下拉列表中选择${c.header}`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 20 }, { header: '是否必填', width: 10 }, { header: '说明', width: 70 }];
  help.getRow(1).font = { bold: true };
  for (const c of HAZARD_IMPORT_COLUMNS) {
    help.addRow([c.header, c.required ? '必填' : '选填', [c.options ? `可选：${c.options.join('、')}` : '', c.note ?? ''].filter(Boolean).join('；')]);
  }
  help.addRow([]);
  help.addRow(['行业领域', '', sectorNames.join('、')]);
  help.addRow(['重复', '', '同一单位、同一发现日期、相同隐患描述的行视为重复，不会重复导入。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function previewHazardImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer): Promise<TImportPreview> {
  const ws = await readWorkbook(buf);
  const headerRow = findHeaderRow(ws, '单位名称');
  const col = columnIndex(ws, headerRow, BY_HEADER);
  const errors: RowProblem[] = [];
  const missing = HAZARD_IMPORT_COLUMNS.filter((c) => c.required && !col.has(c.key));
  for (const c of missing) errors.push({ row: headerRow, column: c.header, message: '缺少必填列' });
  const sectorByName = new Map((await listSectors(ctx.db, actor.districtId, false)).map((s) => [s.name, s.id]));
  const scope = enterpriseScopeFor(actor);
  const today = shanghaiDay(ctx.clock.now());
  const lastRow = lastDataRow(ws, headerRow);
  const good: GoodRow[] = [];
  let totalRows = 0;

  for (let r = headerRow + 1; r <= lastRow && missing.length === 0; r++) {
    const row = ws.getRow(r);
    const text = (k: Key) => (col.has(k) ? cellText(row.getCell(col.get(k)!)) : '');
    if (HAZARD_IMPORT_COLUMNS.every((c) => text(c.key) === '')) continue;
    totalRows++;
    const before = errors.length;
    const bad = (k: Key, message: string) => errors.push({ row: r, column: headerOf(k), message });
    const need = (k: Key, label = headerOf(k)) => {
      const t = text(k);
      if (!t) bad(k, `请填写${label}`);
      return t;
    };
    const label = <K extends string>(k: Key, labels: Record<K, string>, aliases: Record<string, K> = {}): K | null => {
      const t = text(k);
      if (!t) return null;
      const v = fromLabel(labels, t) ?? aliases[t];
      if (!v) bad(k, `“${t}”不是有效选项（可选：${Object.values(labels).join('、')}）`);
      return v ?? null;
    };
    const date = (k: Key) => {
      const t = text(k);
      if (!t) return null;
      const d = normalizeDate(t);
      if (d && isValidDay(d)) return d;
      // 2024-02-30 would otherwise fail the whole commit in the database
      bad(k, d ? '日期不存在' : '日期格式应为 YYYY-MM-DD');
      return null;
    };

    // The enterprise: by USCC when given, else by a name unique within the actor's scope.
    const uscc = text('uscc').toUpperCase();
    const name = need('enterprise');
    let ent: { id: string; townshipId: string; villageId: string } | null = null;
    if (uscc || name) {
      const hits = await findLiveInScopeByKey(ctx.db, scope, uscc ? { uscc } : { name });
      if (hits.length === 1) ent = hits[0]!;
      else if (hits.length > 1) bad('enterprise', '有多个同名单位，请填写统一社会信用代码');
      else bad(uscc ? 'uscc' : 'enterprise', '单位不存在或不在您的管辖范围内');
    }
    const description = need('description');
    const location = need('location');
    const sectorName = need('sector');
    const sectorId = sectorName ? sectorByName.get(sectorName) : undefined;
    if (sectorName && !sectorId) bad('sector', `行业领域“${sectorName}”不存在`);
    const level = label('level', HAZARD_LEVEL_LABELS, { 一般: 'general', 重大: 'major' });
    if (!text('level')) bad('level', '请填写隐患等级');
    const criterion = text('criterion') || null;
    const criterionProblem = level ? criterionRefusal(level, criterion) : null;
    if (criterionProblem) bad('criterion', criterionProblem);
    const source = label('source', HAZARD_SOURCE_LABELS);
    if (!text('source')) bad('source', '请填写来源');
    const foundOn = date('foundOn');
    if (!text('foundOn')) bad('foundOn', '请填写发现日期');
    if (foundOn && foundOn > today) bad('foundOn', '发现日期不能晚于今天');
    const status = label('status', IMPORT_STATUS_LABELS);
    if (!text('status')) bad('status', '请填写状态');
    const dueDate = date('dueDate');
    const fundsText = text('funds');
    const funds = fundsText === '' ? null : Number(fundsText);
    if (fundsText !== '' && !(Number.isFinite(funds) && funds! >= 0)) bad('funds', '整改资金应为不小于0的数字');
    const plan = {
      owner: text('owner') || null, measures: text('measures') || null,
      fundsFen: funds !== null && Number.isFinite(funds) ? Math.round(funds * 100) : null, dueDate, contingencyPlan: text('contingency') || null,
    };
    const anyPlan = plan.owner || plan.measures || fundsText || plan.contingencyPlan;
    if (status && status !== 'reported' && !isPlanComplete(plan)) {
      bad('owner', `“${IMPORT_STATUS_LABELS[status]}”的隐患须填写完整的五落实（整改责任人、整改措施、整改资金、整改期限、应急预案）`);
    } else if (anyPlan && !isPlanComplete(plan)) {
      bad('owner', '五落实不完整：须同时填写整改责任人、整改措施、整改资金、整改期限、应急预案');
    }
    const rectificationNote = text('rectificationNote') || null;
    if ((status === 'awaiting_verification' || status === 'closed') && !rectificationNote) bad('rectificationNote', '请填写整改情况');
    const closedOn = date('closedOn');
    const verifierName = text('verifierName') || null;
    const toDept = parseBool(text('reportedToDepartment'));
    const toGov = parseBool(text('reportedToGovernment'));
    if (toDept === 'bad') bad('reportedToDepartment', '请填写“是”或“否”');
    if (toGov === 'bad') bad('reportedToGovernment', '请填写“是”或“否”');
    if (status === 'closed') {
      if (!closedOn) bad('closedOn', '已销号的隐患须填写销号日期');
      if (!verifierName) bad('verifierName', '已销号的隐患须填写验收人');
      if (closedOn && foundOn && closedOn < foundOn) bad('closedOn', '销号日期不能早于发现日期');
      if (closedOn && closedOn > today) bad('closedOn', '销号日期不能晚于今天');
      const reported = { discoveryReportedToDepartment: toDept === true, discoveryReportedToGovernment: toGov === true };
      if (level && dualReportMissing({ level, ...reported })) bad('reportedToDepartment', HAZARD_REFUSAL_MESSAGES.dual_report_missing);
    }
    if (errors.length > before || !ent || !sectorId || !level || !source || !foundOn || !status) continue;
    good.push({
      row: r, enterpriseId: ent.id, townshipId: ent.townshipId, villageId: ent.villageId, sectorId, description, location,
      category: text('category') || null, level, criterion, source, foundOn, status, dueDate: dueDate ?? null,
      plan: isPlanComplete(plan) ? { owner: plan.owner!, measures: plan.measures!, fundsFen: plan.fundsFen!, dueDate: plan.dueDate!, contingencyPlan: plan.contingencyPlan! } : null,
      rectificationNote, closedOn: status === 'closed' ? closedOn : null, verifierName: status === 'closed' ? verifierName : null,
      reportedToDepartment: toDept === true, reportedToGovernment: toGov === true, originalNumber: text('originalNumber') || null,
    });
  }

  // Duplicates, in the file and against the ledger: same enterprise, found day and description.
  const seen = new Map<string, number>();
  const accepted: GoodRow[] = [];
  for (const g of good) {
    const key = `${g.enterpriseId}|${g.foundOn}|${g.description}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: g.row, column: headerOf('description'), message: `与第${first}行重复` });
      continue;
    }
    seen.set(key, g.row);
    if (await repo.hazardExists(ctx.db, hazardScopeSql(actor), g)) {
      errors.push({ row: g.row, column: headerOf('description'), message: '台账中已有该隐患（同一单位、同一发现日期、相同描述），不再导入' });
      continue;
    }
    accepted.push(g);
  }
  // Each row is known by the enterprise it names (its code when the name is blank), else its old number.
  const sheet = captureSheet(ws, headerRow, lastRow, [col.get('enterprise'), col.get('uscc'), col.get('originalNumber')]);
  const report = { keep: 'rejected' as const, labelTitle: headerOf('enterprise'), sheets: [sheet], problems: errors };
  const saved = await saveBatch(ctx, actor, { kind: 'hazards', fileName, rows: accepted, report, totalRows });
  return { ...saved, fileName, totalRows, validRows: accepted.length, toCreate: accepted.length, toUpdate: 0 };
}

export async function commitHazardImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  const district = await repo.findUnitRow(ctx.db, actor.districtId);
  return ctx.db.transaction(async (tx) => {
    const batch = await takeBatch<GoodRow>(tx, actor, 'hazards', batchId, now);
    let created = 0;
    for (const g of batch.rows) {
      const foundAt = hoursInto(g.foundOn, 12); // noon of the found day: the day is all the ledger knew
      const year = Number(g.foundOn.slice(0, 4));
      const seq = await nextRecordSeq(tx, actor.districtId, 'hazard', year);
      const responsibleUnitId = await responsibleUnitFor(tx, actor, g, g.sectorId, g.level);
      const closedAt = g.closedOn ? hoursInto(g.closedOn, 18) : null;
      const h = await repo.insertHazard(tx, {
        districtId: actor.districtId, townshipId: g.townshipId, villageId: g.villageId, enterpriseId: g.enterpriseId,
        number: formatHazardNumber(district?.code ?? DEFAULT_HAZARD_NUMBER_PREFIX, year, seq), source: g.source, foundAt, foundByUserId: actor.userId,
        foundByUnitId: actor.unitId, description: g.description, location: g.location, sectorId: g.sectorId, category: g.category,
        level: g.level, criterion: g.criterion, status: g.status, responsibleUnitId, dueDate: g.plan?.dueDate ?? g.dueDate,
        acceptedAt: g.level === 'major' && g.status !== 'reported' ? now : null, acceptedBy: g.level === 'major' && g.status !== 'reported' ? actor.userId : null,
        rectificationNote: g.rectificationNote, rectifiedAt: g.rectificationNote ? closedAt ?? now : null, closedAt,
        verifierName: g.verifierName, createdBy: actor.userId, createdAt: now, updatedAt: now,
      });
      if (g.plan) await repo.insertPlan(tx, { districtId: actor.districtId, hazardId: h.id, ...g.plan, createdBy: actor.userId, createdAt: now });
      for (const [recipient, done] of [['department', g.reportedToDepartment], ['government', g.reportedToGovernment]] as const) {
        if (!done) continue;
        await repo.insertReport(tx, {
          districtId: actor.districtId, hazardId: h.id, kind: 'discovery', recipient, reportedAt: foundAt,
          reportedBy: '历史台账', reportedTo: recipient === 'department' ? '监管部门' : '属地政府', method: '台账导入', createdBy: actor.userId, createdAt: now,
        });
      }
      await eventWriter(tx, { entityType: 'hazard', entityId: h.id, districtId: actor.districtId, actor, at: now })({
        action: 'import', from: null, to: g.status,
        note: [`历史台账导入（第${g.row}行）`, g.originalNumber ? `原编号：${g.originalNumber}` : '', g.verifierName ? `验收人：${g.verifierName}，销号日期：${g.closedOn}` : '']
          .filter(Boolean).join('；'),
      });
      await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'hazard.import', entityType: 'hazard', entityId: h.id, after: h });
      created++;
    }
    return { created, updated: 0, skipped: await batch.finish() };
  });
}

/** The rows of a batch not imported, with their reasons, to fix and upload again. */
export const hazardImportRejects = (ctx: AppContext, actor: Actor, batchId: string) => rejectsWorkbook(ctx.db, actor, 'hazards', batchId);
