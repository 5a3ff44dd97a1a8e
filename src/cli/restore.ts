// npm run restore -- <backup folder> — restores a backup made by npm run backup (or the server's
// daily one) over the configured database (DATABASE_URL, or the embedded one in DATA_DIR) and
// files, then checks every table and file against the backup's manifest. Stop the server first
// (on the embedded database the restore refuses while it runs). What is replaced is kept beside it
// (…before-restore-<time>). Exit codes: 0 restored and equal, 1 failed or different, 2 usage.
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { filesRootOf } from '../server/modules/files/index.ts';
import { BackupError, restoreBackup } from '../server/ops/backup.restore.ts';
import { runAsProgram } from './open-db.ts';

async function main(): Promise<number> {
  const from = process.argv[2];
  if (!from) {
    console.error('用法 / usage: npm run restore -- <备份文件夹 / backup folder>');
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    const started = Date.now();
    const { manifest, differences } = await restoreBackup({
      from: path.resolve(from), dataDir: config.dataDir, filesRoot: filesRootOf(config), databaseUrl: config.databaseUrl, now: new Date(),
    });
    if (differences.length) {
      console.error(`恢复后与备份不一致 / the restored data differs from the backup:\n  ${differences.join('\n  ')}`);
      return 1;
    }
    console.log(`已恢复 ${manifest.createdAt} 的备份，逐表逐文件核对一致 / restored the backup of ${manifest.createdAt}; every table and file equals it (${Date.now() - started} ms)`);
    return 0;
  } catch (e) {
    if (e instanceof DataDirLockedError) console.error(`${e.message}\n请先停止安治服务再恢复 / stop the server first`);
    else if (e instanceof BackupError) console.error(e.message);
    else console.error(`恢复失败 / the restore failed: ${(e as Error).message}`);
    return 1;
  }
}

runAsProgram(import.meta.url, main, 1);
