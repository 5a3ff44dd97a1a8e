import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, WEBHOOK_MAX_ATTEMPTS, groupRobotMessage, nextAttemptAfter, robotAccepted } from './notifications.ts';

describe('notifications', () => {
  it('labels every kind in Chinese', () => {
    for (const k of NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_LABELS[k]).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('writes the group robot markdown message, within its size limit', () => {
    const m = groupRobotMessage({ kind: 'hazard.overdue', title: 'YH-2026-0001 消防通道堵塞', body: '逾期 2 天', link: 'https://x/hazards/1' });
    expect(m).toEqual({ msgtype: 'markdown', markdown: { content: '**【隐患已逾期】YH-2026-0001 消防通道堵塞**\n> 逾期 2 天\n[查看详情](https://x/hazards/1)' } });
    const long = groupRobotMessage({ kind: 'case.step', title: '案', body: '很'.repeat(5000) });
    expect(new TextEncoder().encode(long.markdown.content).length).toBeLessThanOrEqual(4000);
  });
  it('backs off and stops after the last try', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    expect(nextAttemptAfter(1, now)!.toISOString()).toBe('2026-12-06T00:00:30.000Z');
    expect(nextAttemptAfter(2, now)!.toISOString()).toBe('2026-12-06T00:02:00.000Z');
    expect(nextAttemptAfter(WEBHOOK_MAX_ATTEMPTS, now)).toBeNull();
  });
  it('reads the robot answer', () => {
    expect(robotAccepted(200, { errcode: 0, errmsg: 'ok' })).toEqual({ ok: true });
    expect(robotAccepted(200, { errcode: 93000, errmsg: 'invalid webhook url' })).toEqual({ ok: false, error: 'errcode 93000: invalid webhook url' });
    expect(robotAccepted(502, null)).toEqual({ ok: false, error: 'HTTP 502' });
  });
});
