import { describe, expect, it } from 'vitest';
import { expandDeadline, needsConfirmation, parseDeadline, type Period } from './index.ts';

// A wrong date given confidently is worse than no date: chrono-node, for one, reads "每月25日前" as
// "25 days ago". Each string below is either unread, or read to exactly the stated rule.
const P: Period = { start: '2024-11-15', end: '2025-02-28' };

describe('nothing confidently wrong comes out', () => {
  it('reads 每月25日前 as the 25th of every month, never as a relative date', () => {
    const rule = parseDeadline('每月25日前', P);
    expect(rule).toMatchObject({ kind: 'recurring', every: 'month', interval: 1, days: [25], certainty: 'certain' });
    expect(expandDeadline(rule, P).map((d) => d.due)).toEqual(['2024-11-25', '2024-12-25', '2025-01-25', '2025-02-25']);
  });

  it.each([
    '', '   ', '。', '随时', '及时', '立即', '立即整改', '尽快', '适时', '定期', '不定期', '按上级要求', '根据上级要求', '另行通知', '待定', '视情况',
    '25日前', '25天前', '3个月内', '30日内', '15个工作日内', '用3个月左右时间', '为期一个月', '一周内', '当天',
    '春节前后', '节前', '汛期', '汛前', '国庆期间', '两会期间', '6月中', '月初', '年初', '下个月', '上个月', '近期',
    '20XX年6月30日前', 'X月X日', '2023年  月  日', '某月某日', '2023年13月1日', '2023年2月30日前', '2023年6月31日前', '0月5日',
    '周调度、月小结、季通报、年总结', '每月有研判', '每季度首月10日前', '每3个月的25日', '每年6月', '每', '每次', '每个', '每月32日', '每月0日', '每周8',
    '2023年7月30日前及时上报', '6月底主汛期前', '2024年12月1日至2024年11月1日', '从2017年12月1日起', '自8月5日起', '7月30日18:00、8月30日12:00',
    'hello', '12345', '2023', 'ASAP', '至少组织开展1次',
  ])('%j is unread, with its text and a reason', (text) => {
    const rule = parseDeadline(text, P);
    expect(rule.kind).toBe('unread');
    expect(rule.text).toBe(text);
    expect(rule.notes.length).toBeGreaterThan(0);
    expect(needsConfirmation(rule)).toBe(true);
    expect(expandDeadline(rule, P)).toEqual([]);
  });

  it.each([
    ['每周一次', 'recurring', undefined], // once a week, not Mondays
    ['每月一次', 'recurring', undefined], // once a month, not the 1st
    ['每月1日', 'recurring', [1]],
    ['每周五12点前', 'recurring', [5]], // Friday 12:00, not "5" and "12"
  ] as const)('%j is read as exactly what it says', (text, kind, days) => {
    const rule = parseDeadline(text, P);
    expect(rule.kind).toBe(kind);
    expect(rule.kind === 'recurring' ? rule.days : undefined).toEqual(days);
  });

  it('never reads a yearless date as certain', () => {
    for (const text of ['7月30日前', '2月底', '年底前', '8月中旬、11月中旬', '春节前', '12月', '6月14']) {
      expect(needsConfirmation(parseDeadline(text, P))).toBe(true);
    }
  });
});
