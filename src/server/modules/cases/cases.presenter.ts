// Cases as the API shows them: fen → yuan, and the derived flags (一案双罚, 依法不予处罚, totals)
// computed here from the measures, never stored.
import type { RecordEventRow } from '../../kernel/record-events.ts';
import type { TCaseDetail, TCaseListItem } from '../../../contract/cases.ts';
import type { TStoredFile } from '../../../contract/files.ts';
import type { CaseAllowedAction } from '../../../domain/enforcement/case-policy.ts';
import {
  type EnforcementMeasure, type MeasureKind, finesFen, isDualPenalty, judicialReferralPersons, noPenaltyByLaw,
} from '../../../domain/enforcement/enforcement.ts';
import type { HazardLevel, HazardSource, HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import type * as repo from './cases.repository.ts';

export const fenToYuan = (fen: number) => fen / 100;

/** A stored measure as the domain sees it. */
export function measureOf(m: repo.MeasureRow): EnforcementMeasure {
  if (m.kind === 'penalty') return { kind: 'penalty', fineOnEnterpriseFen: m.fineOnEnterpriseFen ?? 0, fineOnPrincipalFen: m.fineOnPrincipalFen ?? 0 };
  if (m.kind === 'judicial_referral') return { kind: 'judicial_referral', personCount: m.personCount ?? 0 };
  return { kind: m.kind };
}

export function presentCaseItem(r: repo.CaseListRow, measureRows: readonly repo.MeasureRow[]): TCaseListItem {
  const c = r.c;
  const ms = measureRows.map(measureOf);
  const fines = finesFen(ms);
  return {
    id: c.id, number: c.number, title: c.title, status: c.status, enterpriseId: c.enterpriseId, enterpriseName: r.enterpriseName,
    villageId: c.villageId, villageName: r.villageName, unitId: c.unitId, unitName: r.unitName, filedOn: c.filedOn,
    decidedOn: c.decidedOn, closedOn: c.closedOn, documentNo: c.documentNo,
    fineOnEnterpriseYuan: fenToYuan(fines.onEnterprise), fineOnPrincipalYuan: fenToYuan(fines.onPrincipal), totalFineYuan: fenToYuan(fines.total),
    dualPenalty: isDualPenalty(ms),
    measureKinds: [...new Set<MeasureKind>(ms.map((m) => m.kind))],
    judicialReferralPersons: judicialReferralPersons(ms),
    published: c.published, dangerousOperationCrime: c.dangerousOperationCrime, version: c.version,
  };
}

export interface CaseDetailParts {
  row: repo.CaseListRow;
  measures: repo.MeasureRow[];
  events: RecordEventRow[];
  documents: TStoredFile[];
  inspection: { id: string; number: string } | null;
  hazard: { id: string; number: string; source: HazardSource; level: HazardLevel; status: HazardStatus } | null;
  createdByName: string;
  allowedActions: CaseAllowedAction[];
}

export function presentCaseDetail(p: CaseDetailParts): TCaseDetail {
  const c = p.row.c;
  const ms = p.measures.map(measureOf);
  // Only a decided case can be "not penalised"; before the decision nothing has been decided yet.
  const decided = c.decidedOn !== null;
  return {
    ...presentCaseItem(p.row, p.measures),
    facts: c.facts,
    noPenaltyReason: c.noPenaltyReason,
    closeNote: c.closeNote,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    publicationSummary: c.publicationSummary,
    noPenaltyByLaw:
      decided && p.hazard !== null &&
      noPenaltyByLaw({ hazardSource: p.hazard.source, hazardLevel: p.hazard.level, hazardStatus: p.hazard.status, measures: ms }),
    inspection: p.inspection,
    hazard: p.hazard ? { id: p.hazard.id, number: p.hazard.number } : null,
    measures: p.measures.map((m) => ({
      id: m.id, kind: m.kind,
      fineOnEnterpriseYuan: m.fineOnEnterpriseFen === null ? null : fenToYuan(m.fineOnEnterpriseFen),
      fineOnPrincipalYuan: m.fineOnPrincipalFen === null ? null : fenToYuan(m.fineOnPrincipalFen),
      personCount: m.personCount, note: m.note, decidedOn: m.decidedOn, executedOn: m.executedOn,
    })),
    events: p.events.map((e) => ({
      id: e.id, at: e.at.toISOString(), actorName: e.actorName, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus,
      note: e.note, data: e.data ?? null,
    })),
    documents: p.documents,
    createdByName: p.createdByName,
    allowedActions: p.allowedActions,
  };
}
