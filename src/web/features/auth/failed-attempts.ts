// What the user is told on signing in when their password was tried wrongly since their last
// sign-in: perhaps they mistyped, perhaps someone guessed; either way they should know.
import type { TFailedAttempts } from '../../../contract/auth.ts';
import { formatDateTime } from '../../lib/format.ts';

export function failedAttemptsNotice(f: TFailedAttempts): string {
  return `自上次登录以来，有 ${f.count} 次失败的登录尝试（最近一次：${formatDateTime(f.lastAt)}，来源地址 ${f.lastAddress || '未知'}）`;
}
