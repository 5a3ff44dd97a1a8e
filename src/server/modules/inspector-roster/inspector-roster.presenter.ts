import type { InspectorAction, TInspectorDetail, TInspectorItem } from '../../../contract/inspector-roster.ts';
import type { InspectorListRow } from './inspector-roster.repository.ts';

export function presentInspectorItem(row: InspectorListRow): TInspectorItem {
  const r = row.r;
  return {
    id: r.id, name: r.name, employment: r.employment, unitId: r.unitId, unitName: row.unitName ?? '', townshipId: r.townshipId, rosterName: row.rosterName ?? '',
    fromDate: r.fromDate, toDate: r.toDate, certificates: r.certificates, note: r.note,
    voidedAt: r.voidedAt?.toISOString() ?? null, voidReason: r.voidReason, version: r.version,
  };
}

export function presentInspectorDetail(row: InspectorListRow, createdByName: string, allowedActions: InspectorAction[]): TInspectorDetail {
  return { ...presentInspectorItem(row), createdByName, createdAt: row.r.createdAt.toISOString(), updatedAt: row.r.updatedAt.toISOString(), allowedActions };
}
