import { describe, expect, it } from 'vitest';
import { describeDeadline, needsConfirmation, parseDeadline, type Period } from './index.ts';

const P000: Period = { start: '2023-05-18', end: '2023-12-31' };
const P003: Period = { start: '2024-11-15', end: '2025-02-28' };
const label = (text: string, period: Period) => describeDeadline(parseDeadline(text, period), period);

describe('describeDeadline', () => {
  it.each([
    ['2023年7月30日前', P000, '2023年7月30日前（1次）'],
    ['8月中旬、11月中旬', P000, '2023年8月20日、11月20日前（共2次）'],
    ['2024年11月30日、1月31日', P003, '2024年11月30日、2025年1月31日前（共2次）'],
    ['2023年7月30日18:00前', P000, '2023年7月30日 18:00前（1次）'],
    ['每月', P000, '每月末（共8次）'],
    ['每月28日前', P000, '每月28日（共8次）'],
    ['每月14日和月底18:00', P003, '每月14日和月底 18:00（共7次）'],
    ['每月的10日、20日、30前', P003, '每月10日、20日和30日（共11次）'],
    ['每季度', P003, '每季度末（共2次）'],
    ['每半年', P000, '每半年末（共2次）'],
    ['每年至少1次', P000, '每年末（1次）'],
    ['每3个月', P000, '每3个月（共3次）'],
    ['每周', P000, '每周（共33次）'],
    ['每周五12点前', { start: '2018-08-01', end: '2018-08-31' }, '每周五 12:00（共5次）'],
    ['2024年12月1日—2025年1月31日', P003, '2024年12月1日至2025年1月31日（1次）'],
    ['2025年2月1日—2月28日', P003, '2025年2月1日至2月28日（1次）'],
    ['常态化', P000, '常态化：按专项行动报送周期报送'],
    ['按上级要求', P000, '无法识别：请人工确认'],
  ])('%s → %s', (text, period, expected) => {
    expect(label(text, period)).toBe(expected);
  });
});

describe('needsConfirmation', () => {
  it('asks for what was not read or was assumed, not for what the text says', () => {
    expect(needsConfirmation(parseDeadline('2023年7月30日前', P000))).toBe(false);
    expect(needsConfirmation(parseDeadline('每月', P000))).toBe(false);
    expect(needsConfirmation(parseDeadline('常态化', P000))).toBe(false);
    expect(needsConfirmation(parseDeadline('即日起—2024年11月30日', P003))).toBe(false);
    expect(needsConfirmation(parseDeadline('8月中旬、11月中旬', P000))).toBe(true);
    expect(needsConfirmation(parseDeadline('2月底', P003))).toBe(true);
    expect(needsConfirmation(parseDeadline('另行通知', P000))).toBe(true);
  });
});
