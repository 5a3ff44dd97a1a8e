// A township's own Excel form becomes a template without code: the upload is opened, stored through
// the files module and answered as a preview of its first sheet; the save checks the bindings on
// that same sheet (addresses inside it and blank, metrics and their parameters, a readable due
// phrase) and stores a district library template whose body comes from the bindings, with the
// workbook and the bindings beside it for the export to fill.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SaveWorkbookTemplate, TMetricInfo, TWorkbookPreview } from '../../../../contract/report-workbooks.ts';
import { scheduleRule } from '../../../../domain/reports/rounds.ts';
import { templateProblems } from '../../../../domain/reports/template.ts';
import { type WorkbookBindings, bindingProblems, bodyFromBindings, boundIndicators, parseAddress, parseRange } from '../../../../domain/reports/workbook.ts';
import { shanghaiDay } from '../../../../domain/common/dates.ts';
import type { AppContext } from '../../../context.ts';
import { reportTemplates } from '../../../db/schema/index.ts';
import type { Actor } from '../../../http/actor.ts';
import { AppError, conflict, invalid } from '../../../http/errors.ts';
import { readingMultipart } from '../../../http/multipart.ts';
import { recordAudit } from '../../audit/index.ts';
import { claimUpload, fileBytes, freeUploadOf, storeSpreadsheet } from '../../files/index.ts';
import { METRICS, metricOf, paramProblems } from '../metrics/registry.ts';
import * as repo from '../reports.repository.ts';
import { PREVIEW_MAX_COLS, PREVIEW_MAX_ROWS, type SheetModel, WORKBOOK_MAX_BYTES, openWorkbook, readSheet } from './workbook-package.ts';

export const WORKBOOK_OWNER = 'report_template';
const PURPOSE = 'workbook';

/** The one file of the request (field `file`); content decides, not the name. */
async function readUpload(req: FastifyRequest): Promise<{ filename: string; buf: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', '请以表单方式上传 .xlsx 文件');
  const upload = await readingMultipart(async () => {
    const file = await req.file();
    return file ? { filename: file.filename, buf: await file.toBuffer() } : null;
  });
  if (!upload) throw invalid({ file: ['请选择要上传的报表文件'] }, '请选择要上传的报表文件');
  return upload;
}

function previewOf(sheet: SheetModel, file: { id: string; originalName: string }): TWorkbookPreview {
  const rows = Math.min(sheet.rows, PREVIEW_MAX_ROWS), cols = Math.min(sheet.cols, PREVIEW_MAX_COLS);
  const cells: TWorkbookPreview['cells'] = [];
  for (const [a, c] of sheet.cells) {
    const p = parseAddress(a);
    if (!p || p.row > rows || p.col > cols || (!c.text && !c.border)) continue;
    cells.push({ a, t: c.text.slice(0, 500), filled: c.filled, ...(c.bold ? { bold: true } : {}), ...(c.border ? { border: true } : {}), ...(c.align ? { align: c.align } : {}) });
  }
  return {
    fileId: file.id, fileName: file.originalName, sheet: sheet.name, rows, cols, truncated: sheet.rows > rows || sheet.cols > cols,
    widths: Array.from({ length: cols }, (_, i) => sheet.widths.get(i + 1) ?? sheet.defaultWidth),
    heights: Array.from({ length: rows }, (_, i) => sheet.heights.get(i + 1) ?? sheet.defaultHeight),
    merges: sheet.merges.filter((m) => { const r = parseRange(m); return !!r && r.top <= rows && r.left <= cols; }),
    cells,
  };
}

export async function uploadWorkbook(ctx: AppContext, actor: Actor, req: FastifyRequest): Promise<TWorkbookPreview> {
  const { filename, buf } = await readUpload(req);
  if (/\.xls$/i.test(filename) && buf.length > 0 && buf.readUInt32BE(0) !== 0x504b0304) {
    throw new AppError('UNSUPPORTED_FILE', '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传', { file: ['请上传 .xlsx 文件'] });
  }
  const sheet = await readSheet(await openWorkbook(buf));
  if (sheet.rows === 0) throw invalid({ file: ['第一张工作表是空的'] }, '第一张工作表是空的，请上传画好表格的报表');
  const file = await storeSpreadsheet(ctx, actor, { filename, data: buf, purpose: PURPOSE });
  return previewOf(sheet, file);
}

export function metricList(): { items: TMetricInfo[] } {
  return {
    items: METRICS.map((m) => ({
      key: m.key, label: m.label, unit: m.unit, description: m.description,
      params: Object.entries(m.params).map(([name, p]) => ({
        name, label: p.label, values: p.values ? Object.entries(p.values).map(([value, label]) => ({ value, label })) : null, list: p.list ?? false, required: p.required ?? false,
      })),
    })),
  };
}

const summaryOf = (ref: string, name: string, body: ReturnType<typeof bodyFromBindings>) => ({
  ref, source: 'district' as const, name, title: body.title, fillers: body.fillers, dueText: body.dueText, cumulative: body.cumulative, indicators: body.indicators.length,
  computed: body.indicators.filter((i) => i.source.kind === 'computed').length, manual: body.indicators.filter((i) => i.source.kind === 'manual').length,
});

export async function saveWorkbookTemplate(ctx: AppContext, actor: Actor, input: z.output<typeof SaveWorkbookTemplate>) {
  const file = await freeUploadOf(ctx.db, actor, input.fileId);
  const buf = file ? await fileBytes(ctx, file.id) : null;
  if (!file || !buf || file.purpose !== PURPOSE) throw invalid({ fileId: ['报表文件不存在或已保存为模板，请重新上传'] }, '报表文件不存在或已保存为模板，请重新上传');
  if (buf.length > WORKBOOK_MAX_BYTES) throw invalid({ fileId: ['报表文件过大'] });
  const sheet = await readSheet(await openWorkbook(buf));
  const bindings: WorkbookBindings = { sheet: sheet.name, cells: input.cells, unitCell: input.unitCell, grid: input.grid };
  const errors = bindingProblems(bindings, sheet.facts);
  for (const { at, bound } of boundIndicators(bindings)) {
    if (bound.source.kind !== 'computed') continue;
    const field = input.grid?.columns[at] ? `grid.columns.${at}` : `cells.${at}`;
    const problems = paramProblems(bound.source.metric, bound.source.params);
    if (problems.length) (errors[field] ??= []).push(...problems.map((p) => `${at}：${p}`));
  }
  if (input.grid && !input.fillers.includes(input.grid.kind)) (errors['grid.kind'] ??= []).push('按行填报的单位类型应在填报单位类型之中');
  const meta = { name: input.name, fillers: input.fillers, dueText: input.dueText, cumulative: input.cumulative, graceDays: input.graceDays };
  const body = bodyFromBindings(bindings, meta, sheet.facts, (m) => metricOf(m)?.unit);
  const today = shanghaiDay(ctx.clock.now());
  const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (scheduleRule(body, { start: today, end: yearOn }).kind === 'unread') {
    (errors.dueText ??= []).push(`报送时限“${input.dueText}”无法识别，请改写为如“每月28日前”“每月14日和月底18:00前”`);
  }
  if (Object.keys(errors).length === 0) {
    // what the template itself would refuse, in the same words as an edit (metrics already checked above)
    const rest = templateProblems(body, () => true).filter((p) => p.code !== 'indicators_missing');
    if (rest.length) errors.cells = rest.map((p) => p.message);
  }
  if (Object.keys(errors).length) throw invalid(errors, Object.values(errors)[0]![0]);
  const existing = await repo.libraryOf(ctx.db, actor.districtId);
  if (existing.some((t) => t.name === input.name)) throw invalid({ name: ['模板库中已有同名报表，请换一个名称'] }, '模板库中已有同名报表，请换一个名称');
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (!(await claimUpload(tx, actor, { id: file.id, ownerType: WORKBOOK_OWNER, ownerId: id, purpose: PURPOSE }))) throw conflict('报表文件已保存为模板，请重新上传');
    await tx.insert(reportTemplates).values({
      id, districtId: actor.districtId, seriesId: id, version: 1, code: null, campaignId: null, name: input.name, body, workbookFileId: file.id, bindings,
      createdBy: actor.userId, createdAt: now,
    });
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor, action: 'report_template.create', entityType: 'report_template', entityId: id, before: null,
      after: { name: input.name, fileId: file.id, indicators: body.indicators.length, layout: body.layout.kind, cells: Object.keys(input.cells), grid: input.grid ? { row: input.grid.row, columns: Object.keys(input.grid.columns) } : null },
    });
  });
  return summaryOf(id, input.name, body);
}

/** Whether the actor may download a library template's workbook: the template is of their district. */
export async function templateVisibleTo(ctx: AppContext, actor: Actor, templateId: string): Promise<boolean> {
  const t = await repo.templateById(ctx.db, templateId);
  return !!t && t.districtId === actor.districtId;
}
