import { describe, expect, it } from 'vitest';
import { DateStr } from './common.ts';

describe('DateStr', () => {
  const message = (v: string) => DateStr.safeParse(v).error?.issues.map((i) => i.message);
  it('takes a real day and words each problem', () => {
    expect(DateStr.parse('2024-02-29')).toBe('2024-02-29');
    expect(message('')).toEqual(['请选择日期']);
    expect(message('2024/02/01')).toEqual(['日期格式应为 YYYY-MM-DD']);
    expect(message('2023-02-29')).toEqual(['日期不存在']);
  });
});
