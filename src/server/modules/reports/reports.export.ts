// Exports: one unit's submission, and a round's roll-up (a grid with every unit's row and the
// 合计; a sheet with the units' sums), as the seeds' own layout; a form made from a township's own
// workbook fills that workbook instead (workbook/workbook-fill.ts).
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import type { TemplateBody } from '../../../domain/reports/template.ts';
import type { WorkbookBindings } from '../../../domain/reports/workbook.ts';
import { shownValues } from '../../../domain/reports/values.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { PdfPrinter } from '../../http/pdf-printer.ts';
import { fileBytes } from '../files/index.ts';
import { formHtml } from './reports.pdf.ts';
import { type FormSheet, formWorkbook } from './reports.xlsx.ts';
import { type FillInput, fillWorkbook } from './workbook/workbook-fill.ts';
import * as repo from './reports.repository.ts';
import { rollup } from './rollup.service.ts';
import { cellsOf, loadScene } from './submission-scene.ts';

const safe = (s: string) => s.replace(/[\\/:*?"<>|{}]/g, '').slice(0, 80);

/** The township's own workbook filled, when the form was made from one; null for a form the product draws. */
async function ownWorkbook(ctx: AppContext, t: repo.TemplateRow, body: TemplateBody, fill: Omit<FillInput, 'bindings' | 'units'>): Promise<Buffer | null> {
  if (!t.workbookFileId || !t.bindings) return null;
  const buf = await fileBytes(ctx, t.workbookFileId);
  if (!buf) throw new AppError('UNAVAILABLE', '报表的 Excel 原件缺失，请联系管理员');
  return fillWorkbook(buf, { ...fill, bindings: t.bindings as WorkbookBindings, units: new Map(body.indicators.map((i) => [i.key, i.unit])) });
}

/** One unit's submission as a form sheet (frozen figures once submitted), and its file name without extension. */
async function submissionSheet(ctx: AppContext, actor: Actor, key: string) {
  const s = await loadScene(ctx.db, actor, key);
  const { cells } = await cellsOf(ctx.db, s);
  const values = shownValues(s.body.indicators, Object.fromEntries(cells.map((c) => [c.key, c.value])));
  const sheet: FormSheet = { body: s.body, titleUnit: s.unit.name, rows: [{ unitName: s.unit.name, values }], fillerName: s.row?.fillerName ?? null, fillerPhone: s.row?.fillerPhone ?? null, due: s.round.due };
  return { s, values, sheet, name: `${safe(s.body.title.replace('{unit}', s.unit.name))}-${s.round.due}` };
}

export async function exportSubmission(ctx: AppContext, actor: Actor, key: string) {
  const { s, values, sheet, name } = await submissionSheet(ctx, actor, key);
  const own = await ownWorkbook(ctx, s.template, s.body, { values, unitName: s.unit.name, rows: [{ unitName: s.unit.name, values }] });
  if (own) return { fileName: `${safe(s.template.name)}-${s.unit.name}-${s.round.due}.xlsx`, buf: own };
  return { fileName: `${name}.xlsx`, buf: await formWorkbook(sheet) };
}

/** The PDF prints the product's layout of the form, also for a form made from a township's workbook. */
export async function printSubmission(ctx: AppContext, printer: PdfPrinter, actor: Actor, key: string) {
  const { sheet, name } = await submissionSheet(ctx, actor, key);
  return { fileName: `${name}.pdf`, pdf: await printer.print(formHtml(sheet)) };
}

export async function exportRollup(ctx: AppContext, actor: Actor, campaignId: string, due: string, seriesId: string) {
  const r = await rollup(ctx, actor, campaignId, due, seriesId);
  const t = await repo.currentOfSeries(ctx.db, seriesId);
  if (!t) throw notFound('报表');
  const body = repo.bodyOf(t);
  const reported = r.rows.filter((x) => x.state === 'submitted' || x.state === 'approved');
  // 是/否 figures print as such, the 合计 too (是 when any unit's was)
  const sum = shownValues(body.indicators, r.sum);
  const rows = r.rows.map((x) => ({ unitName: x.unit.name, values: shownValues(body.indicators, x.values) }));
  const own = await ownWorkbook(ctx, t, body, { values: sum, unitName: r.region.name, rows, total: sum });
  if (own) return { fileName: `${safe(t.name)}-${r.region.name}-${due}-汇总（已报${reported.length}家）.xlsx`, buf: own };
  const buf = await formWorkbook({
    body, titleUnit: r.region.name,
    rows: body.layout.kind === 'grid' ? rows : [{ unitName: r.region.name, values: sum }],
    ...(body.layout.kind === 'grid' ? { total: sum } : {}),
    fillerName: actor.displayName, fillerPhone: null, due,
  });
  return { fileName: `${safe(body.title.replace('{unit}', r.region.name))}-${due}-汇总（已报${reported.length}家）.xlsx`, buf };
}
