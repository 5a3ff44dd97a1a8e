// Importing an existing hazard ledger (历史隐患台账): preview every row with its problems first,
// then commit the good rows in one transaction, each with its plan, reports and timeline. The
// ledger may be the template or the township's own (its headers and words read through synonyms
// and the person's choices, decision 023); it is read as a stream, looked up in batches and
// written many rows per statement, numbers reserved in one step per year.
import type { TImportPreview } from '../../../contract/enterprises.ts';
import { isValidDay, shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import {
  HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, type HazardLevel, type HazardSource, type HazardStatus,
  DEFAULT_HAZARD_NUMBER_PREFIX, HAZARD_REFUSAL_MESSAGES, criterionRefusal, dualReportMissing, formatHazardNumber, isPlanComplete,
} from '../../../domain/hazards/hazard-machine.ts';
import { DEADLINE_PROBLEM_MESSAGES, normalizeLedgerDate, readRectificationDeadline } from '../../../domain/hazards/rectification-deadline.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { fromLabel, parseBool } from '../../http/xlsx-import.ts';
import { errorsPage, openStaging, rejectsWorkbook, stageBatch, takeBatch } from '../../http/xlsx-import-batch.ts';
import { SheetReading, headerTest, parseMappingField, rememberMapping, rememberedMapping } from '../../http/xlsx-mapping.ts';
import { type CapturedRow, REASON_HEADER, type RowProblem, rowCapture } from '../../http/xlsx-rejects.ts';
import { openSheetText } from '../../http/xlsx-stream.ts';
import { reserveRecordSeqs } from '../../kernel/record-counter.ts';
import { LOOKUP_BATCH, prepareJsonInsert, runInserts } from '../../kernel/bulk.ts';
import { prepareFirstEvents } from '../../kernel/record-events.ts';
import { hazardPlans, hazardReports, hazards } from '../../db/schema/index.ts';
import { type AuditEvent, auditAppender } from '../audit/index.ts';
import { withHazardCountsDeferred } from './hazard-counts.upkeep.ts';
import { findLiveInScopeByKeys } from '../enterprises/index.ts';
import { LedgerUnitNames, UNKNOWN_ENTERPRISE } from './hazards.import-names.ts';
import { listSectors } from '../org/index.ts';
import { HAZARD_IMPORT_FIELDS, IMPORT_STATUS_LABELS, type Key, headerOf } from './hazards.import-columns.ts';
import { existingHazardKeys, hazardKey } from './hazards.import-repo.ts';
import * as repo from './hazards.repository.ts';
import { responsibleUnitFor } from './hazards.service.ts';
import { hazardScopeSql } from './hazards.scope.ts';

export { buildHazardTemplate } from './hazards.import-columns.ts';

const KIND = 'hazards';
/** Rows of the file checked, looked up and staged together (one lookup query each). */
const PREVIEW_BATCH = LOOKUP_BATCH;

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

// A ledger's rows share a few hundred days: each day's start and validity are worked out once
// (dayjs per row and date was a second of a 100,000-row import).
const dayStarts = new Map<string, number>();
const validDays = new Map<string, boolean>();
const DAYS_KEPT = 100_000;
function remember<V>(m: Map<string, V>, key: string, value: V): V {
  if (m.size < DAYS_KEPT) m.set(key, value);
  return value;
}
const hoursInto = (day: string, hours: number) =>
  new Date((dayStarts.get(day) ?? remember(dayStarts, day, shanghaiDayStart(day).getTime())) + hours * 3_600_000);
const validDay = (day: string) => validDays.get(day) ?? remember(validDays, day, isValidDay(day));

export async function previewHazardImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer, mappingField?: string): Promise<TImportPreview> {
  const chosen = parseMappingField(mappingField);
  const remembered = await rememberedMapping(ctx.db, actor.districtId, KIND);
  const sheet = await openSheetText(buf, {
    isHeader: headerTest(HAZARD_IMPORT_FIELDS, 'enterprise', remembered, chosen), anchor: headerOf('enterprise'), maxRows: ctx.config.importMaxRows,
  });
  const reading = new SheetReading(sheet, HAZARD_IMPORT_FIELDS, { remembered, chosen, ignoreHeaders: [REASON_HEADER] });
  const errors: RowProblem[] = [];
  const missing = reading.missing();
  for (const c of missing) errors.push({ row: sheet.headerRow, column: c.header, message: '缺少必填列' });
  const sectorByName = new Map((await listSectors(ctx.db, actor.districtId, false)).map((s) => [s.name, s.id]));
  const scope = enterpriseScopeFor(actor);
  const today = shanghaiDay(ctx.clock.now());
  const keyOf = (values: readonly string[]) => ({ uscc: reading.text(values, 'uscc').toUpperCase(), name: reading.text(values, 'enterprise') });
  // Each row is known by the enterprise it names (its code when the name is blank), else its old number.
  const capture = rowCapture(sheet, [reading.columnOf('enterprise'), reading.columnOf('uscc'), reading.columnOf('originalNumber')]);
  const rejected: CapturedRow[] = [];
  // Duplicates in the file: the first row with the same enterprise, found day and description, across batches.
  const seen = new Map<string, number>();
  // Names not registered: offered the registered name each likely means, read as one the person adopted.
  const unitNames = new LedgerUnitNames({ remembered, chosen });
  let totalRows = 0;
  let validRows = 0;
  let alreadyImported = 0;

  // The file is read, checked, looked up and staged a batch at a time, in its order, then let go.
  const staging = await openStaging(ctx, actor, { kind: KIND, fileName });
  try {
    for await (const batch of sheet.batches(PREVIEW_BATCH)) {
      totalRows += batch.length;
      const from = errors.length;
      const good: GoodRow[] = [];
      // The enterprises the rows name, looked up together: by USCC when given, else by name.
      const keys = missing.length > 0 ? [] : batch.map((r) => keyOf(r.values));
      const names = keys.flatMap((k) => (!k.uscc && k.name ? [k.name] : []));
      const found = await findLiveInScopeByKeys(ctx.db, scope, {
        usccs: keys.flatMap((k) => (k.uscc ? [k.uscc] : [])), names: [...names, ...unitNames.aliasTargets(names)],
      });
      type Ent = (typeof found.byUscc)[number];
      const group = (rows: Ent[], by: (e: Ent) => string | null) => {
        const m = new Map<string, Ent[]>();
        for (const e of rows) m.set(by(e) ?? '', [...(m.get(by(e) ?? '') ?? []), e]);
        return m;
      };
      const byUscc = group(found.byUscc, (e) => e.uscc);
      const byName = group(found.byName, (e) => e.name);

      for (const { row: r, values } of batch) {
        reading.observe(values);
        if (missing.length > 0) continue;
        const text = (k: Key) => reading.text(values, k);
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
          const d = normalizeLedgerDate(t);
          if (d && validDay(d)) return d;
          // 2024-02-30 would otherwise fail the whole commit in the database
          bad(k, d ? '日期不存在' : '日期格式应为 YYYY-MM-DD');
          return null;
        };

        // The enterprise: by USCC when given, else by a name unique within the actor's scope.
        const { uscc, name: enterpriseName } = keyOf(values);
        need('enterprise');
        let ent: { id: string; townshipId: string; villageId: string } | null = null;
        if (uscc || enterpriseName) {
          const hits = uscc ? byUscc.get(uscc) ?? [] : unitNames.resolve(enterpriseName, byName);
          if (hits.length === 1) ent = hits[0]!;
          else if (hits.length > 1) bad('enterprise', '有多个同名单位，请填写统一社会信用代码');
          else {
            bad(uscc ? 'uscc' : 'enterprise', UNKNOWN_ENTERPRISE);
            if (!uscc) unitNames.unknown(errors.at(-1)!, enterpriseName);
          }
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
        // 整改期限: a date, or a span from the found day as ledgers write it ("7天", "一个月", "立即").
        const dueText = text('dueDate');
        const dueDay = dueText ? normalizeLedgerDate(dueText) : null;
        let dueDate = dueDay && validDay(dueDay) ? dueDay : null;
        if (dueText && !dueDate) {
          const read = readRectificationDeadline(dueText, foundOn);
          if (read && 'due' in read) dueDate = read.due;
          else if (read) bad('dueDate', DEADLINE_PROBLEM_MESSAGES[read.problem]);
        }
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

      await unitNames.suggest(ctx, scope);

      // Duplicates, in the file and against the ledger: same enterprise, found day and description.
      const unique: GoodRow[] = [];
      for (const g of good) {
        const first = seen.get(hazardKey(g));
        if (first !== undefined) {
          errors.push({ row: g.row, column: headerOf('description'), message: `与第${first}行重复` });
          continue;
        }
        seen.set(hazardKey(g), g.row);
        unique.push(g);
      }
      const inLedger = await existingHazardKeys(ctx.db, hazardScopeSql(actor), unique);
      const accepted: GoodRow[] = [];
      for (const g of unique) {
        // A township's ledger grows month by month and is uploaded whole again: its old rows are no
        // problem to fix, only rows not to import twice (counted apart, not in the download).
        if (inLedger.has(hazardKey(g))) alreadyImported++;
        else accepted.push(g);
      }
      await stageBatch(staging, capture, { batch, accepted, problemRows: errors.slice(from).map((e) => e.row), rejected });
      validRows += accepted.length;
    }
    const report = {
      keep: 'rejected' as const, labelTitle: headerOf('enterprise'), sheets: [{ name: capture.name, header: capture.header, rows: rejected }], problems: errors,
      mapping: chosen, passedOver: alreadyImported,
    };
    const saved = await staging.save(report, totalRows);
    return {
      ...saved, fileName, totalRows, validRows, toCreate: validRows, toUpdate: 0, alreadyImported, mapping: reading.info([], { sector: [...sectorByName.keys()] }),
      ...unitNames.report(),
    };
  } catch (e) {
    // The preview's own error is the one to answer; a batch left behind can never be committed.
    await staging.discard().catch(() => undefined);
    throw e;
  }
}

export async function commitHazardImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  const district = await repo.findUnitRow(ctx.db, actor.districtId);
  const prefix = district?.code ?? DEFAULT_HAZARD_NUMBER_PREFIX;
  return ctx.db.transaction(async (tx) => {
    const batch = await takeBatch<GoodRow>(tx, actor, KIND, batchId, now);
    const departments = new Map<string, Promise<{ id: string } | null>>();
    const audit = await auditAppender(tx);
    let created = 0;
    // The summary rows follow once for the whole file, not once per page (hazard-counts.upkeep.ts).
    await withHazardCountsDeferred(tx, async () => {
      for await (const page of batch.staged()) {
        const rows = page.map((p) => p.data);
        const yearOf = (g: GoodRow) => Number(g.foundOn.slice(0, 4));
        const next = new Map<number, number>();
        for (const year of new Set(rows.map(yearOf))) {
          next.set(year, await reserveRecordSeqs(tx, actor.districtId, 'hazard', year, rows.filter((g) => yearOf(g) === year).length));
        }
        const values = [];
        for (const g of rows) {
          const foundAt = hoursInto(g.foundOn, 12); // noon of the found day: the day is all the ledger knew
          const year = yearOf(g);
          const seq = next.get(year)!;
          next.set(year, seq + 1);
          const responsibleUnitId = await responsibleUnitFor(tx, actor, g, g.sectorId, g.level, departments);
          const closedAt = g.closedOn ? hoursInto(g.closedOn, 18) : null;
          const accepted = g.level === 'major' && g.status !== 'reported';
          values.push({
            districtId: actor.districtId, townshipId: g.townshipId, villageId: g.villageId, enterpriseId: g.enterpriseId,
            number: formatHazardNumber(prefix, year, seq), source: g.source, foundAt, foundByUserId: actor.userId,
            foundByUnitId: actor.unitId, description: g.description, location: g.location, sectorId: g.sectorId, category: g.category,
            level: g.level, criterion: g.criterion, status: g.status, responsibleUnitId, dueDate: g.plan?.dueDate ?? g.dueDate,
            acceptedAt: accepted ? now : null, acceptedBy: accepted ? actor.userId : null,
            rectificationNote: g.rectificationNote, rectifiedAt: g.rectificationNote ? closedAt ?? now : null, closedAt,
            verifierName: g.verifierName, createdBy: actor.userId, createdAt: now, updatedAt: now,
          });
        }
        // The hazards' insert runs while their plans, reports, first events and audit rows (hashed in
        // the chain) are prepared; those follow it, one statement at a time on the transaction.
        const inserting = prepareJsonInsert(hazards, values);
        const sent = runInserts(tx, inserting);
        const hs = inserting.rows;
        const plans = prepareJsonInsert(hazardPlans, rows.flatMap((g, i) => (g.plan ? [{ districtId: actor.districtId, hazardId: hs[i]!.id, ...g.plan, createdBy: actor.userId, createdAt: now }] : [])));
        const reports = prepareJsonInsert(hazardReports, rows.flatMap((g, i) =>
          ([['department', g.reportedToDepartment], ['government', g.reportedToGovernment]] as const).flatMap(([recipient, done]) => (done ? [{
            districtId: actor.districtId, hazardId: hs[i]!.id, kind: 'discovery' as const, recipient, reportedAt: hoursInto(g.foundOn, 12),
            reportedBy: '历史台账', reportedTo: recipient === 'department' ? '监管部门' : '属地政府', method: '台账导入', createdBy: actor.userId, createdAt: now,
          }] : []))));
        // One timeline event and one audit row per hazard (kernel rule), written many rows per statement.
        const events = prepareFirstEvents({ entityType: 'hazard', districtId: actor.districtId, actor, at: now }, rows.map((g, i) => ({
          entityId: hs[i]!.id, action: 'import', from: null, to: g.status,
          note: [`历史台账导入（第${g.row}行）`, g.originalNumber ? `原编号：${g.originalNumber}` : '', g.verifierName ? `验收人：${g.verifierName}，销号日期：${g.closedOn}` : '']
            .filter(Boolean).join('；'),
        })));
        // Each hazard's audit row holds it as stored: the JSON its insert sent (serialised once for both).
        const audits = audit.chain(hs.map((h, i): AuditEvent => ({
          at: now, districtId: actor.districtId, actor, action: 'hazard.import', entityType: 'hazard', entityId: h.id, after: inserting.auditValue(i),
        })));
        await sent;
        for (const next of [plans, reports, events]) await runInserts(tx, next);
        await audit.write(audits);
        created += hs.length;
      }
    });
    await rememberMapping(tx, actor, KIND, batch.mapping, now);
    return { created, updated: 0, skipped: await batch.finish(), ...(batch.passedOver ? { alreadyImported: batch.passedOver } : {}) };
  });
}

/** The rows of a batch not imported, with their reasons, to fix and upload again. */
export const hazardImportRejects = (ctx: AppContext, actor: Actor, batchId: string) => rejectsWorkbook(ctx.db, actor, KIND, batchId);

/** A page of the problems the preview found. */
export const hazardImportErrors = (ctx: AppContext, actor: Actor, batchId: string, q: { page: number; pageSize: number }) => errorsPage(ctx.db, actor, KIND, batchId, q);
