// The password policy as shown to people; the server remains the authority.
import { PASSWORD_PROBLEM_MESSAGES, checkPassword } from '../../domain/access/password-policy.ts';

export const PASSWORD_POLICY_TEXT = '至少8位，包含大写字母、小写字母、数字、符号中的至少三类';

/** An antd Form rule giving instant feedback with the domain's password check. */
export const passwordRule = {
  validator: (_r: unknown, v: string | undefined) => {
    const problem = v ? checkPassword(v) : null;
    return problem ? Promise.reject(new Error(PASSWORD_PROBLEM_MESSAGES[problem])) : Promise.resolve();
  },
};
