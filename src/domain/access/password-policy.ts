// Password policy: at least 8 characters using at least three of four classes.
export type PasswordProblem = 'too_short' | 'too_few_classes';

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^A-Za-z0-9]/.test(pw)) n++;
  return n;
}

export function checkPassword(pw: string): PasswordProblem | null {
  if ([...pw].length < 8) return 'too_short';
  if (passwordClasses(pw) < 3) return 'too_few_classes';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: '密码至少8位',
  too_few_classes: '密码需包含大写字母、小写字母、数字、符号中的至少三类',
};
