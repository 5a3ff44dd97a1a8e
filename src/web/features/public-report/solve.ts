// Runs the proof of work in a worker; where workers are unavailable, on the page itself.
import type { Challenge } from 'altcha-lib';

export async function solveInWorker(challenge: unknown): Promise<string> {
  const c = challenge as Challenge;
  if (typeof Worker === 'undefined') return (await import('./solve-core.ts')).solve(c);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./solve-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      void import('./solve-core.ts').then((m) => m.solve(c)).then(resolve, reject);
      return;
    }
    worker.onmessage = (e: MessageEvent<{ payload?: string; error?: string }>) => {
      worker.terminate();
      if (e.data.payload) resolve(e.data.payload);
      else reject(new Error(e.data.error ?? '安全验证失败，请重试'));
    };
    worker.onerror = () => {
      worker.terminate();
      void import('./solve-core.ts').then((m) => m.solve(c)).then(resolve, reject);
    };
    worker.postMessage(c);
  });
}
