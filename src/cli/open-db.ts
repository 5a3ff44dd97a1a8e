// Opens the configured database for a command-line tool, turning the usual failures
// (bad configuration, data folder held by the running server) into a message and an exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * A check run on the configured database: opened (or refused with a message), the check's
 * message printed (to stderr when it fails) with how long it took, then closed. The exit code is
 * the check's, or the codes given for a bad configuration or a held data folder.
 */
export async function runCheck(
  command: string,
  check: (db: Database['db']) => Promise<{ exitCode: number; message: string }>,
  codes: { config: number; locked: number } = { config: 2, locked: 2 },
): Promise<number> {
  const opened = await openDatabaseForCli(command, codes);
  if ('exitCode' in opened) return opened.exitCode;
  const { database } = opened;
  try {
    const started = Date.now();
    const { exitCode, message } = await check(database.db);
    (exitCode === 0 ? console.log : console.error)(`${message}  (${Date.now() - started} ms)`);
    return exitCode;
  } finally {
    await database.close();
  }
}

/** Runs `main` when this file is the program (not when a test imports it), exiting with its code. */
export function runAsProgram(moduleUrl: string, main: () => Promise<number>, crashCode = 2): void {
  if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl)) {
    main().then(
      (code) => process.exit(code),
      (e) => {
        console.error(e);
        process.exit(crashCode);
      },
    );
  }
}
