// Solving the form's proof of work (altcha-lib, deterministic mode: count up to the server's
// counter). SHA-256 in plain JS (@noble/hashes): WebCrypto exists only on HTTPS or localhost, and a
// township may serve the product over plain HTTP on its own network.
import { type Challenge, solveChallenge } from 'altcha-lib';
import { sha256 } from '@noble/hashes/sha2.js';

type DeriveKey = Parameters<typeof solveChallenge>[0]['deriveKey'];
const deriveKey: DeriveKey = async (parameters, salt, password) => {
  let key = new Uint8Array(salt.length + password.length);
  key.set(salt, 0);
  key.set(password, salt.length);
  for (let i = 0; i < Math.max(1, parameters.cost); i++) key = sha256(key);
  return { parameters: {}, derivedKey: key.slice(0, parameters.keyLength ?? 32) };
};

/** The solved challenge as the server reads it (base64 JSON), or an error when it cannot be solved. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('安全验证超时，请重试');
  return btoa(JSON.stringify({ challenge, solution }));
}
