// Finding one occurrence for an actor: the key names a task, a unit and a due day; the campaign must
// be in the actor's scope, the unit must owe the task, and the due day must be one of the task's.
// A department or village sees only its own unit's occurrences (another unit's answers 404); the
// campaign's office, and the region's watchers above it, see all.
import { and, eq } from 'drizzle-orm';
import { watchesAllUnits } from '../../../domain/access/scope.ts';
import { parseOccurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignTasks, campaigns } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { loadCampaign } from './campaigns.service.ts';
import { type Occurrence, occurrencesOf } from './occurrences.engine.ts';

const NOT_FOUND = '任务节点';

export async function loadOccurrence(db: DbOrTx, actor: Actor, key: string, today: string): Promise<Occurrence> {
  const ref = parseOccurrenceKey(key);
  if (!ref) throw notFound(NOT_FOUND);
  const [t] = await db.select({ campaignId: campaignTasks.campaignId }).from(campaignTasks)
    .innerJoin(campaigns, eq(campaigns.id, campaignTasks.campaignId))
    .where(and(eq(campaignTasks.id, ref.taskId), eq(campaignTasks.districtId, actor.districtId))).limit(1);
  if (!t) throw notFound(NOT_FOUND);
  const { c } = await loadCampaign(db, actor, t.campaignId).catch(() => { throw notFound(NOT_FOUND); });
  if (!c.publishedAt) throw notFound(NOT_FOUND);
  if (!watchesAllUnits(actor, c) && actor.unitId !== ref.unitId) throw notFound(NOT_FOUND);
  const occ = (await occurrencesOf(db, [c], today, { unitId: ref.unitId, taskIds: [ref.taskId] })).find((o) => o.due === ref.due);
  if (!occ) throw notFound(NOT_FOUND);
  return occ;
}

export { watchesAllUnits };
