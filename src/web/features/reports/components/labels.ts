import type { SubmissionView } from '../../../../domain/reports/submission-workflow.ts';
import type { ComputedDisplay, TemplateBody } from '../../../../domain/reports/template.ts';
import { shown, wanText } from '../../../../domain/reports/values.ts';

export { SUBMISSION_STATE_LABELS } from '../../../../domain/reports/submission-workflow.ts';
export { FILLER_KIND_LABELS } from '../../../../domain/reports/template.ts';

export const SUBMISSION_STATE_COLORS: Record<SubmissionView, string> = {
  missing: 'default', draft: 'processing', submitted: 'blue', returned: 'warning', approved: 'success', excused: 'default',
};

/** A figure as the page prints it (万元 from fen with two decimals; 是/否, a count too where its indicator says so). */
export function showValue(raw: number | boolean | string | null | undefined, unit: string | null, display?: ComputedDisplay): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  const v = shown(raw, display);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && unit === '万元') return wanText(v);
  return String(v);
}

export interface CellGroup<C> { title: string; cells: { label: string; cell: C }[] }

/**
 * A form's cells in reading order, in groups: a grid's top-level headings (with each leaf labelled
 * by its path below the group), a sheet's sections (with each item's number).
 */
export function groupCells<C extends { key: string; label: string }>(layout: TemplateBody['layout'], cells: readonly C[]): CellGroup<C>[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  if (layout.kind === 'sheet') {
    return layout.sections.map((s) => ({
      title: s.title,
      cells: s.rows.flatMap((r) => r.cells).flatMap((c) => {
        const cell = byKey.get(c.indicator);
        return cell ? [{ label: `${c.no ? `${c.no}. ` : '\u3000'}${cell.label}`, cell }] : [];
      }),
    }));
  }
  const out: CellGroup<C>[] = [];
  const loose: CellGroup<C> = { title: '其他', cells: [] };
  type H = (typeof layout.headings)[number];
  // `path`: the headings above h; the group's own (the first) is its title, not repeated in the label
  const leaves = (h: H, path: string[]): { label: string; cell: C }[] => {
    if (h.children?.length) return h.children.flatMap((x) => leaves(x as H, [...path, h.label]));
    const cell = byKey.get(h.indicator ?? '');
    return cell ? [{ label: [...path.slice(1), h.label].join(' · '), cell }] : [];
  };
  for (const h of layout.headings) {
    if (h.children?.length) out.push({ title: h.label, cells: leaves(h, []) });
    else loose.cells.push(...leaves(h, ['']));
  }
  if (loose.cells.length) out.push(loose);
  return out;
}
