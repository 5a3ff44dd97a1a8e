// Starts the product: config → lock + database (migrated) → demo data on an empty database → HTTP.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { seedDemoIfEmpty } from '../cli/demo/seed-demo.ts';
import { dailyBackups } from './ops/backup.schedule.ts';
import { AuditRetention } from './modules/audit/index.ts';
import { deleteExpiredPendingLogins } from './modules/auth/index.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const started = Date.now();
  let database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) console.log(`已载入演示数据 / demo region loaded: ${seeded.enterprises} enterprises, ${seeded.users} accounts`);
  }
  const { app, ctx } = await buildApp({ config, database, webDir: WEB_DIST });
  // Reminders and robot retries run in this process (0 turns them off, e.g. in a second process).
  if (config.notifyIntervalSeconds > 0) ctx.notifier!.start(config.notifyIntervalSeconds * 1000);
  const backups = dailyBackups({ database, config, now: () => ctx.clock.now(), log: (line) => app.log.info(line) });
  backups.start();
  // Audit retention (AUDIT_RETENTION_DAYS) and expired pending sign-ins: shortly after start, then daily.
  const retention = new AuditRetention(database.db, {
    retentionDays: config.auditRetentionDays, now: () => ctx.clock.now(),
    log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)),
    beforeRun: () => deleteExpiredPendingLogins(database.db, ctx.clock.now()),
  });
  retention.start(24 * 60 * 60_000);
  app.addHook('onClose', () => retention.stop());
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    backups.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `安治已启动 / anzhi is running: http://localhost:${config.port}  (${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}, ${Date.now() - started} ms)`,
  );
  if (!config.demo) console.log('DEMO=off: 如尚无管理员，请运行 npm run admin:create / create the first admin with npm run admin:create');
}
