// 验收销号: the verifying side closes the hazard with evidence and a signature over the record as
// it is closed (content, plan, evidence hashes, signer and time); pending requests are settled.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/index.ts';
import { attachFiles, listFilesOf } from '../../files/index.ts';
import * as repo from '../hazards.repository.ts';
import { HAZARD_FILE_OWNER, type HazardHandler } from './hazard-action.ts';
import { settlePending } from './settle-pending.ts';

export const verifyPass: HazardHandler<'verify_pass'> = {
  async input({ tx, row: h, body }) {
    const afterPhotos = ((await listFilesOf(tx, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? []).filter((f) => f.purpose === 'after').length;
    return { action: 'verify_pass', evidenceCount: body.evidenceFileIds.length + afterPhotos, signed: body.signerName.trim().length > 0 };
  },
  async run(c) {
    const { tx, actor, row: h, body, now } = c;
    const evidence = await attachFiles(tx, actor, { ids: body.evidenceFileIds, ownerType: HAZARD_FILE_OWNER, ownerId: h.id, purpose: 'evidence', field: 'evidenceFileIds' });
    const allFiles = (await listFilesOf(tx, HAZARD_FILE_OWNER, [h.id])).get(h.id) ?? [];
    const latestPlan = (await repo.plansOf(tx, h.id))[0] ?? null;
    const signed = {
      hazardId: h.id, number: h.number, enterpriseId: h.enterpriseId, description: h.description, level: h.level,
      location: h.location, rectificationNote: h.rectificationNote, plan: latestPlan,
      files: allFiles.map((f) => ({ id: f.id, purpose: f.purpose, sha256: f.sha256 })).sort((a, b) => a.id.localeCompare(b.id)),
      signerId: actor.userId, signerName: body.signerName, signedAt: now.toISOString(), status: 'closed',
    };
    const signatureHash = createHash('sha256').update(canonicalJson(signed)).digest('hex');
    const settled = await settlePending(c, '隐患已销号');
    return {
      set: { closedAt: now, verifiedBy: actor.userId, verifierName: body.signerName, signatureHash, ...settled },
      event: { note: body.note ?? null, data: { signerName: body.signerName, signatureHash, evidence: evidence.length } },
    };
  },
};
