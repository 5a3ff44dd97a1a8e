// npm run demo:reset — throws the whole database away and loads the demo region again.
//
// The audit trail is append-only (a trigger refuses DELETE), so "reset" cannot delete rows:
// it recreates the database itself. PGlite: delete <DATA_DIR>/pglite while holding the data
// folder lock, then create, migrate and seed. PostgreSQL: drop and recreate the public schema
// and the migrator's `drizzle` schema, then migrate and seed. Either way <DATA_DIR>/files
// (the uploads) is emptied too.
// Refuses when DEMO=off (a real deployment). Options: --yes (no question), --force
// (PostgreSQL: even if other sessions are connected).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ROLE_LABELS } from '../domain/access/roles.ts';
import { loadConfig, type AppConfig } from '../server/config.ts';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, fromPglite, openPostgres, type Database } from '../server/db/client.ts';
import { DataDirLockedError, acquireDataDirLock, type DirLock } from '../server/db/lock.ts';
import { filesRootOf } from '../server/modules/files/files.storage.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed-demo.ts';
import { LINE_ACCOUNT } from './demo/demo-campaign-line.ts';
import { LEADER_POST_LABELS } from '../domain/supervision/leadership.ts';
import { LINE_LEADER_ACCOUNTS } from './demo/demo-leadership.ts';

class Refused extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ctrlC = new AbortController();
  rl.on('SIGINT', () => ctrlC.abort());
  try {
    const answer = (await rl.question(`${question} [y/N] `, { signal: ctrlC.signal })).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === '是';
  } catch (e) {
    if (ctrlC.signal.aborted) return false;
    throw e;
  } finally {
    rl.close();
  }
}

/** What gets wiped, checked to be free (no server on it) before anyone is asked to confirm. */
interface Target {
  where: string;
  recreate(): Promise<Database>;
  abandon(): void;
}

/** PGlite: the lock is taken first and held until the new database closes. */
function pgliteTarget(dataDir: string): Target {
  let lock: DirLock;
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      throw new Refused(`${e.message}\n请先停止安治服务再重建演示数据 / stop the server first, then run demo:reset again`, 2);
    }
    throw e;
  }
  const pgliteDir = path.join(dataDir, 'pglite');
  return {
    where: `PGlite ${pgliteDir}`,
    abandon: () => lock.release(),
    async recreate() {
      try {
        fs.rmSync(pgliteDir, { recursive: true, force: true });
        const client = await PGlite.create({ dataDir: pgliteDir, extensions: PGLITE_EXTENSIONS });
        await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
        return fromPglite(client, () => lock.release());
      } catch (e) {
        lock.release();
        throw e;
      }
    },
  };
}

/** PostgreSQL has no data-folder lock: refuse while other sessions are connected, unless --force. */
async function postgresTarget(url: string, force: boolean): Promise<Target> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const n = others.rows[0]?.n ?? 0;
    if (n > 0 && !force) {
      throw new Refused(
        `数据库还有 ${n} 个其他连接（安治服务可能在运行）/ ${n} other sessions are connected (is the server running?).\n` +
          '请先停止服务；确认无误可加 --force / stop the server first, or pass --force',
        2,
      );
    }
  } finally {
    await client.end();
  }
  return {
    where: `PostgreSQL ${url.replace(/:[^:@/]*@/, ':***@')}`,
    abandon: () => {},
    async recreate() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query('BEGIN');
        await c.query('DROP SCHEMA IF EXISTS drizzle CASCADE'); // the migrator's journal
        await c.query('DROP SCHEMA IF EXISTS public CASCADE');
        await c.query('CREATE SCHEMA public');
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        await c.end();
      }
      return openPostgres(url);
    },
  };
}

export async function demoReset(config: AppConfig, opts: { yes: boolean; force: boolean; interactive: boolean }): Promise<void> {
  if (!config.demo) {
    throw new Refused(
      'DEMO=off：这是正式部署，demo:reset 不会清空任何数据。\n' +
        'DEMO=off means a real deployment: demo:reset refuses to wipe it. Nothing was changed.',
      1,
    );
  }
  const target = config.databaseUrl ? await postgresTarget(config.databaseUrl, opts.force) : pgliteTarget(config.dataDir);
  const where = target.where;
  if (!opts.yes && opts.interactive) {
    const ok = await confirm(`将删除 ${where} 中的全部数据（含审计记录）并重建演示数据。继续吗？\nThis deletes ALL data in ${where}, audit trail included, and reloads the demo. Continue?`);
    if (!ok) {
      target.abandon();
      throw new Refused('已取消，未改动任何数据 / cancelled, nothing changed', 1);
    }
  }

  const t0 = Date.now();
  const database = await target.recreate();
  const t1 = Date.now();
  try {
    fs.rmSync(filesRootOf(config), { recursive: true, force: true }); // the uploads of the records just dropped
    const r = await seedDemo(database.db);
    const t2 = Date.now();
    console.log(`已重建演示数据 / demo data rebuilt in ${where}`);
    console.log(`  数据库重建并迁移 / database recreated and migrated: ${t1 - t0} ms`);
    console.log(`  演示数据 / demo seeded: ${r.enterprises} enterprises, ${r.users} accounts, ${r.auditRows} audit rows: ${t2 - t1} ms`);
    console.log(`  合计 / total: ${t2 - t0} ms`);
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(9)} ${ROLE_LABELS[a.role]}·${a.unitName}  ${a.description}`);
    console.log(`  ${LINE_ACCOUNT.username.padEnd(9)} ${ROLE_LABELS.office}·${LINE_ACCOUNT.unitName}  ${LINE_ACCOUNT.description}`);
    for (const a of LINE_LEADER_ACCOUNTS) console.log(`  ${a.username.padEnd(9)} ${ROLE_LABELS.leader}·${LINE_ACCOUNT.unitName}  ${a.title}（${LEADER_POST_LABELS[a.post]}）：领导活动和频次要求 / 邻鄂 leader`);
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  try {
    await demoReset(config, { yes: args.has('--yes') || args.has('-y'), force: args.has('--force'), interactive: Boolean(process.stdin.isTTY) });
    return 0;
  } catch (e) {
    if (e instanceof Refused) {
      console.error(e.message);
      return e.exitCode;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
