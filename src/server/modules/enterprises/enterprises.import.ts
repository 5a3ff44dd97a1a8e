// Spreadsheet import: parse and check every row first (preview, nothing written),
// then commit the good rows in one transaction. Same file again → updates, not duplicates.
import { EnterpriseCreate, type TEnterpriseCreate, type TImportPreview } from '../../../contract/enterprises.ts';
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
} from '../../../domain/enterprises/enterprise-rules.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../../domain/access/scope.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { cellText, columnIndex, findHeaderRow, fromLabel, lastDataRow, parseBool, readWorkbook } from '../../http/xlsx-import.ts';
import { rejectsWorkbook, saveBatch, takeBatch } from '../../http/xlsx-import-batch.ts';
import { type RowProblem, captureSheet } from '../../http/xlsx-rejects.ts';
import { recordAudit } from '../audit/index.ts';
import { listSectors, listUnits } from '../org/index.ts';
import { COLUMN_BY_HEADER, ENTERPRISE_COLUMNS, type Column, type ColumnKey } from './enterprises.columns.ts';
import * as repo from './enterprises.repository.ts';

interface GoodRow {
  row: number;
  data: TEnterpriseCreate;
  existingId: string | null;
}

const FIELD_TO_COLUMN: Record<string, ColumnKey> = { villageId: 'village', sectorIds: 'sectors' };
const headerOf = (key: ColumnKey) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;

export async function previewImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer): Promise<TImportPreview> {
  const ws = await readWorkbook(buf);
  const headerRow = findHeaderRow(ws, '单位名称');
  const colIndex = columnIndex(ws, headerRow, COLUMN_BY_HEADER);
  const errors: RowProblem[] = [];
  const missing = ENTERPRISE_COLUMNS.filter((c) => c.required && !colIndex.has(c.key));
  for (const c of missing) errors.push({ row: headerRow, column: c.header, message: '缺少必填列' });

  const villages = (await listUnits(ctx.db, { districtId: actor.districtId, kind: 'village' })).map((r) => r.unit);
  // Village names can repeat across townships: such a name must be written 镇名/村名.
  const townshipName = new Map(
    (await listUnits(ctx.db, { districtId: actor.districtId, kind: 'township' })).map((r) => [r.unit.id, r.unit.name]),
  );
  const villagesByName = new Map<string, typeof villages>();
  for (const v of villages) villagesByName.set(v.name, [...(villagesByName.get(v.name) ?? []), v]);
  const findVillage = (text: string): { village?: (typeof villages)[number]; problem?: string } => {
    const [a, b] = text.split(/[/／]/).map((x) => x.trim());
    const name = b ?? a!;
    const candidates = (villagesByName.get(name) ?? []).filter((v) => b === undefined || townshipName.get(v.parentId ?? '') === a);
    if (candidates.length === 1) return { village: candidates[0]! };
    if (candidates.length > 1) return { problem: `有多个同名村/社区“${name}”，请填写为“镇名/村名”` };
    return { problem: `村/社区“${text}”不存在` };
  };
  const sectorByName = new Map((await listSectors(ctx.db, actor.districtId, false)).map((s) => [s.name, s.id]));
  const scope = enterpriseScopeFor(actor);

  const parsed: GoodRow[] = [];
  const lastRow = lastDataRow(ws, headerRow);
  let totalRows = 0;
  for (let r = headerRow + 1; r <= lastRow && missing.length === 0; r++) {
    const row = ws.getRow(r);
    const text = (key: ColumnKey) => (colIndex.has(key) ? cellText(row.getCell(colIndex.get(key)!)) : '');
    if (ENTERPRISE_COLUMNS.every((c) => text(c.key) === '')) continue; // blank line
    totalRows++;
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
    const { village, problem } = villageName ? findVillage(villageName) : {};
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
    const candidate = {
      name: text('name'),
      uscc: text('uscc') || null,
      kind: label('kind', ENTERPRISE_KIND_LABELS) ?? undefined,
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
      status: label('status', ENTERPRISE_STATUS_LABELS) ?? 'operating',
    };
    const result = EnterpriseCreate.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        const key = (FIELD_TO_COLUMN[field] ?? field) as ColumnKey;
        if (key === 'village' && !village) continue; // already reported
        if (key === 'sectors' && sectorNames.length !== sectorIds.length) continue;
        if (key === 'kind' && text('kind')) continue;
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
    if (rowErrors.length || !result.success) {
      errors.push(...rowErrors);
      continue;
    }
    parsed.push({ row: r, data: result.data, existingId: null });
  }

  // Duplicates inside the file: the first occurrence wins, later ones are reported.
  const seen = new Map<string, number>();
  const good: GoodRow[] = [];
  for (const g of parsed) {
    const key = g.data.uscc ? `u:${g.data.uscc}` : `n:${g.data.name}|${g.data.villageId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: g.row, column: g.data.uscc ? headerOf('uscc') : headerOf('name'), message: `与第${first}行重复` });
      continue;
    }
    seen.set(key, g.row);
    good.push(g);
  }

  // Match existing records: by USCC, else by name + village.
  const byUscc = new Map((await repo.findLiveByUsccs(ctx.db, good.flatMap((g) => (g.data.uscc ? [g.data.uscc] : [])))).map((e) => [e.uscc!, e]));
  const byName = await repo.findLiveByNamesInVillages(ctx.db, actor.districtId, good.filter((g) => !g.data.uscc).map((g) => g.data.name));
  const accepted: GoodRow[] = [];
  for (const g of good) {
    let existingId: string | null;
    if (g.data.uscc) {
      const hit = byUscc.get(g.data.uscc);
      if (hit && hit.districtId !== actor.districtId) {
        errors.push({ row: g.row, column: headerOf('uscc'), message: '该统一社会信用代码已在其他辖区登记' });
        continue;
      }
      existingId = hit?.id ?? null;
    } else {
      existingId = byName.find((e) => e.name === g.data.name && e.villageId === g.data.villageId && !e.uscc)?.id ?? null;
    }
    if (existingId && !(await repo.findEnterpriseInScope(ctx.db, scope, existingId))) {
      errors.push({ row: g.row, column: headerOf('name'), message: '该单位已登记，但不在您的管辖范围内，不能更新' });
      continue;
    }
    accepted.push({ ...g, existingId });
  }

  // Each row is known by its unit: the enterprise's name, else its code.
  const sheet = captureSheet(ws, headerRow, lastRow, [colIndex.get('name'), colIndex.get('uscc')]);
  const report = { keep: 'rejected' as const, labelTitle: headerOf('name'), sheets: [sheet], problems: errors };
  const saved = await saveBatch(ctx, actor, { kind: 'enterprises', fileName, rows: accepted, report, totalRows });
  return {
    ...saved,
    fileName,
    totalRows,
    validRows: accepted.length,
    toCreate: accepted.filter((g) => !g.existingId).length,
    toUpdate: accepted.filter((g) => g.existingId).length,
  };
}

export async function commitImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  const scope = enterpriseScopeFor(actor);
  return ctx.db.transaction(async (tx) => {
    const batch = await takeBatch<GoodRow>(tx, actor, 'enterprises', batchId, now);
    let created = 0;
    let updated = 0;
    const villages = new Map((await listUnits(tx, { districtId: actor.districtId, kind: 'village' })).map((r) => [r.unit.id, r.unit]));
    for (const g of batch.rows) {
      const townshipId = villages.get(g.data.villageId)?.parentId;
      if (!townshipId) {
        batch.skip(g.row, headerOf('village'), '该村/社区已不存在，未导入');
        continue;
      }
      // Re-check at commit time: someone may have registered the same code since the preview.
      const existingId = g.existingId ?? (g.data.uscc ? (await repo.findLiveByUscc(tx, g.data.uscc))?.id ?? null : null);
      if (existingId) {
        const current = await repo.findEnterpriseInScope(tx, scope, existingId);
        if (!current || current.e.voidedAt) {
          batch.skip(g.row, headerOf('name'), '该单位已作废或不在您的管辖范围内，未更新');
          continue;
        }
        const e = await repo.updateEnterprise(tx, existingId, null, { ...g.data, townshipId, updatedAt: now });
        await recordAudit(tx, { at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName }, action: 'enterprise.import_update', entityType: 'enterprise', entityId: existingId, before: current.e, after: e });
        updated++;
      } else {
        const e = await repo.insertEnterprise(tx, { ...g.data, districtId: actor.districtId, townshipId, createdBy: actor.userId, createdAt: now, updatedAt: now });
        await recordAudit(tx, { at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName }, action: 'enterprise.import_create', entityType: 'enterprise', entityId: e.id, after: e });
        created++;
      }
    }
    return { created, updated, skipped: await batch.finish() };
  });
}

/** The rows of a batch not imported, with their reasons, to fix and upload again. */
export const enterpriseImportRejects = (ctx: AppContext, actor: Actor, batchId: string) => rejectsWorkbook(ctx.db, actor, 'enterprises', batchId);
