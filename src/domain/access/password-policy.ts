// Password policy: at least 8 characters using at least three of four classes, and not an obvious
// choice: the account's own username or display name (whatever the case, spacing or full-width
// forms), or the demo accounts' password, which is printed in the README for all to read.
export type PasswordProblem = 'too_short' | 'too_few_classes' | 'same_as_username' | 'same_as_display_name' | 'demo_password';

/** The one password of every demo account (demo data only: DEMO=off never seeds). */
export const DEMO_PASSWORD = 'Anzhi@2024';

/** Whose password it is. */
export interface PasswordOwner {
  username?: string | null;
  displayName?: string | null;
  /**
   * Whether the account was seeded as a demo account. The demo password is refused when this is
   * false; when it is not known (the web's instant check) the server decides.
   */
  demoAccount?: boolean;
}

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^A-Za-z0-9]/.test(pw)) n++;
  return n;
}

/**
 * What a guesser would not tell apart: case, white space and full-width forms (ＡＢＣ, the
 * ideographic space) are dropped before two strings are compared.
 */
export function comparable(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function checkPassword(pw: string, owner: PasswordOwner = {}): PasswordProblem | null {
  if ([...pw].length < 8) return 'too_short';
  if (passwordClasses(pw) < 3) return 'too_few_classes';
  const p = comparable(pw);
  if (owner.username && p === comparable(owner.username)) return 'same_as_username';
  if (owner.displayName && p === comparable(owner.displayName)) return 'same_as_display_name';
  if (owner.demoAccount === false && p === comparable(DEMO_PASSWORD)) return 'demo_password';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: '密码至少8位',
  too_few_classes: '密码需包含大写字母、小写字母、数字、符号中的至少三类',
  same_as_username: '密码不能与用户名相同（不区分大小写和空格）',
  same_as_display_name: '密码不能与姓名相同（不区分大小写和空格）',
  demo_password: '不能使用演示账号的公开密码，请另设密码',
};
