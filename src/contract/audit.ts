import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, PageQuery, Uuid, pageOf } from './common.ts';

export const AuditEntry = z.object({
  id: z.string(),
  seq: int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The record's number or name now (e.g. YB-2024-000123, a company's name), null when it is gone or has none. */
  entityName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  /** A record's number or name, the actor's name, or the name of an action or kind of record (作废, 隐患…). */
  q: z.string().trim().max(64).optional(),
  actorId: Uuid.optional(),
  entityType: z.string().max(32).optional(),
  entityId: Uuid.optional(),
  /** An action code or its prefix (enterprise., hazard.verify_pass). */
  action: z.string().max(64).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
});

/** The export takes the list's filters (every page). */
export const AuditExportQuery = AuditListQuery.omit({ page: true, pageSize: true });

export const AuditListResponse = pageOf(AuditEntry).extend({
  /** Names and numbers of the records the page's entries mention by id (in before/after), by id. */
  refs: z.record(z.string(), z.string()),
});
export type TAuditListResponse = z.infer<typeof AuditListResponse>;

export const auditRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/audit', summary: '审计日志', tag: 'audit', query: AuditListQuery, response: AuditListResponse }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/audit/export', summary: '导出审计日志（xlsx）', tag: 'audit', query: AuditExportQuery, responseType: 'xlsx' }),
};
