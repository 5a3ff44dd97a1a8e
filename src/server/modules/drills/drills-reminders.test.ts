// Reminders of drills and training on a real database: an enterprise with an account is told 30
// and again 7 days before an owed window closes unmet, and once when it closed short, each once;
// a record held in the window, an enterprise without an account, one not owing the window, are not.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox } from '../../db/schema/index.ts';
import { type TestDatabase, createTestDatabase } from '../../test/db.ts';
import { buildSafetyActivity } from '../../test/drills-fixtures.ts';
import { type EnterpriseRow, buildEnterprise, buildUser } from '../../test/factories.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { drillReminders } from './drills.reminders.ts';

let db: TestDatabase;
let w: World;
let plain: EnterpriseRow;
let drilled: EnterpriseRow;
let highRisk: EnterpriseRow;
let noAccount: EnterpriseRow;
let late: EnterpriseRow;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db.db);
  const old = new Date('2023-01-01T00:00:00Z');
  const e = (name: string, o: { isHighRisk?: boolean; createdAt?: Date } = {}) => buildEnterprise(db.db, { village: w.V1b, sectorIds: [w.fire.id], name, createdAt: old, ...o });
  plain = await e('未演练商贸');
  drilled = await e('已演练商贸');
  highRisk = await e('高危化工', { isHighRisk: true });
  noAccount = await e('无账号商贸');
  late = await e('下半年新设商贸', { createdAt: new Date('2024-07-10T00:00:00Z') }); // owes nothing for 2024
  for (const x of [plain, drilled, highRisk, late]) await buildUser(db.db, { role: 'enterprise', unit: w.V1b, enterpriseId: x.id });
  const by = { createdBy: w.users.villageV1a.id, createdByUnitId: w.V1b.id };
  await buildSafetyActivity(db.db, { enterprise: drilled, heldOn: '2024-03-05', ...by });
  await buildSafetyActivity(db.db, { enterprise: drilled, kind: 'all_staff_training', heldOn: '2024-04-05', ...by });
  await buildSafetyActivity(db.db, { enterprise: drilled, kind: 'special_drill', heldOn: '2024-12-20', voided: true, ...by }); // voided: not a record
  await buildSafetyActivity(db.db, { enterprise: highRisk, heldOn: '2024-08-01', ...by }); // the second half only
});
afterAll(() => db?.close());

const sent = async (ids: string[]) => (await db.db.select().from(notificationOutbox)
  .where(and(inArray(notificationOutbox.entityId, ids), inArray(notificationOutbox.kind, ['drill.due_soon', 'drill.missed']))).orderBy(notificationOutbox.id))
  .map((r) => ({ kind: r.kind, key: r.dedupeKey!.split(':').slice(2).join(':'), to: (r.audience as { enterpriseIds: string[] }).enterpriseIds, title: r.title, body: r.body, href: r.href, entity: r.entityId }));

/** One statement inserts a run's rows in no particular order: compared as sets. */
const set = <T,>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('drill reminders', () => {
  it('tell a half-year window closed short once, to the enterprise', async () => {
    await drillReminders(db.db, '2024-07-05');
    const out = await sent([highRisk.id, plain.id, drilled.id, noAccount.id, late.id]);
    expect(out).toEqual([{
      kind: 'drill.missed', key: 'drill:2024-06-30', to: [highRisk.id], title: '应急演练上期未按要求开展', body: '2024-01-01至2024-06-30应开展1次，未登记',
      href: '/drills/new?category=drill', entity: highRisk.id,
    }]);
    expect(await drillReminders(db.db, '2024-07-06')).toBe(0);
  });

  it('tell an owed window unmet 30 and 7 days before it closes, once each', async () => {
    const ids = [plain.id, drilled.id, noAccount.id, late.id];
    await drillReminders(db.db, '2024-12-01');
    const first = await sent(ids);
    expect(set(first.map((r) => [r.entity, r.kind, r.key]))).toEqual(set([
      [plain.id, 'drill.due_soon', 'drill:2024-12-31:30'], [plain.id, 'drill.due_soon', 'training:2024-12-31:30'],
    ]));
    expect(first.find((r) => r.key.startsWith('drill:'))).toMatchObject({ title: '本期应急演练尚未开展', body: '请于 2024-12-31 前开展并登记（还剩 30 天）' });
    expect(await drillReminders(db.db, '2024-12-10')).toBe(0); // still the 30-day stage
    expect(await drillReminders(db.db, '2024-12-24')).toBe(3); // the 7-day stage: plain's two and the high-risk's training (never trained)
    const second = (await sent(ids)).slice(2);
    expect(set(second.map((r) => r.key))).toEqual(['drill:2024-12-31:7', 'training:2024-12-31:7']);
    expect(await drillReminders(db.db, '2024-12-28')).toBe(0);
  });

  it('tell the windows closed short after the year ends, and nothing for one recorded', async () => {
    await drillReminders(db.db, '2025-01-02');
    const missed = (await sent([plain.id, drilled.id, late.id, highRisk.id])).filter((r) => r.kind === 'drill.missed');
    expect(set(missed.map((r) => [r.entity, r.key]))).toEqual(set([
      [highRisk.id, 'drill:2024-06-30'], [plain.id, 'drill:2024-12-31'], [plain.id, 'training:2024-12-31'], [highRisk.id, 'training:2024-12-31'],
    ]));
    expect(await drillReminders(db.db, '2025-01-03')).toBe(0);
    const none = await db.db.select().from(notificationOutbox).where(eq(notificationOutbox.entityId, noAccount.id));
    expect(none).toEqual([]);
  });
});
