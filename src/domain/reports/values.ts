// Cell values: how a figure is stored, shown and checked. Amounts are integer fen everywhere but
// at the edge, where forms print 万元 with two decimals.
import { type ComputedDisplay, type Indicator, type ManualType, displayOf } from './template.ts';

export type CellValue = number | boolean | string | null;

/** 万元 with two decimals, from fen (1 万元 = 1,000,000 fen). */
export const fenToWan = (fen: number): number => Math.round(fen / 100) / 10_000;
export const wanText = (fen: number): string => (fen / 1_000_000).toFixed(2);

/** Reads a manual value as its type, or says why it cannot be one. */
export function readManual(type: ManualType, raw: unknown): { ok: true; value: CellValue } | { ok: false; message: string } {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  switch (type) {
    case 'number':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 1e9 ? { ok: true, value: raw } : { ok: false, message: '请填写不小于0的整数' };
    case 'amount':
      // fen: an amount is entered in 万元 on the page and sent as integer fen
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 1e13 ? { ok: true, value: raw } : { ok: false, message: '请填写不小于0的金额' };
    case 'yesno':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, message: '请选择“是”或“否”' };
    case 'text':
      return typeof raw === 'string' && raw.length <= 500 ? { ok: true, value: raw.trim() || null } : { ok: false, message: '文字不超过500字' };
  }
}

/** A value as it prints: a count shown as 是/否 (是: it counted any record) where the indicator says so. */
export const shown = (v: CellValue, display: ComputedDisplay | undefined): CellValue => (display === 'yesno' && typeof v === 'number' ? v > 0 : v);

/** A form's figures as they print (exports and prints apply this once, then print booleans as 是/否). */
export function shownValues(indicators: readonly Indicator[], values: Readonly<Record<string, CellValue>>): Record<string, CellValue> {
  const out: Record<string, CellValue> = { ...values };
  for (const i of indicators) if (i.key in out) out[i.key] = shown(out[i.key]!, displayOf(i));
  return out;
}

/** How a value prints in a form and in Excel. */
export function displayValue(v: CellValue, unit: string | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && unit === '万元') return wanText(v);
  return String(v);
}
