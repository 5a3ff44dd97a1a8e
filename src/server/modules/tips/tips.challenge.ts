// The public form's proof of work (altcha-lib, self-hosted: no outside service). The server picks
// the counter the solver must reach (deterministic mode), so the work is bounded and even: SHA-256
// with cost 1, a counter between half and all of CHALLENGE_MAX_COUNTER (100,000 by default: the
// web's solver hashes in plain JS, about 0.2–0.4 s in Node here and about a second on a mid-range
// phone; verifying is one hash; decision 021). Expiry is our own
// (signed into the challenge's data, read against the app clock), and a solution is good once: its
// signature is kept in used_challenges until the challenge expires.
import { randomBytes } from 'node:crypto';
import { type Challenge, type Solution, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { usedChallenges } from '../../db/schema/index.ts';
import { invalid } from '../../http/errors.ts';

const EXPIRES_MS = 10 * 60_000;
export const CHALLENGE_FAILED_MESSAGE = '安全验证未通过或已过期，请刷新页面后重新提交';

const secrets = new WeakMap<AppContext['config'], { signature: string; key: string }>();
/** The configured secret, or one drawn once per start (per config object, so each test app has its own). */
function secretsOf(ctx: AppContext) {
  let s = secrets.get(ctx.config);
  if (!s) {
    const base = ctx.config.challengeSecret ?? randomBytes(32).toString('hex');
    s = { signature: `${base}:sig`, key: `${base}:key` };
    secrets.set(ctx.config, s);
  }
  return s;
}

export async function newChallenge(ctx: AppContext): Promise<Challenge> {
  const max = ctx.config.challengeMaxCounter;
  const s = secretsOf(ctx);
  return createChallenge({
    algorithm: 'SHA-256', cost: 1, counter: randomInt(max, Math.ceil(max / 2)), deriveKey, // altcha's randomInt(max, min)
    hmacSignatureSecret: s.signature, hmacKeySignatureSecret: s.key,
    data: { exp: ctx.clock.now().getTime() + EXPIRES_MS },
  });
}

function parsePayload(raw: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { challenge?: Challenge; solution?: Solution };
    if (!v || typeof v !== 'object' || !v.challenge || !v.solution || typeof v.challenge !== 'object' || typeof v.solution !== 'object') return null;
    return { challenge: v.challenge, solution: v.solution };
  } catch {
    return null;
  }
}

/** Checks a solved challenge and spends it (inside the caller's flow, before anything is stored); refuses with a field error. */
export async function spendChallenge(ctx: AppContext, raw: string): Promise<void> {
  const refuse = () => invalid({ altcha: [CHALLENGE_FAILED_MESSAGE] }, CHALLENGE_FAILED_MESSAGE);
  const payload = parsePayload(raw);
  if (!payload) throw refuse();
  const s = secretsOf(ctx);
  let verified: boolean;
  try {
    const r = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: s.signature, hmacKeySignatureSecret: s.key });
    verified = r.verified;
  } catch {
    verified = false; // a malformed challenge makes the library throw: the same refusal
  }
  const exp = Number((payload.challenge.parameters as { data?: { exp?: unknown } } | undefined)?.data?.exp);
  const now = ctx.clock.now();
  if (!verified || !Number.isFinite(exp) || exp < now.getTime() || typeof payload.challenge.signature !== 'string') throw refuse();
  await ctx.db.delete(usedChallenges).where(lt(usedChallenges.expiresAt, now));
  const spent = await ctx.db.insert(usedChallenges).values({ signature: payload.challenge.signature, expiresAt: new Date(exp) })
    .onConflictDoNothing().returning({ s: sql`1` });
  if (spent.length === 0) throw refuse();
}
