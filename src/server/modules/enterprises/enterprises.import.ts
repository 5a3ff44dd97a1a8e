// Spreadsheet import: parse and check every row first (preview, nothing written), then commit the
// good rows in one transaction. Same file again → updates, not duplicates. The file may be the
// template or a file the township already has (a 市场监管 registry, its own ledger): its columns
// and values are read through synonyms and the person's choices (decision 023). Read as a stream,
// looked up and written in batches, so 100,000 rows fit in seconds.
import { EnterpriseCreate, type TEnterpriseCreate, type TImportPreview, VILLAGE_FROM_ADDRESS } from '../../../contract/enterprises.ts';
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
} from '../../../domain/enterprises/enterprise-rules.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { type ImportedUpdateRow, importedUpdate } from '../../../domain/enterprises/import-update.ts';
import { checkUscc, normalizeUscc } from '../../../domain/enterprises/uscc.ts';
import { isDeregistration } from '../../../domain/imports/import-synonyms.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { fromLabel, parseBool } from '../../http/xlsx-import.ts';
import { errorsPage, openStaging, rejectsWorkbook, stageBatch, takeBatch } from '../../http/xlsx-import-batch.ts';
import { SheetReading, headerTest, parseMappingField, rememberMapping, rememberedMapping } from '../../http/xlsx-mapping.ts';
import { type CapturedRow, REASON_HEADER, type RowProblem, rowCapture } from '../../http/xlsx-rejects.ts';
import { openSheetText } from '../../http/xlsx-stream.ts';
import { LOOKUP_BATCH, runInserts } from '../../kernel/bulk.ts';
import { type AuditEvent, auditAppender } from '../audit/index.ts';
import { listSectors, listUnits } from '../org/index.ts';
import { ENTERPRISE_COLUMNS, ENTERPRISE_IMPORT_FIELDS, type Column, type ColumnKey } from './enterprises.columns.ts';
import { villageFinder } from './enterprises.import-villages.ts';
import * as repo from './enterprises.repository.ts';

/** A row to stage: its data, and (domain/enterprises/import-update.ts) what it may change of a registered unit. */
interface GoodRow extends ImportedUpdateRow<TEnterpriseCreate> {
  row: number;
  existingId: string | null;
}

/** Whether a row's problems are all about its village (or it has none). */
const onlyVillage = (problems: readonly RowProblem[]) => problems.every((p) => p.column === headerOf('village'));

const KIND = 'enterprises';
/** Rows of the file checked, looked up and staged together (one lookup query each). */
const PREVIEW_BATCH = LOOKUP_BATCH;
/** Renames (and units to be closed) listed in the preview (the count says how many in all). */
const RENAMES_SHOWN = 50;
const FIELD_TO_COLUMN: Record<string, ColumnKey> = { villageId: 'village', sectorIds: 'sectors' };
const COLUMN_TO_FIELD: Partial<Record<ColumnKey, keyof TEnterpriseCreate>> = { village: 'villageId', sectors: 'sectorIds' };
const headerOf = (key: ColumnKey) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;
/** A USCC's 2nd character is the kind of body registered: 2 is 个体工商户 (GB 32100-2015). */
const kindFromUscc = (uscc: string) => (uscc === '' ? '' : uscc[1] === '2' ? ENTERPRISE_KIND_LABELS.sole_trader : ENTERPRISE_KIND_LABELS.company);

export async function previewImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer, mappingField?: string): Promise<TImportPreview> {
  const chosen = parseMappingField(mappingField);
  const remembered = await rememberedMapping(ctx.db, actor.districtId, KIND);
  const sheet = await openSheetText(buf, {
    isHeader: headerTest(ENTERPRISE_IMPORT_FIELDS, 'name', remembered, chosen), anchor: headerOf('name'), maxRows: ctx.config.importMaxRows,
  });
  const reading = new SheetReading(sheet, ENTERPRISE_IMPORT_FIELDS, { remembered, chosen, ignoreHeaders: [REASON_HEADER] });
  // Without a 单位类型 column, a row's kind is read from its USCC (a registry has no such column).
  const inferKind = !reading.has('kind') && reading.hasColumn('uscc');
  const inferable = inferKind ? ['kind'] : [];
  const errors: RowProblem[] = [];
  const missing = reading.missing(inferable);
  for (const c of missing) errors.push({ row: sheet.headerRow, column: c.header, message: '缺少必填列' });

  const villages = await villageFinder(ctx.db, actor.districtId);
  const sectorByName = new Map((await listSectors(ctx.db, actor.districtId, false)).map((s) => [s.name, s.id]));
  const scope = enterpriseScopeFor(actor);

  // Each row is known by its unit: the enterprise's name, else its code.
  const capture = rowCapture(sheet, [reading.columnOf('name'), reading.columnOf('uscc')]);
  const rejected: CapturedRow[] = [];
  // Duplicates in the file, across batches: the first occurrence of a code (else name and village) wins.
  const seen = new Map<string, number>();
  const counts = { total: 0, create: 0, update: 0 };
  // Updates that change a registered unit's name: shown before the commit, lest a mistyped code overwrite another unit.
  const renames: { row: number; from: string; to: string }[] = [];
  let renameTotal = 0;
  // Registered units the file says are gone: shown before the commit closes them.
  const closing: { row: number; name: string }[] = [];
  let closingTotal = 0;
  // Deregistered companies (注销…) that were never registered here: not imported, not wrong either.
  const gone: GoneRow[] = [];
  let passedOver = 0;
  const unplaced: { row: number; uscc: string; data: TEnterpriseCreate; rowErrors: RowProblem[] }[] = [];

  // The file is read, checked, looked up and staged a batch at a time, in its order, then let go.
  const staging = await openStaging(ctx, actor, { kind: KIND, fileName });
  try {
    for await (const batch of sheet.batches(PREVIEW_BATCH)) {
      counts.total += batch.length;
      const from = errors.length;
      // The batch's rows with no problem (repeating an earlier row counts as one), in the file's order.
      const good: GoodRow[] = [];
      for (const { row: r, values } of batch) {
        reading.observe(values);
        if (missing.length > 0) continue;
        const text = (key: ColumnKey) => reading.text(values, key);
        const rowErrors: RowProblem[] = [];
        const bad = (c: Column | ColumnKey, message: string) =>
          rowErrors.push({ row: r, column: typeof c === 'string' ? headerOf(c) : c.header, message });
        const label = <K extends string>(key: ColumnKey, labels: Record<K, string>): K | null => {
          const t = text(key);
          if (!t) return null;
          const k = fromLabel(labels, t);
          if (!k) bad(key, `“${t}”不是有效选项（可选：${Object.values(labels).join('、')}）`);
          return k ?? null;
        };
        const villageName = text('village');
        const { village, problem } = villageName === VILLAGE_FROM_ADDRESS ? villages.byAddress(text('address')) : villageName ? villages.byName(villageName) : {};
        if (problem) bad('village', problem);
        const sectorNames = text('sectors').split(/[、,，;；/\s]+/).filter(Boolean);
        const sectorIds: string[] = [];
        for (const n of sectorNames) {
          const id = sectorByName.get(n);
          if (id) sectorIds.push(id);
          else bad('sectors', `行业领域“${n}”不存在`);
        }
        const countText = text('employeeCount');
        const employeeCount = countText === '' ? null : Number(countText);
        if (countText !== '' && !Number.isInteger(employeeCount)) bad('employeeCount', '从业人数应为整数');
        const bools: Record<'isKey' | 'isHighRisk', boolean> = { isKey: false, isHighRisk: false };
        for (const k of ['isKey', 'isHighRisk'] as const) {
          const b = parseBool(text(k));
          if (b === 'bad') bad(k, '请填写“是”或“否”');
          else bools[k] = b ?? false;
        }
        const kindText = inferKind ? kindFromUscc(text('uscc').trim()) : text('kind');
        const kind = kindText ? fromLabel(ENTERPRISE_KIND_LABELS, kindText) : undefined;
        if (kindText && !kind) bad('kind', `“${kindText}”不是有效选项（可选：${Object.values(ENTERPRISE_KIND_LABELS).join('、')}）`);
        const status = label('status', ENTERPRISE_STATUS_LABELS) ?? 'operating';
        const candidate = {
          name: text('name'),
          uscc: text('uscc') || null,
          kind,
          venueType: label('venueType', VENUE_TYPE_LABELS),
          address: text('address'),
          villageId: village?.id ?? '00000000-0000-4000-8000-000000000000',
          sectorIds,
          employeeCount: Number.isInteger(employeeCount) ? employeeCount : null,
          principalName: text('principalName'),
          principalPhone: text('principalPhone'),
          safetyManagerName: text('safetyManagerName') || null,
          safetyManagerPhone: text('safetyManagerPhone') || null,
          riskGrade: label('riskGrade', RISK_GRADE_LABELS),
          ...bools,
          status,
        };
        const result = EnterpriseCreate.safeParse(candidate);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const field = String(issue.path[0] ?? 'name');
            const key = (FIELD_TO_COLUMN[field] ?? field) as ColumnKey;
            if (key === 'village' && !village) {
              if (!problem) bad('village', '请填写所在村/社区');
              continue; // else already reported
            }
            if (key === 'sectors' && sectorNames.length !== sectorIds.length) continue;
            if (key === 'kind' && kindText) continue;
            if (!ENTERPRISE_COLUMNS.some((c) => c.key === key)) continue;
            bad(key, issue.message);
          }
        }
        if (result.success && village && village.parentId) {
          const inScope = enterpriseInScope(scope, {
            id: '', districtId: actor.districtId, townshipId: village.parentId, villageId: village.id, sectorIds: result.data.sectorIds,
          });
          if (!inScope) bad(actor.role === 'department' ? 'sectors' : 'village', '不在您的管辖范围内');
        }
        // A registry's 注销/吊销 company (read as 关闭, unless the person chose otherwise) is imported
        // only to close a unit registered here, whatever else is wrong with its row: found below.
        const uscc = normalizeUscc(text('uscc'));
        const name = text('name').trim();
        if (status === 'closed' && isDeregistration(reading.raw(values, 'status'))) {
          gone.push({ row: r, uscc: uscc && !checkUscc(uscc) ? uscc : null, name, villageId: village?.id ?? null, rowErrors, data: result.success ? result.data : null });
          continue;
        }
        // Duplicates inside the file: the first row with a code (else a name in a village) owns it,
        // whether or not it has other problems. A later row with other problems is told it repeats
        // one too, or, corrected and uploaded again, it would update the first row's unit by its code.
        // A malformed code is reported as such and owns nothing.
        const key = uscc ? (checkUscc(uscc) ? null : `u:${uscc}`) : name && village ? `n:${name}|${village.id}` : null;
        const first = key === null ? undefined : seen.get(key);
        if (first !== undefined) bad(uscc ? 'uscc' : 'name', `与第${first}行重复`);
        else if (key !== null) seen.set(key, r);
        // A row whose only problem is the village the whole file's 从地址识别 could not place may still
        // update a unit registered by its code, whose village it leaves as it is: found below.
        const villageByDefault = reading.raw(values, 'village') === '' && reading.defaults.village !== undefined;
        if (villageByDefault && result.success && uscc && !checkUscc(uscc) && rowErrors.length > 0 && onlyVillage(rowErrors)) {
          unplaced.push({ row: r, uscc, data: result.data, rowErrors });
          continue;
        }
        if (rowErrors.length || !result.success) {
          errors.push(...rowErrors);
          continue;
        }
        good.push({ row: r, data: result.data, existingId: null });
      }

      // Rows unplaced by their address: an update of the unit their code registered, else their problem stands.
      const placed = new Set((await repo.findLiveByUsccs(ctx.db, unplaced.map((u) => u.uscc))).map((e) => e.uscc));
      for (const u of unplaced.splice(0)) {
        if (placed.has(u.uscc)) good.push({ row: u.row, data: u.data, existingId: null, keepVillage: true });
        else errors.push(...u.rowErrors);
      }

      // The batch's deregistered companies: a registered one is closed (or its row's problems told), the rest passed over.
      for (const g of await registeredOf(ctx, actor, gone.splice(0))) {
        if (!g.registered) passedOver++;
        // closing it needs nothing of the row but its code or name: a village it does not place is no matter
        else if (!g.data || !onlyVillage(g.rowErrors)) errors.push(...g.rowErrors);
        else good.push({ row: g.row, data: g.data, existingId: null, closeOnly: true });
      }
      errors.splice(from, Infinity, ...errors.slice(from).sort((a, b) => a.row - b.row));
      good.sort((a, b) => a.row - b.row);

      // Match existing records in batches: by USCC, else by name + village.
      const byUscc = new Map((await repo.findLiveByUsccs(ctx.db, good.flatMap((g) => (g.data.uscc ? [g.data.uscc] : [])))).map((e) => [e.uscc!, e]));
      const byName = new Map<string, string>();
      for (const e of await repo.findLiveByNamesInVillages(ctx.db, actor.districtId, good.filter((g) => !g.data.uscc).map((g) => g.data.name))) {
        if (!e.uscc && !byName.has(`${e.name}|${e.villageId}`)) byName.set(`${e.name}|${e.villageId}`, e.id);
      }
      const matched = good.map((g) => {
        const hit = g.data.uscc ? byUscc.get(g.data.uscc) : undefined;
        return { g, hit, existingId: g.data.uscc ? hit?.id ?? null : byName.get(`${g.data.name}|${g.data.villageId}`) ?? null };
      });
      const inScope = await repo.findManyInScope(ctx.db, scope, matched.flatMap((m) => (m.existingId && !(m.hit && m.hit.districtId !== actor.districtId) ? [m.existingId] : [])));
      const accepted: GoodRow[] = [];
      for (const { g, hit, existingId } of matched) {
        if (hit && hit.districtId !== actor.districtId) {
          errors.push({ row: g.row, column: headerOf('uscc'), message: '该统一社会信用代码已在其他辖区登记' });
          continue;
        }
        if (existingId && !inScope.has(existingId)) {
          errors.push({ row: g.row, column: headerOf('name'), message: '该单位已登记，但不在您的管辖范围内，不能更新' });
          continue;
        }
        accepted.push({ ...g, existingId });
        const registered = existingId ? inScope.get(existingId)?.name : undefined;
        if (g.closeOnly && registered !== undefined) {
          closingTotal++;
          if (closing.length < RENAMES_SHOWN) closing.push({ row: g.row, name: registered });
        } else if (registered !== undefined && registered !== g.data.name) {
          renameTotal++;
          if (renames.length < RENAMES_SHOWN) renames.push({ row: g.row, from: registered, to: g.data.name });
        }
      }

      await stageBatch(staging, capture, { batch, accepted, problemRows: errors.slice(from).map((e) => e.row), rejected });
      for (const g of accepted) counts[g.existingId ? 'update' : 'create']++;
    }
    // A file with no village column, its village given for the whole file (从地址识别), downloads its
    // rejected rows with an empty 所在村/社区 column: the rows the address did not place are filled
    // there and the file uploaded again, the blank ones still taking the whole file's value.
    const addVillage = !reading.hasColumn('village') && reading.defaults.village !== undefined;
    const rejects = addVillage
      ? { name: capture.name, header: [...capture.header, headerOf('village')], rows: rejected.map((r) => ({ ...r, values: [...r.values, ''] })) }
      : { name: capture.name, header: capture.header, rows: rejected };
    // An update sets what the file's own columns say, never a whole-file value or what it lacks.
    const updateFields = ENTERPRISE_COLUMNS.filter((c) => reading.hasColumn(c.key)).map((c) => COLUMN_TO_FIELD[c.key] ?? c.key);
    const report = { keep: 'rejected' as const, labelTitle: headerOf('name'), sheets: [rejects], problems: errors, mapping: chosen, passedOver, updateFields };
    const saved = await staging.save(report, counts.total);
    return {
      ...saved, fileName, totalRows: counts.total, validRows: counts.create + counts.update, toCreate: counts.create, toUpdate: counts.update, renames, renameTotal, deregistered: passedOver, closing, closingTotal,
      mapping: reading.info(inferable, { village: [VILLAGE_FROM_ADDRESS, ...villages.names()], sectors: [...sectorByName.keys()] }),
    };
  } catch (e) {
    // The preview's own error is the one to answer; a batch left behind can never be committed.
    await staging.discard().catch(() => undefined);
    throw e;
  }
}

interface GoneRow { row: number; uscc: string | null; name: string; villageId: string | null; rowErrors: RowProblem[]; data: TEnterpriseCreate | null }

/** Whether each deregistered row names a live unit: by its code anywhere, else by name in its village. */
async function registeredOf(ctx: AppContext, actor: Actor, rows: GoneRow[]): Promise<(GoneRow & { registered: boolean })[]> {
  if (rows.length === 0) return [];
  const usccs = new Set((await repo.findLiveByUsccs(ctx.db, rows.flatMap((g) => (g.uscc ? [g.uscc] : [])))).map((e) => e.uscc));
  const named = new Set((await repo.findLiveByNamesInVillages(ctx.db, actor.districtId, rows.filter((g) => !g.uscc && g.villageId).map((g) => g.name)))
    .map((e) => `${e.name}|${e.villageId}`));
  return rows.map((g) => ({ ...g, registered: g.uscc ? usccs.has(g.uscc) : named.has(`${g.name}|${g.villageId}`) }));
}

export async function commitImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  const scope = enterpriseScopeFor(actor);
  const who = { userId: actor.userId, displayName: actor.displayName };
  return ctx.db.transaction(async (tx) => {
    const batch = await takeBatch<GoodRow>(tx, actor, KIND, batchId, now);
    let created = 0;
    let updated = 0;
    const villages = new Map((await listUnits(tx, { districtId: actor.districtId, kind: 'village' })).map((r) => [r.unit.id, r.unit]));
    // Re-check at commit time: someone may have registered the same code since the preview.
    const registered = await repo.registeredSincePreview(tx, batchId);
    const audit = await auditAppender(tx);
    for await (const page of batch.staged()) {
      const rows = page.map((p) => p.data);
      const targets = rows.map((g) => ({ g, existingId: g.existingId ?? (g.data.uscc ? registered.get(g.data.uscc) ?? null : null) }));
      const current = await repo.findManyInScope(tx, scope, targets.flatMap((t) => (t.existingId ? [t.existingId] : [])));
      const audits: { row: number; event: AuditEvent }[] = [];
      const inserts: { row: number; values: Parameters<typeof repo.insertEnterprises>[1][number] }[] = [];
      for (const { g, existingId } of targets) {
        const set = existingId ? importedUpdate(g, batch.updateFields) : g.data;
        const townshipId = 'villageId' in set ? villages.get(g.data.villageId)?.parentId : undefined;
        if ('villageId' in set && !townshipId) {
          batch.skip(g.row, headerOf('village'), '该村/社区已不存在，未导入');
          continue;
        }
        if (!existingId) {
          inserts.push({ row: g.row, values: { ...g.data, districtId: actor.districtId, townshipId: townshipId!, createdBy: actor.userId, createdAt: now, updatedAt: now } });
          continue;
        }
        const before = current.get(existingId);
        if (!before || before.voidedAt) {
          batch.skip(g.row, headerOf('name'), '该单位已作废或不在您的管辖范围内，未更新');
          continue;
        }
        const e = await repo.updateEnterprise(tx, existingId, null, { ...set, ...(townshipId ? { townshipId } : {}), updatedAt: now });
        audits.push({ row: g.row, event: { at: now, districtId: actor.districtId, actor: who, action: 'enterprise.import_update', entityType: 'enterprise', entityId: existingId, before, after: e } });
        updated++;
      }
      // The insert runs while the page's audit rows are hashed in the chain; they follow it.
      const inserting = repo.prepareEnterpriseInserts(inserts.map((i) => i.values));
      const sent = runInserts(tx, inserting);
      inserting.rows.forEach((e, i) => audits.push({
        row: inserts[i]!.row,
        event: { at: now, districtId: actor.districtId, actor: who, action: 'enterprise.import_create', entityType: 'enterprise', entityId: e.id, after: inserting.auditValue(i) },
      }));
      created += inserting.rows.length;
      // One audit row per record, in the file's order, written per batch.
      const chained = audit.chain(audits.sort((a, b) => a.row - b.row).map((a) => a.event));
      await sent;
      await audit.write(chained);
    }
    await rememberMapping(tx, actor, KIND, batch.mapping, now);
    return { created, updated, skipped: await batch.finish(), ...(batch.passedOver ? { deregistered: batch.passedOver } : {}) };
  });
}

/** The rows of a batch not imported, with their reasons, to fix and upload again. */
export const enterpriseImportRejects = (ctx: AppContext, actor: Actor, batchId: string) => rejectsWorkbook(ctx.db, actor, KIND, batchId);

/** A page of the problems the preview found. */
export const enterpriseImportErrors = (ctx: AppContext, actor: Actor, batchId: string, q: { page: number; pageSize: number }) => errorsPage(ctx.db, actor, KIND, batchId, q);
