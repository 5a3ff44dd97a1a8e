import type { THazardDetail, THazardListItem } from '../../../contract/hazards.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import { isHazardOverdue } from '../../../domain/hazards/hazard-machine.ts';
import type { RecordEventRow } from '../../kernel/record-events.ts';
import type * as repo from './hazards.repository.ts';

type Rows<T extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;

export function presentHazardItem(r: repo.HazardItemRow, today: string): THazardListItem {
  const h = r.h;
  return {
    id: h.id, number: h.number, enterpriseId: h.enterpriseId, enterpriseName: r.enterpriseName, villageId: h.villageId,
    villageName: r.villageName, source: h.source, foundAt: h.foundAt.toISOString(), description: h.description,
    location: h.location, sectorId: h.sectorId, sectorName: r.sectorName, level: h.level, status: h.status,
    fixedOnSpot: h.fixedOnSpot, dueDate: h.dueDate, overdue: isHazardOverdue(h, today), listingLevel: h.listingLevel,
    transferCount: h.transferCount, pendingTransfer: h.pendingTransferId !== null, reopenCount: h.reopenCount,
    responsibleUnitId: h.responsibleUnitId, responsibleUnitName: r.responsibleUnitName,
    closedAt: h.closedAt?.toISOString() ?? null, version: h.version,
  };
}

export interface HazardDetailParts {
  row: repo.HazardListRow;
  today: string;
  foundByName: string;
  foundByUnitName: string;
  files: { before: TStoredFile[]; after: TStoredFile[]; evidence: TStoredFile[]; plan: Map<string, TStoredFile[]> };
  plans: Rows<typeof repo.plansOf>;
  extensions: Rows<typeof repo.extensionsOf>;
  listings: Rows<typeof repo.listingsOf>;
  transfers: Rows<typeof repo.transfersOf>;
  reports: Rows<typeof repo.reportsOf>;
  events: RecordEventRow[];
  allowedActions: THazardDetail['allowedActions'];
  transferTargets: THazardDetail['transferTargets'];
  inspection: THazardDetail['inspection'];
  publicReport: THazardDetail['publicReport'];
}

export function presentHazardDetail(p: HazardDetailParts): THazardDetail {
  const h = p.row.h;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...presentHazardItem(p.row, p.today),
    foundByName: p.foundByName,
    foundByUnitName: p.foundByUnitName,
    category: h.category,
    criterion: h.criterion,
    acceptedAt: iso(h.acceptedAt),
    rectificationNote: h.rectificationNote,
    rectifiedAt: iso(h.rectifiedAt),
    verifierName: h.verifierName,
    signatureHash: h.signatureHash,
    voidReason: h.voidReason,
    inspection: p.inspection,
    publicReport: p.publicReport,
    beforePhotos: p.files.before,
    afterPhotos: p.files.after,
    evidence: p.files.evidence,
    plans: p.plans.map((x) => ({
      id: x.id, owner: x.owner, measures: x.measures, fundsYuan: x.fundsFen / 100, dueDate: x.dueDate,
      contingencyPlan: x.contingencyPlan, files: p.files.plan.get(x.id) ?? [], createdAt: x.createdAt.toISOString(),
    })),
    extensions: p.extensions.map((x) => ({
      id: x.id, oldDueDate: x.oldDueDate, newDueDate: x.newDueDate, reason: x.reason, status: x.status,
      requestedAt: x.requestedAt.toISOString(), decidedAt: iso(x.decidedAt), decisionNote: x.decisionNote,
    })),
    listings: p.listings.map((x) => ({
      id: x.id, level: x.level, leaderName: x.leaderName, listedOn: x.listedOn, documentNo: x.documentNo, createdAt: x.createdAt.toISOString(),
    })),
    transfers: p.transfers.map(({ t, fromUnitName, toUnitName }) => ({
      id: t.id, fromUnitId: t.fromUnitId, fromUnitName, toUnitId: t.toUnitId, toUnitName, reason: t.reason, status: t.status,
      requestedAt: t.requestedAt.toISOString(), decidedAt: iso(t.decidedAt), decisionReason: t.decisionReason,
    })),
    reports: p.reports.map((x) => ({
      id: x.id, kind: x.kind, recipient: x.recipient, reportedAt: x.reportedAt.toISOString(), reportedBy: x.reportedBy,
      reportedTo: x.reportedTo, method: x.method,
    })),
    events: p.events.map((e) => ({
      id: e.id, at: e.at.toISOString(), actorName: e.actorName, actorUnitName: e.actorUnitName, action: e.action,
      fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, data: e.data ?? null,
    })),
    allowedActions: p.allowedActions,
    transferTargets: p.transferTargets,
  };
}
