// Opens the configured database for a command-line tool, turning the usual failures
// (bad configuration, data folder held by the running server) into a message and an exit code.
import { type AppConfig, loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';

export async function openDatabaseForCli(
  command: string,
  codes: { config: number; locked: number },
): Promise<{ config: AppConfig; database: Database } | { exitCode: number }> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    return { exitCode: codes.config };
  }
  try {
    return { config, database: await openDatabase(config) };
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      console.error(`请先停止安治服务再运行 / stop the server first, then run ${command} again`);
      return { exitCode: codes.locked };
    }
    throw e;
  }
}
