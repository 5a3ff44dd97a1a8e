import { describe, expect, it } from 'vitest';
import { failedAttemptsNotice } from './failed-attempts.ts';

describe('failedAttemptsNotice', () => {
  it('says how many, when the last was in Beijing time, and from where', () => {
    expect(failedAttemptsNotice({ count: 3, lastAt: '2024-06-03T01:30:05.000Z', lastAddress: '10.7.7.2' })).toBe(
      '自上次登录以来，有 3 次失败的登录尝试（最近一次：2024-06-03 09:30:05，来源地址 10.7.7.2）',
    );
  });

  it('words an unknown address', () => {
    expect(failedAttemptsNotice({ count: 1, lastAt: '2024-06-03T01:30:05.000Z', lastAddress: '' })).toContain('来源地址 未知');
  });
});
