// Which roles may use a page or a button that the server restricts by role alone (no
// record-level allowedActions to go by). These mirror the role lists of the server's
// routes; the server still decides and answers 403 to anyone else.
import type { Role } from '../../domain/roles.ts';

// The hazard ledger's lists are the domain's own (the server's routes use the same), for the
// menu and pages that decide before any response; the ledger and 判定依据 pages follow the
// canImport / canEdit flags their responses carry.
export {
  HAZARD_CRITERIA_EDITOR_ROLES as CRITERIA_EDITOR_ROLES, HAZARD_IMPORTER_ROLES as HAZARD_IMPORT_ROLES,
} from '../../domain/hazard-policy.ts';

/** 检查计划: GET /api/plans (the office, admins, leaders and departments). */
export const PLAN_READER_ROLES: readonly Role[] = ['admin', 'office', 'leader', 'department'];

export const roleMay = (role: Role, roles: readonly Role[]): boolean => roles.includes(role);
