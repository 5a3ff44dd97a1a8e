import { describe, expect, it } from 'vitest';
import { deadlineLines, taskNo } from './labels.ts';

describe('taskNo', () => {
  it('says 第N项 for a plain number and keeps any other 序号 as written', () => {
    expect(taskNo('4')).toBe('第4项');
    expect(taskNo('（1）')).toBe('（1）');
    expect(taskNo('')).toBe('');
  });
});

describe('deadlineLines', () => {
  it('shows the reading alone when it only counts the phrase', () => {
    expect(deadlineLines('2026年11月10日前', '2026年11月10日前（1次）')).toEqual({ main: '2026年11月10日前（1次）', reading: null });
    expect(deadlineLines('每月14日和月底', '每月14日和月底（共8次）')).toEqual({ main: '每月14日和月底（共8次）', reading: null });
  });
  it('keeps the phrase and its reading when the reading says more', () => {
    expect(deadlineLines('8月中旬、11月中旬', '2023年8月20日、11月20日前（共2次）')).toEqual({ main: '8月中旬、11月中旬', reading: '2023年8月20日、11月20日前（共2次）' });
    expect(deadlineLines('尽快', '无法识别')).toEqual({ main: '尽快', reading: '无法识别' });
  });
});
