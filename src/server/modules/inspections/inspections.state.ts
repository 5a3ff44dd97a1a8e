// One inspection as the rules see it: row, inspectors, answers with their photos and the
// template version it was filled against; the content signers sign and its hash.
import { createHash } from 'node:crypto';
import { type ChecklistItem, itemsOf } from '../../../domain/checklists/checklist.ts';
import {
  ANSWER_PROBLEM_MESSAGES, type ChecklistAnswer, INSPECTION_COMPLETION_REFUSAL_MESSAGES, type SignaturePayload, canonicalJson, completionProblems,
  failedItems, inspectorRuleRefusal, signaturePayload,
} from '../../../domain/inspections/inspection-rules.ts';
import type { DbOrTx } from '../../db/client.ts';
import { type FileRow, listFilesOf } from '../files/index.ts';
import * as repo from './inspections.repository.ts';
import { type TemplateVersion, templateVersionById } from './inspections.templates.ts';

export const INSPECTION_FILE_OWNER = 'inspection';
export const SIGNED_LOCK_MESSAGE = '检查记录已签名完成，不能修改';

export interface InspectionState {
  listRow: repo.InspectionListRow;
  row: repo.InspectionRow;
  inspectors: repo.InspectorRow[];
  answers: repo.AnswerRow[];
  /** Photos by item key (files.meta.itemKey). */
  photos: Map<string, FileRow[]>;
  template: TemplateVersion;
  items: (ChecklistItem & { groupTitle: string })[];
}

const itemKeyOf = (f: FileRow) => ((f.meta ?? {}) as { itemKey?: unknown }).itemKey;

export async function loadState(db: DbOrTx, listRow: repo.InspectionListRow): Promise<InspectionState> {
  const row = listRow.i;
  const [inspectors, answers, files, template] = await Promise.all([
    repo.inspectorsOf(db, row.id),
    repo.answersOf(db, row.id),
    listFilesOf(db, INSPECTION_FILE_OWNER, [row.id]),
    templateVersionById(db, row.templateVersionId),
  ]);
  if (!template) throw new Error(`inspection ${row.id}: template version ${row.templateVersionId} missing`);
  const photos = new Map<string, FileRow[]>();
  for (const f of files.get(row.id) ?? []) {
    const key = itemKeyOf(f);
    if (typeof key !== 'string') continue;
    photos.set(key, [...(photos.get(key) ?? []), f]);
  }
  return { listRow, row, inspectors, answers, photos, template, items: itemsOf(template.content) };
}

export function domainAnswers(s: Pick<InspectionState, 'answers' | 'photos'>): ChecklistAnswer[] {
  return s.answers.map((a) => ({
    itemKey: a.itemKey, result: a.result, number: a.number, text: a.text, comment: a.comment,
    photoIds: (s.photos.get(a.itemKey) ?? []).map((f) => f.id),
  }));
}

export function payloadOf(s: InspectionState): SignaturePayload {
  return signaturePayload({
    inspectionId: s.row.id, type: s.row.type, enterpriseId: s.row.enterpriseId, inspectedOn: s.row.inspectedOn,
    template: { code: s.row.templateCode, version: s.row.templateVersion }, methodTags: s.row.methodTags as SignaturePayload['methodTags'],
    inspectors: s.inspectors.map((i) => ({ userId: i.userId, certificateNo: i.certificateNo })),
    items: s.items, answers: domainAnswers(s),
  });
}

export const hashOfPayload = (p: unknown): string => createHash('sha256').update(canonicalJson(p)).digest('hex');

/** Inspectors whose signature covers the record as it is now. */
export function signedUserIds(s: InspectionState, currentHash: string): string[] {
  return s.inspectors.filter((i) => i.signedAt !== null && i.signatureHash === currentHash).map((i) => i.userId);
}

export interface Problem {
  itemKey: string | null;
  message: string;
}

/**
 * What still stands in the way of completing a draft, for the detail view: the inspectors'
 * rule, each item's answer, the hazard of each 不符合 item, and signatures still missing
 * (the one who completes signs by completing, so `exceptUserId` is not listed).
 */
export function draftProblems(s: InspectionState, currentHash: string, exceptUserId: string | null): Problem[] {
  const out: Problem[] = [];
  const rule = inspectorRuleRefusal(s.row.type, s.inspectors.map((i) => ({ userId: i.userId, certificateNo: i.certificateNo })));
  if (rule) out.push({ itemKey: null, message: INSPECTION_COMPLETION_REFUSAL_MESSAGES[rule] });
  const answers = domainAnswers(s);
  for (const p of completionProblems(s.items, answers)) out.push({ itemKey: p.itemKey, message: ANSWER_PROBLEM_MESSAGES[p.problem] });
  for (const { item } of failedItems(s.items, answers)) {
    if (!s.answers.find((a) => a.itemKey === item.key)?.hazardDraft) out.push({ itemKey: item.key, message: HAZARD_DRAFT_MISSING });
  }
  const signed = new Set(signedUserIds(s, currentHash));
  for (const i of s.inspectors) {
    if (i.userId !== exceptUserId && !signed.has(i.userId)) out.push({ itemKey: null, message: `${i.name}尚未签名` });
  }
  return out;
}

export const HAZARD_DRAFT_MISSING = '不符合的检查项须确认隐患信息（等级、描述、部位、行业领域）';
