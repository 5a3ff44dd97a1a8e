// What the user is told on signing in when their password was tried wrongly since their last
// sign-in: perhaps they mistyped, perhaps someone guessed; either way they should know.
import type { TFailedAttempts } from '../../../contract/auth.ts';
import { formatDateTime } from '../../lib/format.ts';

export function failedAttemptsNotice(f: TFailedAttempts): string {
  return `自上次登录以来，有 ${f.count} 次失败的登录尝试（最近一次：${formatDateTime(f.lastAt)}，来源地址 ${f.lastAddress || '未知'}）`;
}

/**
 * The notice travels from the login page (no antd there) to the signed-in frame, which shows it
 * once: module state, since both run in the same page without a reload.
 */
let pendingNotice: string | null = null;
export function keepFailedAttemptsNotice(text: string): void {
  pendingNotice = text;
}
export function takeFailedAttemptsNotice(): string | null {
  const t = pendingNotice;
  pendingNotice = null;
  return t;
}
