import { describe, expect, it } from 'vitest';
import { readRectificationDeadline } from './rectification-deadline.ts';

const FOUND = '2024-05-31';
const due = (text: string, found: string | null = FOUND) => readRectificationDeadline(text, found);

describe('a ledger 整改期限, counted from the found day', () => {
  it('reads the dates ledgers write, and says when one does not exist', () => {
    expect(due('2024-06-30')).toEqual({ due: '2024-06-30' });
    expect(due('2024/6/3')).toEqual({ due: '2024-06-03' });
    expect(due('2024.6.3')).toEqual({ due: '2024-06-03' });
    expect(due('2024年6月3日')).toEqual({ due: '2024-06-03' });
    expect(due('２０２４－０６－３０')).toEqual({ due: '2024-06-30' }); // full-width, as Word types it
    expect(due('2023-02-29')).toEqual({ problem: 'no_day' });
    expect(due('2024-06-30', null)).toEqual({ due: '2024-06-30' }); // a date needs no found day
  });

  it('counts days, weeks and months from the found day', () => {
    expect(due('7天')).toEqual({ due: '2024-06-07' });
    expect(due('7日')).toEqual({ due: '2024-06-07' });
    expect(due('限期15天')).toEqual({ due: '2024-06-15' });
    expect(due('15日内')).toEqual({ due: '2024-06-15' });
    expect(due('十五天以内')).toEqual({ due: '2024-06-15' });
    expect(due(' 30 天内整改完成 ')).toEqual({ due: '2024-06-30' });
    expect(due('2周')).toEqual({ due: '2024-06-14' });
    expect(due('两个星期')).toEqual({ due: '2024-06-14' });
    expect(due('一个月')).toEqual({ due: '2024-06-30' }); // 05-31 + 1 month: June's last day
    expect(due('3个月内')).toEqual({ due: '2024-08-31' });
  });

  it('reads "at once" as the found day', () => {
    for (const t of ['立即', '立即整改', '即查即改', '立行立改', '当场整改', '当天', '现场整改完成']) expect(due(t)).toEqual({ due: FOUND });
  });

  it('refuses working days, words it does not know and a span with no found day, never guessing', () => {
    expect(due('5个工作日')).toEqual({ problem: 'working_days' });
    expect(due('尽快')).toEqual({ problem: 'bad_date' });
    expect(due('年底前')).toEqual({ problem: 'bad_date' });
    expect(due('7')).toEqual({ problem: 'bad_date' }); // a bare number: days or a day of month?
    expect(due('7天', null)).toEqual({ problem: 'needs_found_day' });
    expect(due('立即', null)).toEqual({ problem: 'needs_found_day' });
    expect(due('尽快', null)).toEqual({ problem: 'bad_date' });
    expect(due('')).toBeNull();
    expect(due('   ')).toBeNull();
  });
});
