// npm run backup [-- --out DIR] — backs up the database and the uploaded files into a new folder
// under BACKUP_DIR (default DATA_DIR/backups) and prints it. On the embedded database the running
// server holds the data folder: it makes its own backup every day (BACKUP_HOUR); stop it to back up
// by hand. Exit codes: 0 written, 1 failed, 2 the database could not be opened.
import path from 'node:path';
import { filesRootOf } from '../server/modules/files/index.ts';
import { createBackup } from '../server/ops/backup.ts';
import { openDatabaseForCli, runAsProgram } from './open-db.ts';

async function main(): Promise<number> {
  const opened = await openDatabaseForCli('backup', { config: 2, locked: 2 });
  if ('exitCode' in opened) {
    if (opened.exitCode === 2 && !process.env.DATABASE_URL) console.error('运行中的服务每天自动备份到 BACKUP_DIR（BACKUP_HOUR 点后）/ the running server backs up by itself every day after BACKUP_HOUR');
    return opened.exitCode;
  }
  const { config, database } = opened;
  const out = process.argv.indexOf('--out');
  const backupDir = out > 0 && process.argv[out + 1] ? path.resolve(process.argv[out + 1]!) : config.backupDir;
  try {
    const started = Date.now();
    const { dir, manifest } = await createBackup({ database, filesRoot: filesRootOf(config), backupDir, now: new Date() });
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    console.log(`备份完成 / backup written: ${dir}\n  ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files (${Date.now() - started} ms)`);
    return 0;
  } catch (e) {
    console.error(`备份失败 / the backup failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

runAsProgram(import.meta.url, main, 1);
