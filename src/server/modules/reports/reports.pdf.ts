// A form printed as the seeds print it (for a unit that must also file on paper): the same layout
// as the Excel export, as one escaped HTML page printed to PDF by the shared Chromium printer.
import { type Heading, type TemplateBody, gridLeaves, headingDepth } from '../../../domain/reports/template.ts';
import { displayValue, type CellValue } from '../../../domain/reports/values.ts';
import type { FormSheet } from './reports.xlsx.ts';
import { esc } from '../../http/html-escape.ts';

/** The heading rows of a grid: each group spans its leaves, each leaf spans down to the last row. */
function headingRows(headings: readonly Heading[], depth: number, unitHeading: string): string[] {
  const rows: string[][] = Array.from({ length: depth }, () => []);
  rows[0]!.push(`<th rowspan="${depth}">${esc(unitHeading)}</th>`);
  const walk = (hs: readonly Heading[], level: number) => {
    for (const h of hs) {
      if (h.children?.length) {
        rows[level]!.push(`<th colspan="${gridLeaves(h.children).length}">${esc(h.label)}</th>`);
        walk(h.children, level + 1);
      } else rows[level]!.push(`<th rowspan="${depth - level}">${esc(h.label)}</th>`);
    }
  };
  walk(headings, 0);
  return rows.map((r) => `<tr>${r.join('')}</tr>`);
}

function gridHtml(body: TemplateBody & { layout: { kind: 'grid' } }, f: FormSheet): string {
  const leaves = gridLeaves(body.layout.headings);
  const units = new Map(body.indicators.map((i) => [i.key, i.unit]));
  const line = (name: string, values: Record<string, CellValue>) =>
    `<tr><td>${esc(name)}</td>${leaves.map((l) => `<td class="n">${esc(displayValue(values[l.indicator ?? ''] ?? null, units.get(l.indicator ?? '') ?? null))}</td>`).join('')}</tr>`;
  return `<table>${headingRows(body.layout.headings, headingDepth(body.layout.headings), body.layout.unitHeading).join('')}
${f.rows.map((r) => line(r.unitName, r.values)).join('')}${f.total ? line('合计', f.total) : ''}</table>`;
}

function sheetHtml(body: TemplateBody & { layout: { kind: 'sheet' } }, f: FormSheet): string {
  const byKey = new Map(body.indicators.map((i) => [i.key, i]));
  const values = f.rows[0]?.values ?? f.total ?? {};
  const out: string[] = [];
  for (const s of body.layout.sections) {
    s.rows.forEach((row, n) => {
      const groups: { no: string; label: string; keys: string[] }[] = [];
      for (const c of row.cells) {
        if (c.no || groups.length === 0) groups.push({ no: c.no, label: c.label ?? byKey.get(c.indicator)?.label ?? '', keys: [c.indicator] });
        else groups.at(-1)!.keys.push(c.indicator);
      }
      const cells = groups.map((g) => `<td class="c">${esc(g.no)}</td><td>${esc(g.label)}</td><td class="n">${esc(g.keys.map((k) => displayValue(values[k] ?? null, byKey.get(k)?.unit ?? null)).join('，'))}</td>`);
      while (cells.length < 2) cells.push('<td></td><td></td><td></td>');
      out.push(`<tr>${n === 0 ? `<th rowspan="${s.rows.length}">${esc(s.title)}</th>` : ''}${cells.join('')}</tr>`);
    });
  }
  return `<table>${out.join('')}</table>`;
}

export function formHtml(f: FormSheet): string {
  const b = f.body;
  const title = b.title.replace('{unit}', f.titleUnit);
  const [y, m, d] = f.due.split('-').map(Number);
  const landscape = b.layout.kind === 'grid';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; }
body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 10.5pt; color: #000; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 4px; } .sub { text-align: center; margin: 0 0 8px; }
.meta { display: flex; justify-content: space-between; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 4px; text-align: center; vertical-align: middle; }
td { text-align: left; } td.n, td.c { text-align: center; } .notes { margin-top: 8px; }
</style></head><body>
<h1>${esc(title)}</h1>${b.subtitle ? `<p class="sub">${esc(b.subtitle)}</p>` : ''}
<div class="meta"><span>${b.title.includes('{unit}') ? '' : `单位：${esc(f.titleUnit)}&emsp;`}填报人：${esc(f.fillerName ?? '')}</span><span>联系电话：${esc(f.fillerPhone ?? '')}&emsp;时间：${y}年${m}月${d}日</span></div>
${b.layout.kind === 'grid' ? gridHtml(b as TemplateBody & { layout: { kind: 'grid' } }, f) : sheetHtml(b as TemplateBody & { layout: { kind: 'sheet' } }, f)}
<div class="notes">${b.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>
</body></html>`;
}
