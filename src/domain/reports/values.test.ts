import { describe, expect, it } from 'vitest';
import type { Indicator } from './template.ts';
import { displayValue, shown, shownValues } from './values.ts';

const yesno: Indicator = { key: 'media', label: '是否在主流媒体播放安全生产专题栏目', unit: null, source: { kind: 'computed', metric: 'publicity.media_columns', display: 'yesno' } };
const count: Indicator = { key: 'columns', label: '专题栏目', unit: '个', source: { kind: 'computed', metric: 'publicity.media_columns' } };
const manual: Indicator = { key: 'n', label: '手填', unit: '个', source: { kind: 'manual', type: 'number' } };

describe('a computed figure shown as 是/否', () => {
  it.each([[0, false], [1, true], [7, true], [null, null], [true, true]] as const)('%o → %o', (v, out) => {
    expect(shown(v, 'yesno')).toBe(out);
  });

  it('prints 是/否 where its indicator says so, the count elsewhere', () => {
    const values = shownValues([yesno, count, manual], { media: 3, columns: 3, n: 0 });
    expect(values).toEqual({ media: true, columns: 3, n: 0 });
    expect([displayValue(values.media!, null), displayValue(values.columns!, '个'), displayValue(shown(0, 'yesno'), null)]).toEqual(['是', '3', '否']);
  });
});
