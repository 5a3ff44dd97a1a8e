// One demo inspection as rows: the record, its inspectors and their signatures, its answers.
// A completed one must pass the domain's completion rules, and carries the SHA-256 of the
// canonical payload every signer signed, as the inspections service computes it at completion.
// Numbers come last, per year in creation order, from the district's code.
import { createHash, randomUUID } from 'node:crypto';
import { itemsOf } from '../../domain/checklists/checklist.ts';
import type { ConformityResult } from '../../domain/checklists/checklist.ts';
import {
  canonicalJson, inspectionCompletionRefusal, signaturePayload,
  type InspectionMethodTag, type InspectionType, type RepresentativeSignature,
} from '../../domain/inspections/inspection-rules.ts';
import { formatRecordNumber } from '../../domain/common/record-number.ts';
import type { THazardDraft } from '../../contract/inspections.ts';
import type { inspectionAnswers, inspectionInspectors, inspections, recordCounters } from '../../server/db/schema/index.ts';
import type { DemoTemplateVersion } from './demo-checklists.ts';
import type { DemoEnterpriseRef, DemoInspector } from './demo-context.ts';
import type { DemoFinding } from './demo-hazards.ts';
import { DEMO_HAZARD_PREFIX } from './demo-hazards.ts';

export type InspectionRow = Omit<typeof inspections.$inferInsert, 'templateVersionId'>;
type InspectorRow = typeof inspectionInspectors.$inferInsert;
type AnswerRow = typeof inspectionAnswers.$inferInsert;

export interface DemoAnswer {
  itemKey: string;
  result?: ConformityResult | null;
  number?: number | null;
  text?: string | null;
  comment?: string | null;
  hazardDraft?: THazardDraft | null;
  hazardId?: string | null;
}

export interface DemoInspection {
  row: InspectionRow;
  inspectors: InspectorRow[];
  answers: AnswerRow[];
  findings: DemoFinding[];
  template: DemoTemplateVersion;
}

export function inspectionSignatureHash(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

/** The rows of one inspection; throws when a completed one would not pass the domain's completion rules. */
export function buildInspection(o: {
  id?: string;
  districtId: string;
  townshipId: string;
  enterprise: DemoEnterpriseRef;
  type: InspectionType;
  methodTags?: InspectionMethodTag[];
  inspectedOn: string;
  unitId: string;
  template: DemoTemplateVersion;
  periodKey?: string | null;
  inspectors: readonly DemoInspector[];
  answers: readonly DemoAnswer[];
  findings?: DemoFinding[];
  status: 'draft' | 'completed';
  startedAt: Date;
  /** Completion (completed) or the last save (draft). */
  endedAt: Date;
  representative: RepresentativeSignature | null;
  location?: string | null;
  summary?: string | null;
}): DemoInspection {
  const id = o.id ?? randomUUID();
  const methodTags = o.methodTags ?? [];
  const items = itemsOf(o.template.content);
  const inspectors = o.inspectors.map((i) => ({ userId: i.userId, certificateNo: i.certificateNo }));
  const completed = o.status === 'completed';
  const failedCount = o.answers.filter((a) => a.result === 'nonconform').length;

  let signatureHash: string | null = null;
  let signedPayload: unknown = null;
  if (completed) {
    const refusal = inspectionCompletionRefusal({
      type: o.type, inspectors, items, answers: o.answers,
      signatures: { inspectorUserIds: inspectors.map((i) => i.userId), representative: o.representative },
    });
    if (refusal) throw new Error(`demo data: inspection at ${o.enterprise.demo.name} cannot complete (${refusal.refusal})`);
    signedPayload = signaturePayload({
      inspectionId: id, type: o.type, enterpriseId: o.enterprise.id, inspectedOn: o.inspectedOn,
      template: { code: o.template.code, version: o.template.version }, methodTags, inspectors, items, answers: o.answers,
    });
    signatureHash = inspectionSignatureHash(signedPayload);
  }
  const signedAt = new Date(o.endedAt.getTime() - 60_000);
  const rep = completed ? o.representative : null;

  // Answers are saved one after another between the start and the end.
  const step = (o.endedAt.getTime() - o.startedAt.getTime()) / Math.max(1, o.answers.length + 1);
  const answers: AnswerRow[] = o.answers.map((a, i) => ({
    id: randomUUID(), districtId: o.districtId, inspectionId: id, itemKey: a.itemKey,
    result: a.result ?? null, number: a.number ?? null, text: a.text ?? null, comment: a.comment ?? null,
    hazardDraft: a.hazardDraft ?? null, hazardId: completed ? (a.hazardId ?? null) : null,
    updatedBy: o.inspectors[0]!.userId, updatedAt: new Date(Math.round(o.startedAt.getTime() + step * (i + 1))),
  }));

  return {
    row: {
      id, districtId: o.districtId, townshipId: o.townshipId, villageId: o.enterprise.villageId, enterpriseId: o.enterprise.id,
      number: '', type: o.type, methodTags, inspectedOn: o.inspectedOn, unitId: o.unitId,
      templateCode: o.template.code, templateVersion: o.template.version, periodKey: o.periodKey ?? null, planEntryId: null,
      location: o.location ?? null, summary: o.summary ?? null, status: o.status, failedCount,
      representativeName: rep?.kind === 'signed' ? rep.name : null,
      representativeRefusalNote: rep?.kind === 'refused' ? rep.note : null,
      representativeSignedAt: rep ? signedAt : null,
      signatureHash, signedPayload, completedAt: completed ? o.endedAt : null, completedBy: completed ? o.inspectors[0]!.userId : null,
      createdBy: o.inspectors[0]!.userId, version: completed ? o.answers.length + 3 : o.answers.length + 1,
      createdAt: o.startedAt, updatedAt: o.endedAt,
    },
    inspectors: o.inspectors.map((i, n) => ({
      districtId: o.districtId, inspectionId: id, userId: i.userId, name: i.displayName, certificateNo: i.certificateNo,
      sortOrder: n, signedAt: completed ? new Date(signedAt.getTime() - (o.inspectors.length - n) * 60_000) : null,
      signatureHash: completed ? signatureHash : null,
    })),
    answers,
    findings: o.findings ?? [],
    template: o.template,
  };
}

/**
 * Numbers every inspection per year of its date in creation order (YB-JC-2026-000001…), names the
 * number in its findings' report notes, and answers the counters at the last number.
 */
export function numberInspections(all: DemoInspection[], districtId: string): (typeof recordCounters.$inferInsert)[] {
  const sorted = [...all].sort((a, b) => a.row.createdAt!.getTime() - b.row.createdAt!.getTime());
  const last = new Map<number, number>();
  for (const i of sorted) {
    const year = Number(i.row.inspectedOn.slice(0, 4));
    const seq = (last.get(year) ?? 0) + 1;
    last.set(year, seq);
    i.row.number = formatRecordNumber(DEMO_HAZARD_PREFIX, 'inspection', year, seq);
    // The report note the inspections service writes: the record's number and the item, shortened.
    for (const f of i.findings) {
      const content = itemsOf(i.template.content).find((it) => it.key === f.itemKey)?.content ?? f.itemKey;
      f.note = `检查记录 ${i.row.number}：${[...content].length > 24 ? `${[...content].slice(0, 24).join('')}…` : content}`;
    }
  }
  return [...last].map(([year, lastSeq]) => ({ districtId, kind: 'inspection', year, lastSeq }));
}
