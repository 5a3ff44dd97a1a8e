import { describe, expect, it } from 'vitest';
import {
  KNOWN_ADDRESS_DAYS, LOGIN_MESSAGES, MAX_ACCOUNT_DELAY_MS, type SourceState, accountDelayMs, isKnownAddress, loginGate, sourceAfterFailure,
  waitText,
} from './login-throttle.ts';

const limits = { maxFailures: 5, lockoutMinutes: 30 };
const now = new Date('2024-06-03T01:30:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);
const fresh: SourceState = { failures: 0, lockedUntil: null, lastSuccessAt: null };
const noFailures = { count: 0, lastAt: null };

describe('the delay across addresses', () => {
  it.each([
    [0, 0], [4, 0], [5, 1000], [6, 2000], [7, 4000], [13, 256_000], [14, MAX_ACCOUNT_DELAY_MS], [1000, MAX_ACCOUNT_DELAY_MS],
  ])('after %i failures since the last sign-in is %i ms', (failures, ms) => {
    expect(accountDelayMs(limits, failures)).toBe(ms);
  });

  it('never exceeds the lockout itself', () => {
    expect(accountDelayMs({ maxFailures: 3, lockoutMinutes: 1 }, 50)).toBe(60_000);
  });
});

describe('loginGate', () => {
  it('opens for an address with no state and an account with no failures', () => {
    expect(loginGate(limits, noFailures, null, now)).toEqual({ kind: 'open' });
  });

  it('refuses a locked address, saying how long is left', () => {
    const source = { ...fresh, failures: 5, lockedUntil: later(90_000) };
    expect(loginGate(limits, noFailures, source, now)).toEqual({ kind: 'address_locked', until: later(90_000), waitMs: 90_000 });
  });

  it('opens an address whose lock has run out', () => {
    expect(loginGate(limits, noFailures, { ...fresh, failures: 5, lockedUntil: now }, now)).toEqual({ kind: 'open' });
  });

  it('makes an address wait the account delay after the last failure', () => {
    const account = { count: 7, lastAt: ago(1000) }; // 4 s delay
    expect(loginGate(limits, account, null, now)).toEqual({ kind: 'account_delayed', until: later(3000), waitMs: 3000 });
    expect(loginGate(limits, { count: 7, lastAt: ago(4000) }, null, now)).toEqual({ kind: 'open' });
  });

  it('lets the account’s own address skip the delay, for 90 days after its last sign-in there', () => {
    const account = { count: 500, lastAt: now };
    const own = { ...fresh, lastSuccessAt: ago(KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000) };
    expect(loginGate(limits, account, own, now)).toEqual({ kind: 'open' });
    const stale = { ...fresh, lastSuccessAt: ago(KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000 + 1) };
    expect(loginGate(limits, account, stale, now).kind).toBe('account_delayed');
    expect(isKnownAddress(null, now)).toBe(false);
  });

  it('still locks the account’s own address after its own failures', () => {
    const own = { failures: 5, lockedUntil: later(60_000), lastSuccessAt: ago(1000) };
    expect(loginGate(limits, noFailures, own, now).kind).toBe('address_locked');
  });
});

describe('sourceAfterFailure', () => {
  it.each([
    [null, 1, false],
    [{ ...fresh, failures: 3 }, 4, false],
    [{ ...fresh, failures: 4 }, 5, true],
    // an expired lock starts a fresh count
    [{ ...fresh, failures: 5, lockedUntil: ago(1) }, 1, false],
  ])('from %j counts %i (locks: %s)', (source, failures, locked) => {
    const next = sourceAfterFailure(limits, source, now);
    expect(next).toEqual({ failures, locked, lockedUntil: locked ? later(30 * 60_000) : null });
  });
});

describe('messages', () => {
  it.each([[1, '1秒'], [999, '1秒'], [59_001, '60秒'], [60_000, '1分钟'], [61_000, '2分钟'], [30 * 60_000, '30分钟']])('words %i ms as %s', (ms, text) => {
    expect(waitText(ms)).toBe(text);
  });

  it('says how long to wait, in Chinese', () => {
    expect(LOGIN_MESSAGES.lockedNow(5, 30)).toContain('请30分钟后再试');
    expect(LOGIN_MESSAGES.addressLocked(29 * 60_000 + 1)).toContain('请30分钟后再试');
    expect(LOGIN_MESSAGES.accountDelayed(4000)).toContain('请4秒后再试');
  });
});
