import type { TInspectionDetail, TInspectionListItem } from '../../../contract/inspections.ts';
import type { THazardDraft } from '../../../contract/inspections.ts';
import type { InspectionMethodTag } from '../../../domain/inspections/inspection-rules.ts';
import { answerProblem, isSelfInspection } from '../../../domain/inspections/inspection-rules.ts';
import { presentFile } from '../files/index.ts';
import type * as repo from './inspections.repository.ts';
import { type InspectionState, type Problem, domainAnswers } from './inspections.state.ts';
import { versionView } from './inspections.templates.ts';

export function presentInspectionItem(r: repo.InspectionListRow): TInspectionListItem {
  const i = r.i;
  return {
    id: i.id, number: i.number, type: i.type, methodTags: i.methodTags as InspectionMethodTag[], inspectedOn: i.inspectedOn,
    enterpriseId: i.enterpriseId, enterpriseName: r.enterpriseName, villageName: r.villageName, unitId: i.unitId, unitName: r.unitName,
    templateCode: i.templateCode, templateName: r.templateName, templateVersion: i.templateVersion, status: i.status,
    failedCount: i.failedCount, hazardCount: r.hazardCount, inspectorNames: r.inspectorNames, completedAt: i.completedAt?.toISOString() ?? null,
  };
}

export interface DetailParts {
  state: InspectionState;
  hazards: Awaited<ReturnType<typeof repo.hazardsOf>>;
  currentHash: string;
  signatureValid: boolean | null;
  problems: Problem[];
  createdByName: string;
  allowedActions: TInspectionDetail['allowedActions'];
}

export function presentInspectionDetail(p: DetailParts): TInspectionDetail {
  const { state: s } = p;
  const i = s.row;
  const completed = i.status === 'completed';
  const byItem = new Map(domainAnswers(s).map((a) => [a.itemKey, a]));
  const hazardByItem = new Map(p.hazards.map((h) => [h.itemKey, h]));
  const answered = s.items.filter((item) => byItem.has(item.key) && answerProblem(item, byItem.get(item.key)) !== 'unanswered').length;
  return {
    ...presentInspectionItem(s.listRow),
    townshipId: i.townshipId, villageId: i.villageId, enterpriseAddress: s.listRow.enterpriseAddress ?? '', location: i.location,
    summary: i.summary, periodKey: i.periodKey, planEntryId: i.planEntryId, template: versionView(s.template),
    inspectors: s.inspectors.map((x) => ({
      userId: x.userId, name: x.name, certificateNo: x.certificateNo, signedAt: x.signedAt?.toISOString() ?? null,
      signed: x.signedAt !== null && x.signatureHash === (completed ? i.signatureHash : p.currentHash),
    })),
    answers: s.answers.map((a) => {
      const h = hazardByItem.get(a.itemKey);
      return {
        itemKey: a.itemKey, result: a.result, number: a.number, text: a.text, comment: a.comment,
        photos: (s.photos.get(a.itemKey) ?? []).map(presentFile), hazardDraft: (a.hazardDraft as THazardDraft | null) ?? null,
        hazard: h ? { id: h.id, number: h.number, status: h.status, level: h.level } : null, updatedAt: a.updatedAt.toISOString(),
      };
    }),
    problems: completed ? [] : p.problems,
    progress: { answered, total: s.items.length },
    representative: completed && !isSelfInspection(i.type)
      ? { name: i.representativeName, refusalNote: i.representativeRefusalNote, signedAt: i.representativeSignedAt?.toISOString() ?? null }
      : null,
    signatureHash: i.signatureHash, signatureValid: p.signatureValid, createdByName: p.createdByName, createdAt: i.createdAt.toISOString(),
    allowedActions: p.allowedActions, version: i.version,
  };
}
