import { describe, expect, it } from 'vitest';
import { DASHENG_DEPARTMENT_SUMMARY, CHONGMING_DISPATCH } from '../../../../domain/reports/seed-forms.ts';
import { groupCells, showValue } from './labels.ts';

const cellsOf = (b: typeof CHONGMING_DISPATCH) => b.indicators.map((i) => ({ key: i.key, label: i.label }));

describe('a form\'s cells as the page groups them', () => {
  it('a grid by its top-level headings, each leaf labelled by its path', () => {
    const g = groupCells(DASHENG_DEPARTMENT_SUMMARY.layout, cellsOf(DASHENG_DEPARTMENT_SUMMARY));
    expect(g.map((x) => x.title)).toEqual(['基础工作', '督导检查', '隐患排查整治情况', '其他']);
    expect(g[0]!.cells.map((c) => c.label)).toEqual(['监管单位（家）', '分级监管 · 红色单位（家）', '分级监管 · 橙色单位（家）', '分级监管 · 黄色单位（家）', '分级监管 · 蓝色单位（家）']);
    expect(g.flatMap((x) => x.cells)).toHaveLength(16);
  });
  it('a sheet by its sections, with the item numbers', () => {
    const g = groupCells(CHONGMING_DISPATCH.layout, cellsOf(CHONGMING_DISPATCH));
    expect(g).toHaveLength(4);
    expect(g[0]!.cells[0]!.label).toBe('1. 企业自查发现的重大事故隐患');
    expect(g.flatMap((x) => x.cells)).toHaveLength(CHONGMING_DISPATCH.indicators.length);
  });
  it('prints 万元 from fen and yes/no', () => {
    expect(showValue(1_200_000, '万元')).toBe('1.20');
    expect(showValue(true, null)).toBe('是');
    expect(showValue(null, '家')).toBe('—');
  });
});
