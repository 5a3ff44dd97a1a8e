// The server of `npm run bench:import`, in its own process so that its peak memory (VmHWM) is the
// import's alone: the real app on the database of DATABASE_URL, listening on PORT; prints READY.
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPostgres } from '../src/server/db/client.ts';
import { MemoryStorage } from '../src/server/test/storage.ts';

const config = loadConfig({ ...process.env, DATA_DIR: '/nonexistent-anzhi-bench', DEMO: 'off', LOG_LEVEL: 'silent', UPLOAD_MAX_MB: '100', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NOTIFY_INTERVAL_SECONDS: '0' });
const database = await openPostgres(config.databaseUrl!);
const { app } = await buildApp({ config, database, storage: new MemoryStorage(), webDir: null, logger: false });
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('READY');
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
