// 等保 2.0 level-3 account rules as plain functions: password expiry, who must sign in with a second
// factor, how long a pending sign-in and the audit trail last. The clock is always a parameter.
import type { Role } from './roles.ts';

const DAY_MS = 24 * 60 * 60_000;

/** Roles a district can oblige to sign in with TOTP (管理员 and 安委办: they hold the region's data and accounts). */
export const TOTP_REQUIRABLE_ROLES: readonly Role[] = ['admin', 'office'];

/** Whether the account must have TOTP on before it gets a session for anything else. */
export function totpRequired(role: Role, district: { totpRequiredForStaff: boolean }): boolean {
  return district.totpRequiredForStaff && TOTP_REQUIRABLE_ROLES.includes(role);
}

/**
 * The password lifetime that holds for a district: its own choice when it made one (0 included:
 * never, whatever the server says), else the server's PASSWORD_MAX_AGE_DAYS.
 */
export function passwordMaxAgeDays(districtChoice: number | null, serverDefault: number): number {
  return districtChoice ?? serverDefault;
}

/** A password lifetime in words: 永不过期, 90天; null (the district made no choice) 按系统默认. */
export function passwordMaxAgeText(days: number | null): string {
  return days === null ? '按系统默认' : days === 0 ? '永不过期' : `${days}天`;
}

/** Whether a password set at `changedAt` has expired at `now` (maxAgeDays 0: passwords never expire). */
export function passwordExpired(changedAt: Date, maxAgeDays: number, now: Date): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() >= maxAgeDays * DAY_MS;
}

/** The least audit retention a level-3 system may keep (等保 2.0: 审计记录留存不少于六个月). */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/** Entries recorded before this instant may be purged; younger ones never are. */
export function auditPurgeCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - Math.max(retentionDays, MIN_AUDIT_RETENTION_DAYS) * DAY_MS);
}

/** How long the second step of a sign-in waits for its code, and how many wrong codes it takes. */
export const PENDING_LOGIN_MINUTES = 5;
export const PENDING_LOGIN_MAX_ATTEMPTS = 5;

/** A user agent as people read it: browser and system, e.g. "Chrome 120 · Windows". */
export function userAgentSummary(ua: string | null): string {
  if (!ua) return '未知设备';
  const browser =
    /Edg\/(\d+)/.exec(ua) ? `Edge ${/Edg\/(\d+)/.exec(ua)![1]}`
      : /MicroMessenger\/(\d+)/.exec(ua) ? '微信'
        : /Firefox\/(\d+)/.exec(ua) ? `Firefox ${/Firefox\/(\d+)/.exec(ua)![1]}`
          : /(?:Chrome|Chromium)\/(\d+)/.exec(ua) ? `Chrome ${/(?:Chrome|Chromium)\/(\d+)/.exec(ua)![1]}`
            : /Version\/(\d+).*Safari/.exec(ua) ? `Safari ${/Version\/(\d+).*Safari/.exec(ua)![1]}`
              : null;
  const system =
    /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad|iOS/.test(ua) ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (!browser && !system) return ua.slice(0, 40);
  return [browser ?? '其他浏览器', system].filter(Boolean).join(' · ');
}
