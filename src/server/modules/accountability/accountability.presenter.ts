import type { TAccountabilityDetail, TAccountabilityItem } from '../../../contract/accountability.ts';
import type * as repo from './accountability.repository.ts';

export function presentAccountabilityItem(row: repo.AccountabilityListRow): TAccountabilityItem {
  const r = row.r;
  return {
    id: r.id, kind: r.kind, targetType: r.targetType, targetName: r.targetName, targetUnitId: r.targetUnitId,
    targetUnitName: row.unitName ?? null, position: r.position, measure: r.measure, reason: r.reason,
    hazard: r.hazardId && row.hazardNumber ? { id: r.hazardId, number: row.hazardNumber } : null,
    accident: r.accident, decidedOn: r.decidedOn, decidedBy: r.decidedBy, documentNo: r.documentNo, version: r.version,
  };
}

export function presentAccountabilityDetail(
  row: repo.AccountabilityListRow, createdByName: string, allowedActions: TAccountabilityDetail['allowedActions'],
): TAccountabilityDetail {
  return {
    ...presentAccountabilityItem(row),
    createdByName, createdAt: row.r.createdAt.toISOString(), updatedAt: row.r.updatedAt.toISOString(), allowedActions,
  };
}
