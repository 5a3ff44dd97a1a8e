import { describe, expect, it } from 'vitest';
import { type BoundIndicator, type SheetFacts, bindingProblems, bodyFromBindings, colLetters, colNumber, parseRange } from './workbook.ts';

/** The hand-made form of the API test: title A1:E1, 填报单位 A3:A4, 隐患排查 B3:C3, 执法 D3:E3, leaves in row 4, blank row 5. */
const TEXTS: Record<string, string> = {
  A1: '某镇调度表', A3: '填报单位', B3: '隐患排查', D3: '执法', B4: '排查（条）', C4: '已整改（条）', D4: '罚款（万元）', E4: '是否召开专题会', A7: '合计',
};
const MERGES = ['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3'];
const sheet: SheetFacts = {
  rows: 7, cols: 5, merges: MERGES, filled: new Set(Object.keys(TEXTS)),
  textAt: (row, col) => {
    const m = MERGES.map((x) => parseRange(x)!).find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
    return TEXTS[m ? `${colLetters(m.left)}${m.top}` : `${colLetters(col)}${row}`] ?? '';
  },
};
const metric = (indicator: string, m: string): BoundIndicator => ({ indicator, label: indicator, unit: null, source: { kind: 'computed', metric: m } });
const meta = { name: '本镇调度表', fillers: ['village' as const], dueText: '每月28日前', cumulative: true, graceDays: 3 };
const unitOf = (m: string) => (m === 'cases.fines' ? '万元' : '条');

describe('column letters', () => {
  it.each([['A', 1], ['Z', 26], ['AA', 27], ['AZ', 52], ['XFD', 16384]])('%s is column %i and back', (l, n) => {
    expect(colNumber(l)).toBe(n);
    expect(colLetters(n)).toBe(l);
  });
});

describe('binding problems', () => {
  it.each([
    ['a cell with text', { cells: { A1: metric('a', 'x') } }, 'cells.A1', '单元格A1已有内容，只能绑定空白单元格'],
    ['a cell a merge covers', { cells: { B1: metric('a', 'x') } }, 'cells.B1', '单元格B1在合并单元格中，请选择合并区域左上角的单元格'],
    ['a cell outside the sheet', { cells: { F5: metric('a', 'x') } }, 'cells.F5', '单元格F5不在表格范围内'],
    ['a repeated key', { cells: { B5: metric('a', 'x'), C5: metric('a', 'x') } }, 'cells.C5', '指标编号“a”与cells.B5重复'],
    ['a key that is not one', { cells: { B5: metric('1a', 'x') } }, 'cells.B5', '指标编号“1a”无效（字母开头，只含字母、数字和下划线）'],
    ['nothing bound', { cells: {} }, 'cells', '请至少绑定一个指标'],
    ['a grid whose unit column holds a figure', { cells: {}, grid: { row: 5, unitColumn: 'B', kind: 'village' as const, columns: { B: metric('a', 'x') } } }, 'grid.columns.B', 'B列已用于填写单位名称'],
    ['a grid starting on the headings', { cells: {}, grid: { row: 4, unitColumn: 'A', kind: 'village' as const, columns: { C: metric('a', 'x') } } }, 'grid.columns.C', '单元格C4已有内容，只能绑定空白单元格'],
  ])('refuses %s', (_name, b, field, message) => {
    expect(bindingProblems({ sheet: 'S', ...b }, sheet)[field]).toContain(message);
  });

  it('accepts blank cells and a unit cell', () => {
    expect(bindingProblems({ sheet: 'S', cells: { B5: metric('a', 'x'), E5: metric('b', 'y') }, unitCell: 'A5' }, sheet)).toEqual({});
  });
});

describe('the body from the bindings', () => {
  it('a grid takes the sheet\'s two-level headings, grouped as merged', () => {
    const body = bodyFromBindings({
      sheet: 'S', cells: {},
      grid: { row: 5, unitColumn: 'A', kind: 'village', columns: { B: metric('h', 'hazards.found'), C: metric('f', 'hazards.rectified'), D: metric('fines', 'cases.fines'), E: { indicator: 'm', label: '专题会', unit: null, source: { kind: 'manual', type: 'yesno' } } } },
    }, meta, sheet, unitOf);
    expect(body.layout).toEqual({
      kind: 'grid', unitHeading: '填报单位',
      headings: [
        { label: '隐患排查', children: [{ label: '排查（条）', indicator: 'h' }, { label: '已整改（条）', indicator: 'f' }] },
        { label: '执法', children: [{ label: '罚款（万元）', indicator: 'fines' }, { label: '是否召开专题会', indicator: 'm' }] },
      ],
    });
    expect(body.indicators.map((i) => [i.key, i.unit])).toEqual([['h', '条'], ['f', '条'], ['fines', '万元'], ['m', null]]);
  });

  it('a computed "是否……" cell keeps its 是/否 display and has no unit', () => {
    const media: BoundIndicator = { indicator: 'media', label: '是否播放专题栏目', unit: '个', source: { kind: 'computed', metric: 'publicity.media_columns', display: 'yesno' } };
    const body = bodyFromBindings({ sheet: 'S', cells: { B5: media } }, meta, sheet, unitOf);
    expect(body.indicators).toEqual([{ key: 'media', label: '是否播放专题栏目', unit: null, source: { kind: 'computed', metric: 'publicity.media_columns', display: 'yesno' } }]);
  });

  it('a sheet form is one section, two numbered figures a row, in reading order', () => {
    const body = bodyFromBindings({ sheet: 'S', cells: { E5: metric('e', 'hazards.found'), B5: metric('b', 'hazards.found'), C5: metric('c', 'hazards.found') } }, meta, sheet, unitOf);
    expect(body.layout).toEqual({ kind: 'sheet', sections: [{ title: '本镇调度表', rows: [{ cells: [{ no: '1', indicator: 'b' }, { no: '2', indicator: 'c' }] }, { cells: [{ no: '3', indicator: 'e' }] }] }] });
  });
});
