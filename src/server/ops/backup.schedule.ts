// The daily backup, made by the server itself: on the embedded database only the server's process
// may read the data folder, so this is how a running township gets its backups. Every ten minutes
// after BACKUP_HOUR (Asia/Shanghai) it checks whether today has a backup, makes one if not, and
// prunes those older than BACKUP_KEEP_DAYS. On the embedded database it then vacuums and analyzes:
// PGlite runs no autovacuum (it is one process), so without this its planner would never learn a
// table's statistics, and index-only reads (the dashboard's counts) would still visit the table.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { shanghaiDay } from '../../domain/common/dates.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { filesRootOf } from '../modules/files/index.ts';
import { createBackup } from './backup.ts';
import { notifyBackupFailed } from './backup.notify.ts';
import { pruneBackups } from './backup.restore.ts';

const EVERY_MS = 10 * 60_000;

/** The Shanghai day a backup folder was made on (its name carries the UTC time). */
function dayOfBackup(name: string): string | null {
  const m = /^anzhi-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(name);
  return m ? shanghaiDay(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!))) : null;
}

/** The embedded database's vacuum and analyze; a failure is its own line, not a failed backup (the backup is written). */
async function vacuum(database: Database, log: (line: string) => void): Promise<void> {
  const t = Date.now();
  try {
    await database.db.execute(sql`vacuum (analyze)`);
    log(`数据库整理完成 / vacuum and analyze done in ${Date.now() - t} ms`);
  } catch (e) {
    log(`数据库整理失败（备份已完成）/ vacuum and analyze failed, the backup is written: ${(e as Error).message}`);
  }
}

export function dailyBackups(o: { database: Database; config: Pick<AppConfig, 'backupDir' | 'backupHour' | 'backupKeepDays' | 'dataDir'>; now: () => Date; log: (line: string) => void }) {
  let running = false;
  /** The day the admins were last told of a failure: a failing backup is tried every ten minutes, told once a day. */
  let toldOn: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** Makes today's backup when it is due and missing; the folder made, or null. */
  async function tick(): Promise<string | null> {
    const { backupHour, backupDir, backupKeepDays } = o.config;
    if (backupHour === null || running) return null;
    const now = o.now();
    const today = shanghaiDay(now);
    const hour = (now.getUTCHours() + 8) % 24;
    if (hour < backupHour) return null;
    // an unreadable folder is no backup: the attempt below fails and says why
    const names = await fs.promises.readdir(backupDir).catch(() => [] as string[]);
    if (names.some((n) => dayOfBackup(n) === today)) return null;
    running = true;
    try {
      const { dir, manifest } = await createBackup({ database: o.database, filesRoot: filesRootOf(o.config), backupDir, now });
      const removed = await pruneBackups(backupDir, backupKeepDays, now);
      o.log(`每日备份完成 / daily backup written: ${dir} (${Object.keys(manifest.tables).length} tables, ${manifest.files.length} files)${removed.length ? `; removed ${removed.join(', ')}` : ''}`);
      if (o.database.kind === 'pglite') await vacuum(o.database, o.log);
      return dir;
    } catch (e) {
      o.log(`每日备份失败 / the daily backup failed: ${(e as Error).message}`);
      // it awaits the administrators: a line in a log nobody reads would leave it unseen
      if (toldOn === today) return null;
      toldOn = today;
      await notifyBackupFailed(o.database.db, (e as Error).message, today).catch((n: Error) => o.log(`备份失败的通知未能写入 / could not notify: ${n.message}`));
      return null;
    } finally {
      running = false;
    }
  }
  return {
    tick,
    start() {
      timer = setInterval(() => void tick(), EVERY_MS);
      timer.unref();
      setTimeout(() => void tick(), 60_000).unref(); // not while the server starts
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
