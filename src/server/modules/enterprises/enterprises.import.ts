// Spreadsheet import: parse and check every row first (preview, nothing written),
// then commit the good rows in one transaction. Same file again → updates, not duplicates.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { EnterpriseCreate, type TEnterpriseCreate, type TImportPreview, type TImportRowError } from '../../../contract/enterprises.ts';
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
} from '../../../domain/enterprise-rules.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../../domain/scope.ts';
import type { AppContext } from '../../context.ts';
import { importBatches } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listSectors, listUnits } from '../org/org.repository.ts';
import { COLUMN_BY_HEADER, ENTERPRISE_COLUMNS, NO, YES, fromLabel, normalizeHeader, type Column, type ColumnKey } from './enterprises.columns.ts';
import * as repo from './enterprises.repository.ts';

export const MAX_IMPORT_ROWS = 5000;
const BATCH_TTL_MS = 60 * 60_000;

interface GoodRow {
  row: number;
  data: TEnterpriseCreate;
  existingId: string | null;
}

const FIELD_TO_COLUMN: Record<string, ColumnKey> = { villageId: 'village', sectorIds: 'sectors' };
const headerOf = (key: ColumnKey) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('text' in v) return String(v.text).trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Worksheet> {
  // .xlsx is a zip: refuse anything else by its content, whatever the file is called.
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 格式的 Excel 文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请确认是 .xlsx 格式的 Excel 文件');
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden');
  if (!ws) throw new AppError('VALIDATION', '文件中没有工作表');
  return ws;
}

function parseBool(text: string): boolean | undefined | 'bad' {
  if (text === '') return undefined;
  if (text === YES || /^(y|yes|true|1)$/i.test(text)) return true;
  if (text === NO || /^(n|no|false|0)$/i.test(text)) return false;
  return 'bad';
}

export async function previewImport(ctx: AppContext, actor: Actor, fileName: string, buf: Buffer): Promise<TImportPreview> {
  const ws = await readWorkbook(buf);
  // The header row is the first of the first five rows that names 单位名称.
  let headerRow = 0;
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const texts: string[] = [];
    ws.getRow(r).eachCell((c) => texts.push(normalizeHeader(cellText(c))));
    if (texts.includes('单位名称')) {
      headerRow = r;
      break;
    }
  }
  if (!headerRow) throw new AppError('VALIDATION', '未找到表头：第一行应包含“单位名称”等列名，请使用导入模板');
  const colIndex = new Map<ColumnKey, number>();
  ws.getRow(headerRow).eachCell((cell, col) => {
    const c = COLUMN_BY_HEADER.get(normalizeHeader(cellText(cell)));
    if (c && !colIndex.has(c.key)) colIndex.set(c.key, col);
  });
  const errors: TImportRowError[] = [];
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
  const lastRow = ws.actualRowCount > 0 ? ws.rowCount : 0;
  if (lastRow - headerRow > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', `一次最多导入${MAX_IMPORT_ROWS}行，请拆分文件`);
  let totalRows = 0;
  for (let r = headerRow + 1; r <= lastRow && missing.length === 0; r++) {
    const row = ws.getRow(r);
    const text = (key: ColumnKey) => (colIndex.has(key) ? cellText(row.getCell(colIndex.get(key)!)) : '');
    if (ENTERPRISE_COLUMNS.every((c) => text(c.key) === '')) continue; // blank line
    totalRows++;
    const rowErrors: TImportRowError[] = [];
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
    let existingId: string | null = null;
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
  errors.sort((a, b) => a.row - b.row);

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BATCH_TTL_MS);
  const [batch] = await ctx.db
    .insert(importBatches)
    .values({ districtId: actor.districtId, userId: actor.userId, kind: 'enterprises', fileName, rows: accepted, errors, totalRows, createdAt: now, expiresAt })
    .returning({ id: importBatches.id });
  return {
    batchId: batch!.id,
    fileName,
    totalRows,
    validRows: accepted.length,
    toCreate: accepted.filter((g) => !g.existingId).length,
    toUpdate: accepted.filter((g) => g.existingId).length,
    errors,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function commitImport(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock.now();
  const scope = enterpriseScopeFor(actor);
  return ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.id, batchId), eq(importBatches.userId, actor.userId), eq(importBatches.kind, 'enterprises')))
      .limit(1)
      .for('update');
    if (!batch) throw notFound('导入批次');
    if (batch.committedAt) throw new AppError('CONFLICT', '该批次已导入，请勿重复提交');
    if (batch.expiresAt < now) throw new AppError('CONFLICT', '预检结果已过期，请重新上传文件');
    const rows = batch.rows as GoodRow[];
    let created = 0;
    let updated = 0;
    let skipped = 0;
    const villages = new Map((await listUnits(tx, { districtId: actor.districtId, kind: 'village' })).map((r) => [r.unit.id, r.unit]));
    for (const g of rows) {
      const townshipId = villages.get(g.data.villageId)?.parentId;
      if (!townshipId) {
        skipped++;
        continue;
      }
      // Re-check at commit time: someone may have registered the same code since the preview.
      const existingId = g.existingId ?? (g.data.uscc ? (await repo.findLiveByUscc(tx, g.data.uscc))?.id ?? null : null);
      if (existingId) {
        const current = await repo.findEnterpriseInScope(tx, scope, existingId);
        if (!current || current.e.voidedAt) {
          skipped++;
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
    await tx.update(importBatches).set({ committedAt: now }).where(eq(importBatches.id, batchId));
    return { created, updated, skipped };
  });
}
