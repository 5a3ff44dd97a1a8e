// What bench:county and its PGlite part share: a scenario through the product and its limit run
// alternately (so that the machine's load falls on both alike), and their quantiles.
import type { Session } from '../src/server/test/http.ts';

/** A GET through the product as a signed-in user that fails the bench unless it answers 200. */
export const okGet = (s: Session, url: string) => async () => {
  const res = await s.get(url);
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  return res;
};

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
export const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The product's and the limit's times, alternately, after `warmup` runs of each. */
export async function interleaved(product: () => Promise<unknown>, limit: () => Promise<unknown>, runs: number, warmup = 3) {
  for (let i = 0; i < warmup; i++) { await product(); await limit(); }
  const p: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < runs; i++) { p.push(await timed(product)); l.push(await timed(limit)); }
  return { p, l };
}
