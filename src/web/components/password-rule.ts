// The password policy as shown to people; the server remains the authority (it alone knows
// whether an account is a demo account, so the demo password is its to refuse).
import type { FormRule } from 'antd';
import { PASSWORD_PROBLEM_MESSAGES, type PasswordOwner, checkPassword } from '../../domain/access/password-policy.ts';

export const PASSWORD_POLICY_TEXT = '至少8位，包含大写字母、小写字母、数字、符号中的至少三类，不能与用户名或姓名相同';

/** The policy's message for `password` of `owner`, or null. */
export function passwordProblemText(password: string | undefined, owner: PasswordOwner = {}): string | null {
  const problem = password ? checkPassword(password, owner) : null;
  return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : null;
}

/**
 * An antd Form rule giving instant feedback with the domain's password check; `owner` is read at
 * validation time (the create form's username and name are fields of the same form).
 */
export function passwordRule(owner: () => PasswordOwner = () => ({})): FormRule {
  return {
    validator: (_r: unknown, v: string | undefined) => {
      const text = passwordProblemText(v, owner());
      return text ? Promise.reject(new Error(text)) : Promise.resolve();
    },
  };
}
