import { describe, expect, it } from 'vitest';
import { drawSheet, proposedLabel } from './workbook-grid.ts';

const sheet = drawSheet({
  rows: 5, cols: 5, widths: [], heights: [],
  merges: ['A1:E1', 'A3:A4', 'B3:C3'],
  cells: [
    { a: 'A1', t: '某镇调度表', filled: true }, { a: 'A3', t: '填报单位', filled: true }, { a: 'B3', t: '隐患排查', filled: true },
    { a: 'B4', t: '排查（条）', filled: true }, { a: 'C4', t: '已整改（条）', filled: true }, { a: 'B5', t: '', filled: false, border: true },
    { a: 'D5', t: '重大隐患', filled: true },
  ],
});

describe('the drawn sheet', () => {
  it('spans a merge from its top-left cell and hides the cells it covers', () => {
    expect(sheet.span(1, 1)).toEqual({ rowSpan: 1, colSpan: 5 });
    expect(sheet.span(3, 1)).toEqual({ rowSpan: 2, colSpan: 1 });
    expect(sheet.covered(4, 1)).toBe(true);
    expect(sheet.textAt(3, 3)).toBe('隐患排查');
  });

  it('binds blank cells only, never a text or a covered cell', () => {
    expect(sheet.bindable('B5')).toBe(true);
    expect(sheet.bindable('A1')).toBe(false);
    expect(sheet.bindable('C3')).toBe(false);
    expect(sheet.bindable('F5')).toBe(false);
  });

  it('proposes the text to the left, else the headings above', () => {
    expect(proposedLabel(sheet, 'E5')).toBe('重大隐患');
    expect(proposedLabel(sheet, 'B5')).toBe('隐患排查·排查（条）');
    expect(proposedLabel(sheet, 'C5')).toBe('隐患排查·已整改（条）');
  });
});
