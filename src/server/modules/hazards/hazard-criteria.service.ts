// 判定依据: the configurable list of criteria suggested when a hazard is reported as major.
import type { z } from 'zod';
import type { HazardCriterionCreate, HazardCriterionUpdate } from '../../../contract/hazards.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findSector } from '../org/index.ts';
import * as repo from './hazards.repository.ts';

type Row = Awaited<ReturnType<typeof repo.insertCriterion>>;
const present = (c: Row) => ({ id: c.id, sectorId: c.sectorId, text: c.text, sortOrder: c.sortOrder, active: c.active, version: c.version });

export async function listCriteria(ctx: AppContext, actor: Actor, q: { sectorId?: string | undefined; includeInactive?: boolean | undefined }) {
  return { items: (await repo.criteriaOf(ctx.db, actor.districtId, q)).map(present) };
}

async function assertSector(ctx: AppContext, actor: Actor, sectorId: string | null | undefined) {
  if (sectorId && !(await findSector(ctx.db, actor.districtId, sectorId))) throw invalid({ sectorId: ['行业领域不存在'] });
}

export async function createCriterion(ctx: AppContext, actor: Actor, input: z.output<typeof HazardCriterionCreate>) {
  await assertSector(ctx, actor, input.sectorId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await repo.insertCriterion(tx, { districtId: actor.districtId, ...input, createdAt: now, updatedAt: now });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName }, action: 'hazard_criterion.create', entityType: 'hazard_criterion', entityId: c.id, after: c });
    return present(c);
  });
}

export async function updateCriterion(ctx: AppContext, actor: Actor, id: string, input: z.output<typeof HazardCriterionUpdate>) {
  const current = await repo.findCriterion(ctx.db, actor.districtId, id);
  if (!current) throw notFound('判定依据');
  await assertSector(ctx, actor, input.sectorId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { version, ...set } = input;
    const c = await repo.updateCriterion(tx, actor.districtId, id, version, { ...set, updatedAt: now });
    if (!c) throw conflict();
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor: { userId: actor.userId, displayName: actor.displayName }, action: 'hazard_criterion.update', entityType: 'hazard_criterion', entityId: id, before: current, after: c });
    return present(c);
  });
}
