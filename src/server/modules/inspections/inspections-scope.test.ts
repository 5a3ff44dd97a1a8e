// Whose inspections a whole region sees: those done in it (the inspection's own township), also
// after the district moves the enterprise to another township; narrower scopes follow the enterprise.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInspectionDetail, TInspectionListItem } from '../../../contract/inspections.ts';
import { enterprises } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import type { BuiltUser } from '../../test/factories.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { seedTemplates, startInspection } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let s: Record<'villageV1a' | 'villageV2' | 'officeT1' | 'leaderT2' | 'officeD', Session>;
let done: TInspectionDetail;

type ListBody = { items: TInspectionListItem[]; total: number; counts: { draft: number; completed: number } };
const list = async (who: Session, qs = ''): Promise<ListBody> => {
  const res = await who.get(`/api/inspections${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListBody;
};
const ids = async (who: Session, qs = '') => (await list(who, qs)).items.map((i) => i.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  s = {
    villageV1a: await login(w.users.villageV1a), villageV2: await login(w.users.villageV2), officeT1: await login(w.users.officeT1),
    leaderT2: await login(w.users.leaderT2), officeD: await login(w.users.officeD),
  };
  done = await startInspection(s.villageV1a, { type: 'spot_check', enterpriseId: w.enterprises.a.id, inspectedOn: '2024-06-01' });
});
afterAll(() => t?.close());

describe('inspection scope of a whole region', () => {
  it('is the township the inspection was done in', async () => {
    expect(await ids(s.officeT1)).toContain(done.id);
    expect(await ids(s.leaderT2)).not.toContain(done.id);
  });

  it('stays with that township when the district moves the enterprise to another one', async () => {
    await t.db.update(enterprises).set({ villageId: w.V2.id, townshipId: w.T2.id }).where(eq(enterprises.id, w.enterprises.a.id));

    const t1 = await list(s.officeT1);
    expect(t1.items.map((i) => i.id)).toContain(done.id);
    expect(t1.total).toBe(t1.counts.draft + t1.counts.completed);
    expect(await ids(s.officeT1, `?q=${encodeURIComponent(done.number)}`)).toEqual([done.id]);
    expect(await ids(s.officeT1, `?q=${encodeURIComponent(w.enterprises.a.name)}`)).toEqual([done.id]);
    expect((await s.officeT1.get(`/api/inspections/${done.id}`)).statusCode).toBe(200);

    expect(await ids(s.leaderT2)).not.toContain(done.id);
    expect((await s.leaderT2.get(`/api/inspections/${done.id}`)).statusCode).toBe(404);
    expect(await ids(s.officeD)).toContain(done.id);
    // A village's scope is the enterprise's current village.
    expect(await ids(s.villageV2)).toContain(done.id);
    expect(await ids(s.villageV2, `?q=${encodeURIComponent(w.enterprises.a.name)}`)).toEqual([done.id]);
    expect(await ids(s.villageV2, `?q=${encodeURIComponent(done.number)}`)).toEqual([done.id]);
    expect(await ids(s.villageV1a)).not.toContain(done.id);
  });

  it('counts the total from the status tabs, with and without a status filter', async () => {
    const all = await list(s.officeD);
    const drafts = await list(s.officeD, '?status=draft');
    expect(drafts.total).toBe(all.counts.draft);
    expect(drafts.counts).toEqual(all.counts);
    expect(all.total).toBe(all.counts.draft + all.counts.completed);
  });
});
