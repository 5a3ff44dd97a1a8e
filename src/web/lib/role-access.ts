// Which roles may use a page or a button that the server restricts by role alone (no
// record-level allowedActions to go by). These mirror the role lists of the server's
// routes; the server still decides and answers 403 to anyone else.
import type { Role } from '../../domain/roles.ts';

/** 导入历史隐患台账: POST /api/hazards/import/*. */
export const HAZARD_IMPORT_ROLES: readonly Role[] = ['admin', 'office', 'department', 'village'];
/** 判定依据 maintenance: POST/PATCH /api/hazard-criteria. */
export const CRITERIA_EDITOR_ROLES: readonly Role[] = ['admin', 'office'];

/** 检查计划: GET /api/plans (the office, admins, leaders and departments). */
export const PLAN_READER_ROLES: readonly Role[] = ['admin', 'office', 'leader', 'department'];

export const roleMay = (role: Role, roles: readonly Role[]): boolean => roles.includes(role);
