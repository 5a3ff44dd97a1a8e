import { describe, expect, it } from 'vitest';
import { expandDeadline, parseDeadline, type Period } from './index.ts';

const expand = (text: string, period: Period) => expandDeadline(parseDeadline(text, period), period);
const dues = (text: string, period: Period) => expand(text, period).map((d) => d.due);

const NOV_FEB: Period = { start: '2024-11-15', end: '2025-02-28' };
const P2023: Period = { start: '2023-05-18', end: '2023-12-31' };

describe('expandDeadline: dates and ranges', () => {
  it('covers the period from its start up to the first date, then from the day after each date', () => {
    expect(expand('8月中旬、11月中旬', P2023)).toEqual([
      { due: '2023-08-20', from: '2023-05-18' },
      { due: '2023-11-20', from: '2023-08-21' },
    ]);
  });

  it('rolls a yearless month of a Nov–Feb campaign into the next year', () => {
    expect(expand('1月底前', NOV_FEB)).toEqual([{ due: '2025-01-31', from: '2024-11-15' }]);
    expect(dues('2月底', NOV_FEB)).toEqual(['2025-02-28']);
    expect(dues('12月底前', NOV_FEB)).toEqual(['2024-12-31']);
  });

  it('keeps a date before the period, starting its window on itself', () => {
    expect(expand('2023年5月10日前', P2023)).toEqual([{ due: '2023-05-10', from: '2023-05-10' }]);
  });

  it('gives a range one occurrence, from its start to its end', () => {
    expect(expand('2025年2月1日—2月28日', NOV_FEB)).toEqual([{ due: '2025-02-28', from: '2025-02-01' }]);
    expect(expand('即日起—2024年11月30日', NOV_FEB)).toEqual([{ due: '2024-11-30', from: '2024-11-15' }]);
  });

  it('knows February in leap and common years, and 30- and 31-day months', () => {
    const y2024 = { start: '2024-01-01', end: '2024-12-31' };
    const y2023 = { start: '2023-01-01', end: '2023-12-31' };
    expect(dues('2月底前', y2024)).toEqual(['2024-02-29']);
    expect(dues('2月底前', y2023)).toEqual(['2023-02-28']);
    expect(dues('2100年2月底前', y2023)).toEqual(['2100-02-28']); // divisible by 100, not by 400
    expect(dues('2000年2月底前', y2023)).toEqual(['2000-02-29']);
    expect(dues('4月底前', y2023)).toEqual(['2023-04-30']);
    expect(dues('8月底前', y2023)).toEqual(['2023-08-31']);
    expect(dues('2月下旬前', y2024)).toEqual(['2024-02-29']);
    expect(dues('2月中旬前', y2023)).toEqual(['2023-02-20']);
    expect(dues('2月上旬前', y2023)).toEqual(['2023-02-10']);
  });

  it('gives continuous and unread rules no occurrence', () => {
    expect(expand('常态化', P2023)).toEqual([]);
    expect(expand('随时', P2023)).toEqual([]);
  });
});

describe('expandDeadline: rhythms', () => {
  it('每月: each month end inside the period, each covering its month from the 1st (or the period start)', () => {
    const out = expand('每月', P2023);
    expect(out).toHaveLength(8);
    expect(out[0]).toEqual({ due: '2023-05-31', from: '2023-05-18' });
    expect(out[1]).toEqual({ due: '2023-06-30', from: '2023-06-01' });
    expect(out.at(-1)).toEqual({ due: '2023-12-31', from: '2023-12-01' });
  });

  it('每月28日前: the 28th, covering the month from its 1st', () => {
    expect(expand('每月28日前', { start: '2023-05-23', end: '2023-07-31' })).toEqual([
      { due: '2023-05-28', from: '2023-05-23' },
      { due: '2023-06-28', from: '2023-06-01' },
      { due: '2023-07-28', from: '2023-07-01' },
    ]);
  });

  it('每月31日 falls back to the month end in short months, February of a leap year included', () => {
    expect(dues('每月31日', { start: '2024-01-01', end: '2024-06-30' })).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
    expect(dues('每月29日', { start: '2023-01-01', end: '2023-03-31' })).toEqual(['2023-01-29', '2023-02-28', '2023-03-29']);
  });

  it('每月14日和月底 18:00: two dues a month, the second covering from the 15th', () => {
    expect(expand('每月14日和月底18:00', NOV_FEB)).toEqual([
      { due: '2024-11-30', from: '2024-11-15', time: '18:00' }, // 11-14 is before the campaign
      { due: '2024-12-14', from: '2024-12-01', time: '18:00' },
      { due: '2024-12-31', from: '2024-12-15', time: '18:00' },
      { due: '2025-01-14', from: '2025-01-01', time: '18:00' },
      { due: '2025-01-31', from: '2025-01-15', time: '18:00' },
      { due: '2025-02-14', from: '2025-02-01', time: '18:00' },
      { due: '2025-02-28', from: '2025-02-15', time: '18:00' },
    ]);
  });

  it('每月上旬、中旬、下旬: the 10th, the 20th, the month end', () => {
    const feb = { start: '2024-02-01', end: '2024-02-29' };
    expect(dues('每月上旬', feb)).toEqual(['2024-02-10']);
    expect(dues('每月中旬', feb)).toEqual(['2024-02-20']);
    expect(dues('每月下旬', feb)).toEqual(['2024-02-29']);
    expect(dues('每旬', feb)).toEqual(['2024-02-10', '2024-02-20', '2024-02-29']);
  });

  it('每季度: calendar quarter ends; the last, partial quarter is due at the period end', () => {
    expect(expand('每季度', NOV_FEB)).toEqual([
      { due: '2024-12-31', from: '2024-11-15' },
      { due: '2025-02-28', from: '2025-01-01' },
    ]);
    expect(dues('每季度', { start: '2024-01-01', end: '2024-12-31' })).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });

  it('每3个月: 3-month windows counted from the period start, as the plan itself reads it (8月中旬、11月中旬)', () => {
    expect(expand('每3个月', P2023)).toEqual([
      { due: '2023-08-17', from: '2023-05-18' },
      { due: '2023-11-17', from: '2023-08-18' },
      { due: '2023-12-31', from: '2023-11-18' }, // partial window: due at the period end
    ]);
  });

  it('每N个月 from a 31st does not drift: each window counts from the period start', () => {
    expect(dues('每2个月', { start: '2023-01-31', end: '2023-08-31' })).toEqual(['2023-03-30', '2023-05-30', '2023-07-30', '2023-08-31']);
  });

  it('每半年: 06-30 and 12-31', () => {
    expect(expand('每半年', P2023)).toEqual([
      { due: '2023-06-30', from: '2023-05-18' },
      { due: '2023-12-31', from: '2023-07-01' },
    ]);
  });

  it('每年: 12-31, or the period end for a last, partial year', () => {
    expect(dues('每年', P2023)).toEqual(['2023-12-31']);
    expect(dues('每年', NOV_FEB)).toEqual(['2024-12-31', '2025-02-28']);
    expect(dues('每两年', { start: '2024-03-01', end: '2027-12-31' })).toEqual(['2026-02-28', '2027-12-31']);
  });

  it('每周: each Sunday, the first week from the period start, the last due at the period end', () => {
    const out = expand('每周', { start: '2024-11-15', end: '2024-12-04' }); // Friday … Wednesday
    expect(out).toEqual([
      { due: '2024-11-17', from: '2024-11-15' },
      { due: '2024-11-24', from: '2024-11-18' },
      { due: '2024-12-01', from: '2024-11-25' },
      { due: '2024-12-04', from: '2024-12-02' },
    ]);
  });

  it('每周五: Fridays only, none before the period start', () => {
    expect(dues('每周五', { start: '2024-11-16', end: '2024-12-06' })).toEqual(['2024-11-22', '2024-11-29', '2024-12-06']);
  });

  it('moves a due past the period end to the period end, once', () => {
    expect(dues('每月28日前', { start: '2024-01-01', end: '2024-03-20' })).toEqual(['2024-01-28', '2024-02-28', '2024-03-20']);
    expect(dues('每月14日和月底', { start: '2025-02-01', end: '2025-02-14' })).toEqual(['2025-02-14']);
  });

  it('gives nothing for a period that ends before it begins', () => {
    expect(dues('每月', { start: '2024-03-01', end: '2024-02-01' })).toEqual([]);
  });
});
