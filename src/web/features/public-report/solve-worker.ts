// The proof of work in a worker, so the page keeps responding while it runs.
import type { Challenge } from 'altcha-lib';
import { solve } from './solve-core.ts';

self.onmessage = (e: MessageEvent<Challenge>) => {
  solve(e.data).then((payload) => self.postMessage({ payload }), (err: unknown) => self.postMessage({ error: err instanceof Error ? err.message : String(err) }));
};
