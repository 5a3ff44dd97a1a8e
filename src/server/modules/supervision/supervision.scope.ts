// Who sees and acts on the work groups, their visits and findings. A group is seen by the office,
// admins and leaders of its region and by its own members; a visit or finding also by the unit it
// concerns. A member acts for the group; so does the office over it (the 安委办 runs the groups).
// Out of scope answers 404.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { supervisionGroupMembers, supervisionGroups } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { can } from '../../../domain/access/permissions.ts';
import { keepsGroup } from '../../../domain/access/scope.ts';

export type GroupRow = typeof supervisionGroups.$inferSelect;

const REGION_WATCHERS = new Set(['admin', 'office', 'leader']);

/** The township a group set up by this actor belongs to (null: the district's own). */
export const townshipOf = (actor: Actor): string | null => (actor.unitKind === 'township' ? actor.unitId : null);

export { keepsGroup };

const memberOf = (actor: Actor) =>
  sql`${supervisionGroups.id} in (select ${supervisionGroupMembers.groupId} from ${supervisionGroupMembers} where ${supervisionGroupMembers.userId} = ${actor.userId})`;

/** The groups the actor sees. */
export function groupScopeSql(actor: Actor): SQL {
  const parts: SQL[] = [memberOf(actor)];
  if (REGION_WATCHERS.has(actor.role)) {
    if (actor.unitKind === 'district') parts.push(eq(supervisionGroups.districtId, actor.districtId));
    if (actor.unitKind === 'township') parts.push(eq(supervisionGroups.townshipId, actor.unitId));
  }
  return and(eq(supervisionGroups.districtId, actor.districtId), or(...parts))!;
}

/** A visit's or finding's scope: its group is seen, or it concerns the actor's own unit. Written on the row's group_id and unit_id. */
export function recordScopeSql(actor: Actor, t: { districtId: SQL | unknown; groupId: unknown; unitId: unknown }): SQL {
  // An enterprise account carries its village's unit: it must not see the village's supervision.
  if (!can(actor.role, 'read:supervision')) return sql`false`;
  const groups = sql`select ${supervisionGroups.id} from ${supervisionGroups} where ${groupScopeSql(actor)}`;
  return sql`(${t.districtId} = ${actor.districtId} and (${t.unitId} = ${actor.unitId} or ${t.groupId} in (${groups})))`;
}

/** The active groups the actor acts for: those they are a member of, and (office, admin) every active group of their region. */
export async function actingGroupIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  const conds: SQL[] = [memberOf(actor)];
  if (actor.role === 'office' || actor.role === 'admin') {
    if (actor.unitKind === 'district') conds.push(eq(supervisionGroups.districtId, actor.districtId));
    if (actor.unitKind === 'township') conds.push(eq(supervisionGroups.townshipId, actor.unitId));
  }
  const rows = await db.select({ id: supervisionGroups.id }).from(supervisionGroups)
    .where(and(eq(supervisionGroups.districtId, actor.districtId), eq(supervisionGroups.active, true), or(...conds))).limit(500);
  return rows.map((r) => r.id);
}

/**
 * Whether the actor acts for this group now: a member of an active group, or the office over it.
 * A disbanded group records no new visits; the office still settles the findings it left open.
 */
export async function actsForGroup(db: DbOrTx, actor: Actor, groupId: string, o: { settling?: boolean } = {}): Promise<boolean> {
  const [g] = await db.select().from(supervisionGroups).where(and(eq(supervisionGroups.id, groupId), eq(supervisionGroups.districtId, actor.districtId))).limit(1);
  if (!g) return false;
  if (keepsGroup(actor, g) && (g.active || o.settling)) return true;
  if (!g.active) return false;
  const [m] = await db.select({ g: supervisionGroupMembers.groupId }).from(supervisionGroupMembers)
    .where(and(eq(supervisionGroupMembers.groupId, groupId), eq(supervisionGroupMembers.userId, actor.userId))).limit(1);
  return m !== undefined;
}

/** The region's users (a township: its own unit's and its departments' and villages'), as SQL on users.unit_id. */
export function regionUsersSql(region: { districtId: string; townshipId: string | null }, unitId: SQL | unknown): SQL {
  return region.townshipId
    ? sql`(${unitId} = ${region.townshipId} or ${unitId} in (select id from org_units where parent_id = ${region.townshipId}))`
    : sql`true`;
}

/** The region a group belongs to, as an actor-like description (the office's view of it). */
export const groupRegion = (g: { districtId: string; townshipId: string | null }) => ({ districtId: g.districtId, townshipId: g.townshipId });
