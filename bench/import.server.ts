// The server of `npm run bench:import`, in its own process so that its peak memory (VmHWM) is the
// import's alone: the real app on the database of DATABASE_URL, listening on PORT; prints READY.
// BENCH_MEM_TRACE=file appends the process's memory every 100 ms and each request's start and end
// to that file (where an import's memory goes, stage by stage).
import fs from 'node:fs';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPostgres } from '../src/server/db/client.ts';
import { MemoryStorage } from '../src/server/test/storage.ts';

const config = loadConfig({ ...process.env, DATA_DIR: '/nonexistent-anzhi-bench', DEMO: 'off', LOG_LEVEL: 'silent', UPLOAD_MAX_MB: '100', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NOTIFY_INTERVAL_SECONDS: '0' });
const database = await openPostgres(config.databaseUrl!);
const { app } = await buildApp({ config, database, storage: new MemoryStorage(), webDir: null, logger: false });
const trace = process.env.BENCH_MEM_TRACE;
if (trace) {
  const t0 = performance.now();
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const line = (what: string) => {
    const m = process.memoryUsage();
    fs.appendFileSync(trace, `${((performance.now() - t0) / 1000).toFixed(2)}\trss ${mb(m.rss)}\theap ${mb(m.heapUsed)}/${mb(m.heapTotal)}\text ${mb(m.external)}\tab ${mb(m.arrayBuffers)}\t${what}\n`);
  };
  setInterval(() => line(''), 100).unref();
  app.addHook('onRequest', async (req) => line(`> ${req.method} ${req.url}`));
  app.addHook('onResponse', async (req) => line(`< ${req.method} ${req.url}`));
}
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('READY');
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
