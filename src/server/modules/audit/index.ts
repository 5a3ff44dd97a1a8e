// What other parts of the server use of the audit module: everything else in it is its own.
export { canonicalJson } from './audit.chain.ts';
export { type AuditEvent, auditAppender, recordAudit, recordAuditBatch } from './audit.service.ts';
export { seededAsDemo } from './audit.repository.ts';
export { recordNames } from './audit.names.ts';
export { AuditRetention, purgeAudit } from './audit.retention.ts';
