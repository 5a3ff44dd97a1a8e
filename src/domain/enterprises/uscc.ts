// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet
// (no I, O, S, V, Z); the 18th is a check character over the first 17.
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'charset' | 'check';

export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for the first 17 characters, or null if they use a forbidden character. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(c);
}

/** Returns null when valid, or the reason it is not. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'charset';
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含非法字符（不使用 I、O、S、V、Z）',
  check: '统一社会信用代码校验位错误',
};
