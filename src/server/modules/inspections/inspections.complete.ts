// Completing an inspection: the last signature, the enterprise's signature (or the refusal),
// and in one transaction the locked record and one hazard per 不符合 item, created through
// the hazard use case so the ledger's rules (numbers, scope, responsible unit) hold.
import type { z } from 'zod';
import { HazardCreate, type THazardCreate } from '../../../contract/hazards.ts';
import type { InspectionComplete, TInspectionDetail, THazardDraft } from '../../../contract/inspections.ts';
import { itemFinding } from '../../../domain/checklists/checklist.ts';
import type { HazardSource } from '../../../domain/hazards/hazard-machine.ts';
import {
  ANSWER_PROBLEM_MESSAGES, INSPECTION_COMPLETION_REFUSAL_MESSAGES, type InspectionCompletionRefusal, failedItems, inspectionCompletionRefusal,
  inspectorRuleRefusal, isSelfInspection,
} from '../../../domain/inspections/inspection-rules.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { createHazardInTx } from '../hazards/index.ts';
import * as repo from './inspections.repository.ts';
import { assertDraft, assertInspector, getInspection, loadInScope } from './inspections.service.ts';
import { HAZARD_DRAFT_MISSING, type InspectionState, domainAnswers, hashOfPayload, loadState, payloadOf, signedUserIds } from './inspections.state.ts';

/** Where a hazard found by an inspection comes from, by the inspecting role. */
const HAZARD_SOURCE_BY_ROLE: Record<Role, HazardSource> = {
  enterprise: 'self_inspection',
  department: 'department',
  village: 'village',
  supervision_group: 'supervision',
  office: 'supervision',
  admin: 'supervision',
  leader: 'supervision', // leaders start no inspections (inspection-policy); listed for completeness
};

const short = (s: string) => ([...s].length > 24 ? `${[...s].slice(0, 24).join('')}…` : s);

function completionError(r: InspectionCompletionRefusal, s: InspectionState): AppError {
  const msg = INSPECTION_COMPLETION_REFUSAL_MESSAGES[r.refusal];
  switch (r.refusal) {
    case 'answers_incomplete': {
      const fields: Record<string, string[]> = {};
      for (const p of r.problems) (fields[`answers.${p.itemKey}`] ??= []).push(ANSWER_PROBLEM_MESSAGES[p.problem]);
      return invalid(fields, `${msg}：${r.problems.length}项待处理`);
    }
    case 'inspector_signature_missing':
    case 'signer_not_inspector': {
      const names = r.userIds.map((id) => s.inspectors.find((i) => i.userId === id)?.name ?? id);
      return invalid({ signatures: names.map((n) => `${n}尚未签名`) }, `${msg}（${names.join('、')}尚未签名）`);
    }
    case 'representative_signature_missing':
    case 'representative_refusal_note_missing':
      return invalid({ representative: [msg] }, msg);
    default:
      return invalid({ coInspectorUserIds: [msg] }, msg);
  }
}

export async function completeInspection(ctx: AppContext, actor: Actor, id: string, body: z.output<typeof InspectionComplete>): Promise<TInspectionDetail> {
  const listRow = await loadInScope(ctx.db, actor, id);
  const row = listRow.i;
  assertDraft(row);
  const state = await loadState(ctx.db, listRow);
  assertInspector(state.inspectors, actor);
  if (body.version !== row.version) throw conflict();

  // The record names the certificates as copied; each inspector must still hold one now.
  const current = await repo.usersFull(ctx.db, state.inspectors.map((i) => i.userId));
  const nowRefusal = inspectorRuleRefusal(row.type, state.inspectors.map((i) => ({ userId: i.userId, certificateNo: current.find((u) => u.id === i.userId)?.enforcementCertificateNo ?? null })));
  if (nowRefusal) throw completionError({ refusal: nowRefusal }, state);

  const payload = payloadOf(state);
  const hash = hashOfPayload(payload);
  const self = isSelfInspection(row.type);
  const representative = self ? null : body.representative;
  const answers = domainAnswers(state);
  const refusal = inspectionCompletionRefusal({
    type: row.type,
    inspectors: state.inspectors.map((i) => ({ userId: i.userId, certificateNo: i.certificateNo })),
    items: state.items,
    answers,
    signatures: { inspectorUserIds: [...new Set([...signedUserIds(state, hash), actor.userId])], representative },
  });
  if (refusal) throw completionError(refusal, state);

  const now = ctx.clock.now();
  const failed = failedItems(state.items, answers).map(({ item }) => {
    const draft = state.answers.find((a) => a.itemKey === item.key)?.hazardDraft as THazardDraft | null;
    if (!draft) throw invalid({ [`answers.${item.key}.hazardDraft`]: [HAZARD_DRAFT_MISSING] }, `检查项「${short(itemFinding(item))}」：${HAZARD_DRAFT_MISSING}`);
    const parsed = HazardCreate.safeParse({
      enterpriseId: row.enterpriseId, source: HAZARD_SOURCE_BY_ROLE[actor.role], foundAt: now.toISOString(), description: draft.description,
      location: draft.location, sectorId: draft.sectorId, category: null, level: draft.level, criterion: draft.criterion, fixedOnSpot: false,
      beforePhotoIds: [], afterPhotoIds: [], rectificationNote: null, dueDate: draft.dueDate,
    });
    if (!parsed.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fields[`answers.${item.key}.hazardDraft.${issue.path.join('.')}`] ??= []).push(issue.message);
      const first = parsed.error.issues[0]?.message ?? '隐患信息有误';
      throw invalid(fields, `检查项「${short(itemFinding(item))}」的隐患：${first}`);
    }
    return { item, input: parsed.data as THazardCreate };
  });

  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateInspection(tx, id, row.version, {
      status: 'completed', summary: body.summary ?? row.summary,
      representativeName: representative?.kind === 'signed' ? representative.name : null,
      representativeRefusalNote: representative?.kind === 'refused' ? representative.note : null,
      representativeSignedAt: representative ? now : null,
      signatureHash: hash, signedPayload: payload, completedAt: now, completedBy: actor.userId, failedCount: failed.length, updatedAt: now,
    });
    if (!updated) throw conflict();
    await repo.signInspector(tx, id, actor.userId, now, hash);
    const hazardIds: string[] = [];
    for (const { item, input } of failed) {
      const link = {
        inspectionId: id, itemKey: item.key, note: `检查记录 ${row.number}：${short(itemFinding(item))}`, copyBeforePhotos: state.photos.get(item.key) ?? [],
      };
      const hazardId = await createHazardInTx(tx, ctx, actor, input, link).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'VALIDATION') {
          const fields = Object.fromEntries(Object.entries(e.fieldErrors ?? {}).map(([k, v]) => [`answers.${item.key}.hazardDraft.${k}`, v]));
          throw invalid(fields, `检查项「${short(itemFinding(item))}」的隐患：${Object.values(e.fieldErrors ?? {})[0]?.[0] ?? e.userMessage}`);
        }
        throw e;
      });
      await repo.setAnswerHazard(tx, id, item.key, hazardId);
      hazardIds.push(hazardId);
    }
    await recordAudit(tx, {
      at: now, districtId: row.districtId, actor: actor, action: 'inspection.complete', entityType: 'inspection', entityId: id,
      before: { status: row.status, version: row.version },
      after: {
        status: 'completed', signatureHash: hash, hazardIds,
        representative: representative ? (representative.kind === 'signed' ? { name: representative.name } : { refusalNote: representative.note }) : null,
      },
    });
  });
  return getInspection(ctx, actor, id);
}
