// A page of the audit trail as people read it: each entry with the number or name of its record,
// and the names of the records its before/after mention by id, looked up once for the page.
import type { TAuditListResponse } from '../../../contract/audit.ts';
import type { DbOrTx } from '../../db/client.ts';
import { type AuditFilter, auditList } from './audit.repository.ts';
import { namesMentioned } from './audit.names.ts';

export async function listAudit(db: DbOrTx, f: AuditFilter, p: { page: number; pageSize: number }): Promise<TAuditListResponse> {
  const { rows, total } = await auditList.page(db, f, p);
  const names = await namesMentioned(db, f.districtId, rows);
  return {
    items: rows.map((r) => ({
      id: r.id, seq: r.seq, at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName, action: r.action,
      entityType: r.entityType, entityId: r.entityId, entityName: r.entityId ? (names.get(r.entityId) ?? null) : null,
      before: r.before, after: r.after, hash: r.hash,
    })),
    total,
    page: p.page,
    pageSize: p.pageSize,
    refs: Object.fromEntries(names),
  };
}
