// Who may try a password now. Locking a whole account after a few failures let anyone lock anyone
// out (issue 9): five wrong passwords, no session needed. So the two jobs of a lockout are split:
// - per account AND source address: LOGIN_MAX_FAILURES consecutive failures from one address lock
//   the account at that address for LOCKOUT_MINUTES; other addresses are not affected, so a
//   stranger's guesses do not lock the real user out of their own address;
// - per account, across addresses: once the account has failed LOGIN_MAX_FAILURES times since its
//   last successful sign-in, every further try must wait a delay after the last failure, doubling
//   from 1 second up to 5 minutes (never longer than LOCKOUT_MINUTES). A flood from many addresses
//   thus gets about one guess per delay. An address the account signed in from within the last 90
//   days skips the delay: the flood slows, but does not lock out, the real user on their own address.
// Pure: the clock and the stored state are passed in.

export interface LoginLimits {
  /** LOGIN_MAX_FAILURES. */
  maxFailures: number;
  /** LOCKOUT_MINUTES. */
  lockoutMinutes: number;
}

/** The longest wait across addresses. */
export const MAX_ACCOUNT_DELAY_MS = 5 * 60_000;
/** How long an address the account signed in from stays its own. */
export const KNOWN_ADDRESS_DAYS = 90;
const DAY_MS = 24 * 60 * 60_000;

/** The account's failures since its last successful sign-in, from every address. */
export interface AccountFailures {
  count: number;
  lastAt: Date | null;
}

/** What is stored of one address for one account. */
export interface SourceState {
  /** Consecutive failures from this address (since its last success, lock or unlock). */
  failures: number;
  lockedUntil: Date | null;
  lastSuccessAt: Date | null;
}

export type LoginGate =
  | { kind: 'open' }
  /** This address is locked for this account. */
  | { kind: 'address_locked'; until: Date; waitMs: number }
  /** The account is being guessed at from elsewhere: this address waits. */
  | { kind: 'account_delayed'; until: Date; waitMs: number };

/** The wait after the account's last failure, given its failures since the last sign-in. */
export function accountDelayMs(limits: LoginLimits, failures: number): number {
  if (failures < limits.maxFailures) return 0;
  const cap = Math.min(MAX_ACCOUNT_DELAY_MS, limits.lockoutMinutes * 60_000);
  return Math.min(cap, 1000 * 2 ** Math.min(failures - limits.maxFailures, 20));
}

export function isKnownAddress(source: SourceState | null, now: Date): boolean {
  return !!source?.lastSuccessAt && now.getTime() - source.lastSuccessAt.getTime() <= KNOWN_ADDRESS_DAYS * DAY_MS;
}

export function isLocked(source: Pick<SourceState, 'lockedUntil'> | null, now: Date): boolean {
  return !!source?.lockedUntil && source.lockedUntil.getTime() > now.getTime();
}

/** Whether a password may be tried for the account from this address now (before checking it). */
export function loginGate(limits: LoginLimits, account: AccountFailures, source: SourceState | null, now: Date): LoginGate {
  if (source?.lockedUntil && isLocked(source, now)) {
    return { kind: 'address_locked', until: source.lockedUntil, waitMs: source.lockedUntil.getTime() - now.getTime() };
  }
  if (isKnownAddress(source, now) || !account.lastAt) return { kind: 'open' };
  const until = account.lastAt.getTime() + accountDelayMs(limits, account.count);
  return until > now.getTime() ? { kind: 'account_delayed', until: new Date(until), waitMs: until - now.getTime() } : { kind: 'open' };
}

/** The address's state after one more wrong password; `locked` when this failure locks it. */
export function sourceAfterFailure(
  limits: LoginLimits,
  source: SourceState | null,
  now: Date,
): { failures: number; lockedUntil: Date | null; locked: boolean } {
  // A lock that has expired starts a fresh count.
  const prior = !source || (source.lockedUntil && !isLocked(source, now)) ? 0 : source.failures;
  const failures = prior + 1;
  if (failures < limits.maxFailures) return { failures, lockedUntil: null, locked: false };
  return { failures, lockedUntil: new Date(now.getTime() + limits.lockoutMinutes * 60_000), locked: true };
}

/** A wait in words: whole seconds under a minute, whole minutes (rounded up) from there. */
export function waitText(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))}秒` : `${Math.ceil(ms / 60_000)}分钟`;
}

export const LOGIN_MESSAGES = {
  /** The failure that locks the address. */
  lockedNow: (failures: number, lockoutMinutes: number) =>
    `连续${failures}次密码错误，该账号在您当前的网络地址已锁定${lockoutMinutes}分钟，请${lockoutMinutes}分钟后再试或联系管理员解锁`,
  addressLocked: (waitMs: number) => `登录失败次数过多，该账号在您当前的网络地址已锁定，请${waitText(waitMs)}后再试或联系管理员解锁`,
  accountDelayed: (waitMs: number) => `该账号近期登录失败次数较多，为防止密码被猜测，请${waitText(waitMs)}后再试`,
};
