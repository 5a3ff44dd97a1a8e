// The audit trail as a workbook, filtered like the 审计日志 list, streamed by keyset (no row cap,
// no count): each entry with its record's name, what it changed in words (as the page shows it),
// and the values as recorded (and hashed) for whoever checks the chain.
import { auditActionLabel, auditEntityLabel } from '../../../contract/audit-labels.ts';
import { changeText } from '../../../contract/audit-values.ts';
import { shanghaiDateTime } from '../../../domain/common/dates.ts';
import type { DbOrTx } from '../../db/client.ts';
import { type AuditFilter, auditList } from './audit.repository.ts';
import { namesMentioned } from './audit.names.ts';

export const AUDIT_EXPORT_COLUMNS = [
  { header: '序号', width: 10 }, { header: '时间', width: 20 }, { header: '操作人', width: 14 }, { header: '操作', width: 20 },
  { header: '对象类型', width: 14 }, { header: '对象', width: 30 }, { header: '变更内容', width: 60 },
  { header: '变更前（原始记录）', width: 40 }, { header: '变更后（原始记录）', width: 40 }, { header: '操作代码', width: 24 }, { header: '哈希', width: 66 },
];

/** A cell holds at most 32,767 characters. */
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 32_000));

export async function* auditExportRows(db: DbOrTx, f: AuditFilter): AsyncGenerator<unknown[][]> {
  for await (const batch of auditList.iterate(db, f, 2000)) {
    const names = await namesMentioned(db, f.districtId, batch);
    const refs = Object.fromEntries(names);
    yield batch.map((r) => [
      r.seq, shanghaiDateTime(r.at), r.actorName ?? '系统', auditActionLabel(r.action), auditEntityLabel(r.entityType),
      r.entityId ? (names.get(r.entityId) ?? r.entityId) : '', changeText({ entityType: r.entityType, refs }, r.before, r.after).slice(0, 32_000),
      json(r.before), json(r.after), r.action, r.hash,
    ]);
  }
}
