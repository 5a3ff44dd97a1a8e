// The world the hazard API tests share: the test region, one session per role that works the loop,
// and shortcuts for reporting and driving hazards through the HTTP API.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { TEST_EPOCH } from '../../test/clock.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { actOk, fullPlan, reportHazard, uploadPhoto } from '../../test/hazards.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

export let t: TestApp;
export let w: World;
export let village: Session; // 一村 (V1a): enterprises a (chem) and b (fire)
export let otherVillage: Session; // 三村 (V2)
export let entA: Session; // enterprise a
export let entB: Session; // enterprise b
export let deptChem: Session; // 应急站 of 一镇: chemicals in T1
export let deptFire: Session; // 消防所 of 一镇: fire in T1
export let office: Session; // 安委办 of 一镇
export let leader: Session; // leader of 二镇

export const now = () => t.clock.now();

/** Village 一村 reports a general hazard at enterprise b (fire). */
export const reportAtB = (o: Record<string, unknown> = {}) =>
  reportHazard(village, now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, ...o });
/** Village 一村 reports a general hazard at enterprise a (chemicals). */
export const reportAtA = (o: Record<string, unknown> = {}, s: Session = village) =>
  reportHazard(s, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, ...o });

/** reported → (plan) rectifying → (after photo) awaiting verification, by enterprise b. */
export async function toAwaitingAtB(o: Record<string, unknown> = {}, plan: Record<string, unknown> = {}): Promise<THazardDetail> {
  const h = await reportAtB(o);
  await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan(plan) });
  const after = await uploadPhoto(entB, 'after');
  return actOk(entB, h.id, { action: 'report_rectification', note: '已更换配电箱并加锁', afterPhotoIds: [after.id] });
}
export const verifyPass = (s: Session, id: string, o: Record<string, unknown> = {}) =>
  actOk(s, id, { action: 'verify_pass', signerName: '李验收', note: '现场复核合格', ...o });
export const actions = (h: THazardDetail) => h.events.map((e) => e.action);
export const list = async (s: Session, query = '') => {
  const res = await s.get(`/api/hazards?pageSize=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; [k: string]: unknown }[]; total: number; statusCounts: Record<string, number>; allCount: number; overdueCount: number };
};
export const ids = (l: { items: { id: string }[] }) => l.items.map((i) => i.id);

/** Registers the world's setup and teardown around the calling test file. */
export function useHazardWorld(): void {
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.db);
    const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
    village = await login(w.users.villageV1a);
    otherVillage = await login(w.users.villageV2);
    entB = await login(w.users.enterpriseB);
    entA = await login(await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id, displayName: '甲企业安全员' }));
    deptChem = await login(w.users.deptChemT1);
    deptFire = await login(await buildUser(t.db, { role: 'department', unit: w.depFireT1, displayName: '消防所干事' }));
    office = await login(w.users.officeT1);
    leader = await login(w.users.leaderT2);
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.set(TEST_EPOCH)); // tests that move the clock put it back
}
