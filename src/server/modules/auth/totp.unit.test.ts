// The TOTP arithmetic against RFC 6238 Appendix B (SHA-1 key "12345678901234567890").
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCodes, otpauthUri, recoveryCodeHash, totpCode } from './totp.ts';

const RFC_KEY = Buffer.from('12345678901234567890');
const secret = base32Encode(RFC_KEY);

describe('RFC 6238 test vectors', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s → %s', (t, code) => {
    expect(hotp(RFC_KEY, Math.floor(t / 30), 8)).toBe(code);
  });
  it('6-digit codes are the last six', () => expect(totpCode(secret, new Date(59_000))).toBe('287082'));
});

describe('matchTotp', () => {
  const now = new Date(1111111111_000);
  it('accepts the current step and one either side, refuses further off', () => {
    const step = Math.floor(1111111111 / 30);
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });
  it('refuses a code whose step was used already', () => {
    const step = Math.floor(1111111111 / 30);
    expect(matchTotp(secret, totpCode(secret, now), now, step)).toBeNull();
  });
  it('refuses what is not six digits', () => {
    expect(matchTotp(secret, 'abcdef', now, null)).toBeNull();
    expect(matchTotp(secret, '1234567', now, null)).toBeNull();
  });
});

describe('base32, URI and recovery codes', () => {
  it('round-trips base32', () => expect(base32Decode(base32Encode(RFC_KEY)).equals(RFC_KEY)).toBe(true));
  it('writes the Key Uri Format', () => {
    expect(otpauthUri('ABC', 'wang')).toBe('otpauth://totp/%E5%AE%89%E6%B2%BB%3Awang?secret=ABC&issuer=%E5%AE%89%E6%B2%BB&algorithm=SHA1&digits=6&period=30');
  });
  it('makes ten distinct codes whose hash ignores case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(recoveryCodeHash(codes[0]!.toUpperCase().replace('-', ' '))).toBe(recoveryCodeHash(codes[0]!));
  });
});
