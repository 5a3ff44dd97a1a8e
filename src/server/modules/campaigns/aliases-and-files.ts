// The office's unit aliases (names its annexes use, e.g. 党政办 → 党政办公室), and who may download
// a progress report's attachments (whoever may see its occurrence).
import { and, eq, inArray } from 'drizzle-orm';
import { occurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './campaigns.repository.ts';
import { todayOf } from './campaigns.service.ts';
import { loadOccurrence } from './occurrence-access.ts';
import { progressReports, unitAliases } from '../../db/schema/index.ts';

/** The units whose aliases an office keeps: those its campaigns can assign. */
const ownUnits = async (ctx: AppContext, actor: Actor) =>
  new Map((await repo.assignableUnits(ctx.db, actor.districtId, actor.unitKind === 'township' ? actor.unitId : null)).map((u) => [u.id, u]));

export async function aliasList(ctx: AppContext, actor: Actor) {
  const units = await ownUnits(ctx, actor);
  const items = (await repo.aliasesOf(ctx.db, actor.districtId)).filter((a) => units.has(a.unitId));
  return { items: items.map((a) => ({ ...a, unitName: units.get(a.unitId)!.name })) };
}

export async function putAliases(ctx: AppContext, actor: Actor, items: readonly { alias: string; unitId: string }[]) {
  const units = await ownUnits(ctx, actor);
  if (items.some((a) => !units.has(a.unitId))) throw invalid({ items: ['简称对应的单位不在本辖区'] });
  if (new Set(items.map((a) => a.alias)).size !== items.length) throw invalid({ items: ['简称重复'] });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(unitAliases).where(and(eq(unitAliases.districtId, actor.districtId), inArray(unitAliases.unitId, [...units.keys(), '00000000-0000-0000-0000-000000000000'])));
    await repo.saveAliases(tx, actor.districtId, items);
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'unit_alias.save', entityType: 'unit_alias', entityId: null, after: items });
  });
  return aliasList(ctx, actor);
}

export async function reportVisibleTo(ctx: AppContext, actor: Actor, reportId: string): Promise<boolean> {
  const [r] = await ctx.db.select().from(progressReports).where(eq(progressReports.id, reportId)).limit(1);
  if (!r || r.districtId !== actor.districtId) return false;
  return loadOccurrence(ctx.db, actor, occurrenceKey(r), todayOf(ctx)).then(() => true, () => false);
}
