// npm run audit:verify — recomputes the audit trail's hash chain and names the first broken row.
// Exit codes: 0 intact, 1 broken, 2 the database could not be opened (e.g. the server holds the lock).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Db } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { verifyAuditChain, type ChainVerdict } from '../server/modules/audit/audit.service.ts';

const REASONS: Record<Extract<ChainVerdict, { ok: false }>['reason'], string> = {
  hash_mismatch: '内容与哈希不符，记录被改动 / row content does not match its hash',
  prev_hash_mismatch: '前一行哈希不符，链被改动 / previous-hash link does not match',
  gap: '序号缺失，记录被删除 / a row is missing',
};

export function describeVerdict(v: ChainVerdict): { exitCode: 0 | 1; message: string } {
  if (v.ok) return { exitCode: 0, message: `审计链完整 / audit chain intact: ${v.rows} rows` };
  const row = v.rows + 1; // rows before the break were intact
  return {
    exitCode: 1,
    message:
      `审计链在第 ${row} 行断开 (seq ${v.brokenSeq}, ${v.reason}) / chain broken at seq ${v.brokenSeq}\n` +
      `  ${REASONS[v.reason]}; ${v.rows} rows before it are intact`,
  };
}

export async function auditVerify(db: Db): Promise<{ exitCode: 0 | 1; message: string }> {
  return describeVerdict(await verifyAuditChain(db));
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      console.error('请先停止安治服务再校验 / stop the server first, then run audit:verify again');
      return 2;
    }
    throw e;
  }
  try {
    const started = Date.now();
    const { exitCode, message } = await auditVerify(database.db);
    (exitCode === 0 ? console.log : console.error)(`${message}  (${Date.now() - started} ms)`);
    return exitCode;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
