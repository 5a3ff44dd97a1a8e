import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, checkUscc, normalizeUscc, usccCheckChar } from './uscc.ts';

describe('统一社会信用代码 check (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'company, letter in the organisation code'],
    ['911100001000079554', 'company, digits only'],
    ['91110000100017643K', 'check character is a letter'],
    ['914403001922038216', 'Shenzhen company'],
    ['91440300708461136T', 'check character T'],
    ['12100000400000624D', 'public institution (事业单位)'],
    ['11100000000013127D', 'government body (机关)'],
    ['91310000MA1FL5LX3K', 'recent-style code with MA prefix'],
  ])('accepts %s (%s)', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', 'check'],
    ['91350100M000100Y4A', 'check'],
    ['911100001000079555', 'check'],
    ['91110000100017643L', 'check'],
    ['91310000MA1FL5LX3X', 'check'],
    ['91350100M000100Y4', 'length'], // 17
    ['91350100M000100Y433', 'length'], // 19
    ['', 'length'],
    ['91350100M000100Y43 ', 'length'], // untrimmed input is the caller's job
    ['91350100I000100Y43', 'charset'],
    ['91350100O000100Y43', 'charset'],
    ['91350100S000100Y43', 'charset'],
    ['91350100V000100Y43', 'charset'],
    ['91350100Z000100Y43', 'charset'],
    ['91350100m000100Y43', 'charset'], // lower case must be normalised first
    ['91350100M000100Y4-', 'charset'],
    ['９1350100M000100Y43', 'charset'], // full-width digit
  ] as const)('rejects %s as %s', (code, problem) => {
    expect(checkUscc(code)).toBe(problem);
  });

  it.each([
    ['91350100m000100y43', '91350100M000100Y43'],
    ['  91350100M000100Y43\t', '91350100M000100Y43'],
    [' 91110000100017643k ', '91110000100017643K'],
  ])('normalises %j to %s, which then passes', (raw, normalised) => {
    expect(normalizeUscc(raw)).toBe(normalised);
    expect(checkUscc(normalizeUscc(raw))).toBeNull();
  });

  it('uses the 31-character alphabet without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const ch of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(ch);
  });

  it('has no check character for a body with a forbidden character', () => {
    expect(usccCheckChar('91350100I000100Y4')).toBeNull();
  });

  it('detects every single-character substitution in the body', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(checkUscc(changed), changed).toBe('check');
      }
    }
  });

  it('detects swaps of adjacent different characters', () => {
    const code = '91440300708461136T';
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(checkUscc(swapped), swapped).not.toBeNull();
    }
  });
});
