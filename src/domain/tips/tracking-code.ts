// The reporter's tracking code (举报查询码). It is the only key to a report the public holds, so it
// must be unguessable and easy to copy by hand: 20 characters from an alphabet without look-alikes
// (no 0/O, 1/I/L, and no U beside V), printed in groups of four.
// 30^20 ≈ 2^98 codes: guessing one of even a million live codes at the rate limit is hopeless.
// The random bytes come from the caller (a secure source on the server), keeping this module pure.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ' as const;
export const CODE_LENGTH = 20;
const ALPHABET_SIZE = CODE_ALPHABET.length;
/** Bytes at or above this are skipped so every character is equally likely (rejection sampling). */
const ACCEPT_BELOW = 256 - (256 % ALPHABET_SIZE);

/**
 * A code from random bytes; null when the bytes ran out before 20 characters were drawn (the caller
 * passes more: 48 bytes almost always suffice, since 1 byte in 16 is skipped).
 */
export function codeFromBytes(bytes: Uint8Array): string | null {
  let out = '';
  for (const b of bytes) {
    if (b >= ACCEPT_BELOW) continue;
    out += CODE_ALPHABET[b % ALPHABET_SIZE];
    if (out.length === CODE_LENGTH) return out;
  }
  return null;
}

/** ABCD-EFGH-… for display and the receipt. */
export const formatCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/**
 * What a person typed, as the stored code: case, spaces and dashes ignored. Null when it cannot be
 * a code (wrong length, or a character outside the alphabet such as O or 0).
 */
export function normalizeCode(input: string): string | null {
  // NFKC: full-width letters and digits from a Chinese keyboard read as their ASCII forms.
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s\-_.·—－‐‑–]/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}
