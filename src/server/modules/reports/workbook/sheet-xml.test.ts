// The SpreadsheetML text edits on their own: a sheet splits and joins back to the same bytes,
// written text is escaped, and references move as Excel moves them when rows are inserted.
import { describe, expect, it } from 'vitest';
import { cellText, escapeXml, joinSheet, sharedStrings, splitSheet, valueCell } from './sheet-xml.ts';
import { shiftFormula, shiftRanges } from './workbook-fill.ts';

const SHEET = '<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:C3"/><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/></row>'
  + '<row r="3"><c r="A3" t="inlineStr"><is><t>合计 &amp; 小计</t></is></c><c r="B3"><f>SUM(B1:B2)</f><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>';

describe('sheet XML', () => {
  it('splits into rows and cells and joins back byte for byte', () => {
    const p = splitSheet(SHEET);
    expect(p.rows.map((r) => [r.row, r.cells.map((c) => c.col)])).toEqual([[1, [1, 2]], [3, [1, 2]]]);
    expect(joinSheet(p)).toBe(SHEET);
  });

  it('reads shared and inline strings and knows a formula cell is filled', () => {
    const [a1, b1] = splitSheet(SHEET).rows[0]!.cells;
    const [a3, b3] = splitSheet(SHEET).rows[1]!.cells;
    const strings = sharedStrings('<sst><si><r><t>某镇</t></r><r><t>调度表</t></r><rPh><t>ちょう</t></rPh></si></sst>');
    expect(cellText(a1!, strings)).toEqual({ text: '某镇调度表', filled: true });
    expect(cellText(b1!, strings)).toEqual({ text: '', filled: false });
    expect(cellText(a3!, strings).text).toBe('合计 & 小计');
    expect(cellText(b3!, strings)).toEqual({ text: '3', filled: true });
  });

  it('escapes what it writes and drops characters XML cannot hold', () => {
    expect(valueCell('A5', '3', '<村>&"居"\u0001')).toBe('<c r="A5" s="3" t="inlineStr"><is><t>&lt;村&gt;&amp;&quot;居&quot;</t></is></c>');
    expect(valueCell('B5', null, 1.2)).toBe('<c r="B5"><v>1.2</v></c>');
    expect(escapeXml("a'b")).toBe('a&apos;b');
  });
});

describe('moving rows down', () => {
  const move = { at: 6, by: 3, growFrom: 5 };
  it.each([
    ['SUM(B5:B5)', 'SUM(B5:B8)'],
    ['SUM($B$5:$B$5)+B6', 'SUM($B$5:$B$8)+B9'],
    ['B4*2', 'B4*2'],
    ['LOG10(B7)', 'LOG10(B10)'],
    ['"B7 不动"&B7', '"B7 不动"&B10'],
    ["Sheet2!B7+'其他'!B7", "Sheet2!B7+'其他'!B7"],
    ['SUM(B1:B4)', 'SUM(B1:B4)'],
  ])('%s becomes %s', (f, expected) => {
    expect(shiftFormula(f, move)).toBe(expected);
  });

  it('moves and grows ranges in attributes', () => {
    expect(shiftRanges('A1:E1 B5:E5 A7:E7', move)).toBe('A1:E1 B5:E8 A10:E10');
  });
});
