import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_PROBLEM_MESSAGES, type PasswordOwner, checkPassword } from '../../../domain/access/password-policy.ts';
import { invalid } from '../../http/errors.ts';

export function hashPassword(pw: string): Promise<string> {
  return hash(pw); // argon2id with the library's recommended parameters
}

export async function verifyPassword(hashed: string, pw: string): Promise<boolean> {
  try {
    return await verify(hashed, pw);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password-Aa1!');
  return dummy;
}

/** Refuses a password the policy refuses for this owner, with the message on `field`. */
export function assertPasswordPolicy(pw: string, owner: PasswordOwner & { demoAccount: boolean }, field = 'newPassword'): void {
  const problem = checkPassword(pw, owner);
  if (problem) throw invalid({ [field]: [PASSWORD_PROBLEM_MESSAGES[problem]] }, PASSWORD_PROBLEM_MESSAGES[problem]);
}
