// Exports: one unit's submission, and a round's roll-up (a grid with every unit's row and the
// 合计; a sheet with the units' sums), as the seeds' own layout.
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import type { PdfPrinter } from '../../http/pdf-printer.ts';
import { formHtml } from './reports.pdf.ts';
import { type FormSheet, formWorkbook } from './reports.xlsx.ts';
import * as repo from './reports.repository.ts';
import { rollup } from './rollup.service.ts';
import { cellsOf, loadScene } from './submission-scene.ts';

const safe = (s: string) => s.replace(/[\\/:*?"<>|{}]/g, '').slice(0, 80);

/** One unit's submission as a form sheet (frozen figures once submitted), and its file name without extension. */
async function submissionSheet(ctx: AppContext, actor: Actor, key: string): Promise<{ sheet: FormSheet; name: string }> {
  const s = await loadScene(ctx.db, actor, key);
  const { cells } = await cellsOf(ctx.db, s);
  const values = Object.fromEntries(cells.map((c) => [c.key, c.value]));
  return {
    sheet: { body: s.body, titleUnit: s.unit.name, rows: [{ unitName: s.unit.name, values }], fillerName: s.row?.fillerName ?? null, fillerPhone: s.row?.fillerPhone ?? null, due: s.round.due },
    name: `${safe(s.body.title.replace('{unit}', s.unit.name))}-${s.round.due}`,
  };
}

export async function exportSubmission(ctx: AppContext, actor: Actor, key: string) {
  const { sheet, name } = await submissionSheet(ctx, actor, key);
  return { fileName: `${name}.xlsx`, buf: await formWorkbook(sheet) };
}

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
  const buf = await formWorkbook({
    body, titleUnit: r.region.name,
    rows: body.layout.kind === 'grid' ? r.rows.map((x) => ({ unitName: x.unit.name, values: x.values })) : [{ unitName: r.region.name, values: r.sum }],
    ...(body.layout.kind === 'grid' ? { total: r.sum } : {}),
    fillerName: actor.displayName, fillerPhone: null, due,
  });
  return { fileName: `${safe(body.title.replace('{unit}', r.region.name))}-${due}-汇总（已报${reported.length}家）.xlsx`, buf };
}
