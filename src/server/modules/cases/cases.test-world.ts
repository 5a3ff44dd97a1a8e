// The world the enforcement case API tests share: the test region, one session per role, and
// shortcuts for opening, driving and listing cases through the HTTP API.
import { afterAll, beforeAll, expect } from 'vitest';
import type { TCaseDetail, TCaseListResponse } from '../../../contract/cases.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

export let t: TestApp;
export let w: World;
export let office: Session; // 安委办 of 一镇 (T1): a, b, c
export let deptChem: Session; // 应急站 of 一镇: chemicals in T1 (a, c)
export let deptBuild: Session; // 住建局 (district): building (c, e)
export let village: Session; // 一村: a, b
export let otherVillage: Session; // 三村 (V2): d, e
export let entA: Session; // enterprise a
export let entB: Session; // enterprise b
export let leader: Session; // leader of 二镇: d, e
export let group: Session; // supervision group: b, c, e
export let officeX: Session; // another district
export let admin: Session; // district admin: a–e

export const now = () => t.clock.now();
export const TODAY = '2024-06-03';


export const openCase = (s: Session, body: Record<string, unknown>) =>
  s.request('POST', '/api/cases', { title: '未按规定开展安全风险辨识', facts: '现场检查发现', filedOn: '2024-06-01', ...body });
export async function openOk(s: Session, body: Record<string, unknown>): Promise<TCaseDetail> {
  const res = await openCase(s, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseDetail;
}
export async function getCase(s: Session, id: string): Promise<TCaseDetail> {
  const res = await s.get(`/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseDetail;
}
export async function act(s: Session, id: string, body: Record<string, unknown>) {
  const version = body.version ?? (await getCase(s, id)).version;
  return s.request('POST', `/api/cases/${id}/actions`, { ...body, version });
}
export async function actOk(s: Session, id: string, body: Record<string, unknown>): Promise<TCaseDetail> {
  const res = await act(s, id, body);
  expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
  return res.json() as TCaseDetail;
}
export const penalty = (enterpriseYuan: number, principalYuan: number) => ({ kind: 'penalty', fineOnEnterpriseYuan: enterpriseYuan, fineOnPrincipalYuan: principalYuan });
export const decide = (measures: unknown[], o: Record<string, unknown> = {}) => ({ action: 'decide', measures, documentNo: '渝北应急罚〔2024〕12号', decidedOn: TODAY, ...o });
/** A case of enterprise a by 应急站, taken to 决定 with the given measures. */
export async function decidedCase(measures: unknown[], o: Record<string, unknown> = {}, s: Session = deptChem, enterpriseId = w.enterprises.a.id) {
  const c = await openOk(s, { enterpriseId });
  await actOk(s, c.id, { action: 'investigate' });
  return actOk(s, c.id, decide(measures, o));
}
export async function list(s: Session, query = ''): Promise<TCaseListResponse> {
  const res = await s.get(`/api/cases?pageSize=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseListResponse;
}
export const ids = (l: { items: { id: string }[] }) => l.items.map((i) => i.id);

/** Registers the world's setup and teardown around the calling test file. */
export function useCaseWorld(): void {
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.db);
    const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
    office = await login(w.users.officeT1);
    deptChem = await login(w.users.deptChemT1);
    deptBuild = await login(w.users.deptBuildD);
    village = await login(w.users.villageV1a);
    otherVillage = await login(w.users.villageV2);
    entB = await login(w.users.enterpriseB);
    entA = await login(await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id }));
    leader = await login(w.users.leaderT2);
    group = await login(w.users.groupMember);
    officeX = await login(w.users.officeX);
    admin = await login(w.users.adminD);
  });
  afterAll(() => t?.close());
}
