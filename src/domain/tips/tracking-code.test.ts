// The tracking code: drawn evenly from the alphabet without look-alikes, 20 characters, typed back
// in any case, with dashes or spaces, or full-width from a Chinese keyboard.
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, codeFromBytes, formatCode, normalizeCode } from './tracking-code.ts';

describe('codeFromBytes', () => {
  it('draws 20 characters from the alphabet, skipping the bytes that would bias it', () => {
    const bytes = new Uint8Array(48).map((_, i) => (i * 37 + 11) % 256);
    const code = codeFromBytes(bytes)!;
    expect(code).toHaveLength(CODE_LENGTH);
    for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    // 240–255 are skipped: a code of only those is impossible
    expect(codeFromBytes(new Uint8Array(48).fill(250))).toBeNull();
    expect(codeFromBytes(new Uint8Array([...new Uint8Array(10).fill(245), ...new Uint8Array(20).fill(0)]))).toBe('2'.repeat(20));
  });

  it('uses every character equally often over the accepted bytes', () => {
    const counts = new Map<string, number>();
    const all = new Uint8Array(240).map((_, i) => i);
    for (let start = 0; start < 240; start += 20) {
      for (const ch of codeFromBytes(all.subarray(start, start + 20))!) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(CODE_ALPHABET.length);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('has no look-alikes', () => {
    for (const ch of '01OILU') expect(CODE_ALPHABET).not.toContain(ch);
  });
});

describe('normalizeCode', () => {
  const code = 'DEMQANZHJBCX23456789';
  it.each([
    ['DEMQ-ANZH-JBCX-2345-6789'], ['demq anzh jbcx 2345 6789'], ['ＤＥＭＱ－ＡＮＺＨ－ＪＢＣＸ－２３４５－６７８９'], [formatCode(code)],
  ])('reads %s', (typed) => expect(normalizeCode(typed)).toBe(code));
  it.each([['DEMQ-ANZH-JBCX-2345-678'], ['DEMQ-ANZH-JBCX-2345-67890'], ['DEMO-ANZH-JBCX-2345-6789'], ['']])('refuses %s', (typed) => expect(normalizeCode(typed)).toBeNull());
});
