// npm run audit:verify — recomputes the audit trail's hash chain and names the first broken row.
// Exit codes: 0 intact, 1 broken, 2 the database could not be opened (e.g. the server holds the lock).
import type { Db } from '../server/db/client.ts';
import { runAsProgram, runCheck } from './open-db.ts';
import { verifyAuditChain, type ChainVerdict } from '../server/modules/audit/audit.service.ts';

const REASONS: Record<Extract<ChainVerdict, { ok: false }>['reason'], string> = {
  hash_mismatch: '内容与哈希不符，记录被改动 / row content does not match its hash',
  prev_hash_mismatch: '前一行哈希不符，链被改动 / previous-hash link does not match',
  gap: '序号缺失，记录被删除 / a row is missing',
};

export function describeVerdict(v: ChainVerdict): { exitCode: 0 | 1; message: string } {
  if (v.ok) {
    return {
      exitCode: 0,
      message:
        `审计链完整 / audit chain intact: ${v.rows} rows\n` +
        (v.firstSeq ? `  按保留期清理后自 seq ${v.firstSeq} 起 / kept chain starts at seq ${v.firstSeq} (older rows purged by AUDIT_RETENTION_DAYS)\n` : '') +
        `  最后一行 / last row: seq ${v.lastSeq}, hash ${v.lastHash}\n` +
        '  请留存以上两项：下次核对时若最后一行序号变小，说明末尾记录被删除 / keep these: a smaller last seq next time means rows were cut from the end',
    };
  }
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

runAsProgram(import.meta.url, () => runCheck('audit:verify', auditVerify));
