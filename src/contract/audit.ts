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
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  actorId: Uuid.optional(),
  entityType: z.string().max(32).optional(),
  entityId: Uuid.optional(),
  action: z.string().max(64).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
});

export const auditRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/audit', summary: '审计日志', tag: 'audit', query: AuditListQuery, response: pageOf(AuditEntry) }),
};
