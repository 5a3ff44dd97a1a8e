import type { TEnterprise } from '../../../contract/enterprises.ts';
import { isSmallEnterprise } from '../../../domain/enterprises/enterprise-rules.ts';
import { enterpriseAllowedActions } from '../../../domain/enterprises/enterprise-policy.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { EnterpriseRow } from './enterprises.repository.ts';

export function presentEnterprise(
  e: EnterpriseRow,
  villageName: string,
  sectorNames: Map<string, string>,
  role: Role,
): TEnterprise {
  return {
    id: e.id,
    districtId: e.districtId,
    townshipId: e.townshipId,
    name: e.name,
    uscc: e.uscc,
    kind: e.kind,
    venueType: e.venueType,
    address: e.address,
    villageId: e.villageId,
    villageName,
    sectorIds: e.sectorIds,
    sectorNames: e.sectorIds.map((id) => sectorNames.get(id) ?? '（已删除）'),
    employeeCount: e.employeeCount,
    isSmall: isSmallEnterprise(e.employeeCount),
    principalName: e.principalName,
    principalPhone: e.principalPhone,
    safetyManagerName: e.safetyManagerName,
    safetyManagerPhone: e.safetyManagerPhone,
    riskGrade: e.riskGrade,
    isKey: e.isKey,
    isHighRisk: e.isHighRisk,
    status: e.status,
    voidedAt: e.voidedAt?.toISOString() ?? null,
    voidReason: e.voidReason,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
    allowedActions: enterpriseAllowedActions(role, { voided: e.voidedAt !== null }),
  };
}

/** The editable fields of a record, in the shape of the create schema (for merging patches). */
export function editableFieldsOf(e: EnterpriseRow) {
  return {
    name: e.name, uscc: e.uscc, kind: e.kind, venueType: e.venueType, address: e.address, villageId: e.villageId,
    sectorIds: e.sectorIds, employeeCount: e.employeeCount, principalName: e.principalName, principalPhone: e.principalPhone,
    safetyManagerName: e.safetyManagerName, safetyManagerPhone: e.safetyManagerPhone, riskGrade: e.riskGrade,
    isKey: e.isKey, isHighRisk: e.isHighRisk, status: e.status,
  };
}
