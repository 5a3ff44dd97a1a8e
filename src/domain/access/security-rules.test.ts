import { describe, expect, it } from 'vitest';
import { auditPurgeCutoff, passwordExpired, passwordMaxAgeDays, passwordMaxAgeText, totpRequired, userAgentSummary } from './security-rules.ts';

describe('passwordExpired', () => {
  const changed = new Date('2024-01-01T00:00:00Z');
  it.each([
    [0, '2030-01-01T00:00:00Z', false],
    [90, '2024-03-30T23:59:59Z', false],
    [90, '2024-03-31T00:00:00Z', true],
    [1, '2024-01-02T00:00:00Z', true],
  ])('max age %i days at %s → %s', (days, now, expected) => {
    expect(passwordExpired(changed, days, new Date(now))).toBe(expected);
  });
});

describe('passwordMaxAgeDays', () => {
  it('is the district’s choice when it made one, 0 (never) included, else the server’s default', () => {
    expect(passwordMaxAgeDays(30, 90)).toBe(30);
    expect(passwordMaxAgeDays(0, 90)).toBe(0);
    expect(passwordMaxAgeDays(null, 90)).toBe(90);
    expect(passwordMaxAgeDays(null, 0)).toBe(0);
  });
  it('reads in words', () => {
    expect([30, 0, null].map(passwordMaxAgeText)).toEqual(['30天', '永不过期', '按系统默认']);
  });
});

describe('totpRequired', () => {
  it('binds admins and offices of a district that turned it on, nobody else', () => {
    expect(totpRequired('admin', { totpRequiredForStaff: true })).toBe(true);
    expect(totpRequired('office', { totpRequiredForStaff: true })).toBe(true);
    expect(totpRequired('department', { totpRequiredForStaff: true })).toBe(false);
    expect(totpRequired('admin', { totpRequiredForStaff: false })).toBe(false);
  });
});

describe('auditPurgeCutoff', () => {
  it('never goes below 180 days', () => {
    const now = new Date('2024-12-31T00:00:00Z');
    expect(auditPurgeCutoff(30, now).toISOString()).toBe('2024-07-04T00:00:00.000Z');
    expect(auditPurgeCutoff(365, now).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('userAgentSummary', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome 120 · Windows'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', 'Edge 120 · Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', 'Safari 17 · iOS'],
    ['Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 MicroMessenger/8.0', '微信 · Android'],
    [null, '未知设备'],
    ['lightMyRequest', 'lightMyRequest'],
  ])('%s → %s', (ua, expected) => expect(userAgentSummary(ua)).toBe(expected));
});
