// Who sees and who may change which hazard, for every role of the test world: others' hazards
// answer 404 by id and on actions, are absent from lists, counts and exports; read-only roles
// and the wrong side of the loop are refused with FORBIDDEN and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { hazards as hazardsTable } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildUser } from '../../test/factories.ts';
import { act, actOk, fullPlan, getHazard, reportHazard, uploadPhoto } from '../../test/hazards.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type ActorKey, type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';

type HazardKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'X';
let t: TestApp;
let w: World;
const sessions = new Map<ActorKey | 'enterpriseA', Session>();
const hz = {} as Record<HazardKey, THazardDetail>;
const s = (k: ActorKey | 'enterpriseA') => sessions.get(k)!;

//   hazard  enterprise  village  sector  reported by   responsible
//   A       a           V1a      chem    villageV1a    V1a
//   B       b           V1a      fire    villageV1a    V1a
//   C       c           V1b      build   officeT1      V1b (no build department in T1)
//   D       d           V2       chem    villageV2     V2
//   E       e           V2       build   villageV2     V2
//   X       x           XV       x       officeX       XV
const EXPECTED: Record<ActorKey | 'enterpriseA', HazardKey[]> = {
  adminD: ['A', 'B', 'C', 'D', 'E'],
  officeD: ['A', 'B', 'C', 'D', 'E'],
  officeT1: ['A', 'B', 'C'],
  leaderT2: ['D', 'E'],
  deptChemT1: ['A'], // chemicals in T1 only: not B (fire), not D (chem, but T2)
  deptBuildD: ['C', 'E'], // construction across the district
  villageV1a: ['A', 'B'],
  villageV2: ['D', 'E'],
  enterpriseB: ['B'],
  enterpriseA: ['A'],
  groupMember: ['B', 'C', 'E'], // V1b ∪ 住建局 (build in D) ∪ 消防所 (fire in T1)
  groupless: [],
  officeX: ['X'],
};
const ALL: HazardKey[] = ['A', 'B', 'C', 'D', 'E', 'X'];
const DESCRIPTION = (k: HazardKey) => `范围测试隐患${k}：安全出口堵塞`;
const keyOf = (id: string) => ALL.find((k) => hz[k].id === id) ?? `unknown:${id}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [key, u] of Object.entries(w.users)) sessions.set(key as ActorKey, await loginAs(t.app, u.username, u.password));
  const entA = await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id });
  sessions.set('enterpriseA', await loginAs(t.app, entA.username, entA.password));
  const now = t.clock.now();
  // numbers run per district (X's first hazard has the same number as D's): tell them apart by description
  const r = (k: HazardKey, who: ActorKey, e: keyof World['enterprises'], sectorId: string) =>
    reportHazard(s(who), now, {
      enterpriseId: w.enterprises[e].id, sectorId, source: who.startsWith('office') ? 'department' : 'village', description: DESCRIPTION(k),
    });
  hz.A = await r('A', 'villageV1a', 'a', w.chem.id);
  hz.B = await r('B', 'villageV1a', 'b', w.fire.id);
  hz.C = await r('C', 'officeT1', 'c', w.build.id);
  hz.D = await r('D', 'villageV2', 'd', w.chem.id);
  hz.E = await r('E', 'villageV2', 'e', w.build.id);
  hz.X = await r('X', 'officeX', 'x', w.xSector.id);
});
afterAll(() => t?.close());

describe('the fixture', () => {
  it('puts each hazard where the table says', () => {
    expect(hz.C.responsibleUnitId).toBe(w.V1b.id);
    expect([hz.A, hz.B].map((h) => h.responsibleUnitId)).toEqual([w.V1a.id, w.V1a.id]);
    expect([hz.D, hz.E].map((h) => h.responsibleUnitId)).toEqual([w.V2.id, w.V2.id]);
    expect(hz.X.responsibleUnitId).toBe(w.XV.id);
  });
});

describe.each(Object.entries(EXPECTED) as [ActorKey | 'enterpriseA', HazardKey[]][])('%s', (key, sees) => {
  const hidden = () => ALL.filter((k) => !sees.includes(k));

  it('lists exactly the hazards in its scope, with matching counts', async () => {
    const res = await s(key).get('/api/hazards?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((h: { id: string }) => keyOf(h.id)).sort()).toEqual(sees);
    expect(body.total).toBe(sees.length);
    const counted = Object.values(body.statusCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(sees.length);
  });

  it('cannot widen its list with filters or search', async () => {
    for (const q of [`villageId=${w.XV.id}`, `villageId=${w.V2.id}`, `villageId=${w.V1a.id}`, `sectorId=${w.chem.id}`, 'q=有限公司', `enterpriseId=${w.enterprises.d.id}`, `responsibleUnitId=${w.V1a.id}`, 'includeVoided=true']) {
      const body = (await s(key).get(`/api/hazards?pageSize=100&${q}`)).json();
      for (const h of body.items as { id: string }[]) expect(sees, q).toContain(keyOf(h.id));
    }
  });

  it('opens its hazards and gets 404 for everyone else’s', async () => {
    for (const k of sees) expect((await s(key).get(`/api/hazards/${hz[k].id}`)).statusCode, k).toBe(200);
    for (const k of hidden()) {
      const res = await s(key).get(`/api/hazards/${hz[k].id}`);
      expect(res.statusCode, k).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
  });

  it('cannot act on hazards outside its scope (404) nor download their photos', async () => {
    for (const k of hidden()) {
      for (const body of [
        { action: 'void', reason: '越权作废' },
        { action: 'submit_plan', plan: fullPlan({ owner: '越权' }) },
        { action: 'edit', description: '越权修改' },
      ]) {
        const res = await s(key).request('POST', `/api/hazards/${hz[k].id}/actions`, { ...body, version: hz[k].version });
        expect(res.statusCode, `${body.action} ${k}`).toBe(404);
      }
      const photo = hz[k].beforePhotos[0]!;
      expect((await s(key).get(photo.url)).statusCode, `photo of ${k}`).toBe(404);
    }
  });

  it('exports only its scope', async () => {
    const res = await s(key).get('/api/hazards/export');
    if (res.statusCode === 403) return; // a role without export: nothing leaks either
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(res.rawPayload);
    const cells = new Set(sheet.rows.flatMap((r) => Object.values(r)));
    for (const k of ALL) expect(cells.has(DESCRIPTION(k)), k).toBe(sees.includes(k));
  });

  it('its dashboard counts only its scope', async () => {
    const res = await s(key).get('/api/dashboard/hazards');
    if (res.statusCode === 403) return;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().found).toBe(sees.length);
  });
});

describe('nothing was changed by the refused requests', () => {
  it('every hazard is as reported', async () => {
    const rows = await t.db.select().from(hazardsTable);
    for (const r of rows) {
      expect(r.status).toBe('reported');
      expect(r.description).not.toBe('越权修改');
      expect(r.version).toBe(1);
    }
  });
});

describe('roles inside their scope', () => {
  const allActionBodies = (h: THazardDetail) => [
    { action: 'submit_plan', plan: fullPlan() },
    { action: 'accept' },
    { action: 'void', reason: '领导作废' },
    { action: 'edit', description: '领导修改' },
    { action: 'request_extension', newDueDate: '2024-07-01', reason: '申请延期' },
    { action: 'transfer', toUnitId: w.depChemT1.id, reason: '移送' },
    { action: 'list', level: 'township', leaderName: '某', listedOn: '2024-06-03', documentNo: '1号' },
  ].map((b) => ({ ...b, version: h.version }));

  it.each(['leaderT2', 'groupMember'] as const)('%s sees hazards but can do nothing to them (403)', async (key) => {
    const visible = EXPECTED[key][0]!;
    const h = await getHazard(s(key), hz[visible].id);
    expect(h.allowedActions).toEqual([]);
    for (const body of allActionBodies(h)) {
      const res = await s(key).request('POST', `/api/hazards/${h.id}/actions`, body);
      expect(res.statusCode, body.action).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect((await getHazard(s(key), h.id)).version).toBe(h.version);
  });

  it('a department that only sees a hazard (not responsible) cannot act on it', async () => {
    const h = await getHazard(s('deptChemT1'), hz.A.id);
    // 立案 only (a case of its own); no step of the hazard's loop
    expect(h.allowedActions).toEqual(['open_case']);
    for (const body of [{ action: 'void', reason: '部门作废' }, { action: 'edit', description: '部门修改' }, { action: 'submit_plan', plan: fullPlan() }]) {
      const res = await s('deptChemT1').request('POST', `/api/hazards/${h.id}/actions`, { ...body, version: h.version });
      expect(res.statusCode, body.action).toBe(403);
    }
  });

  it('the enterprise may plan and rectify, never verify, void, accept, transfer, list or edit', async () => {
    const h0 = await getHazard(s('enterpriseA'), hz.A.id);
    expect([...h0.allowedActions].sort()).toEqual(['request_extension', 'submit_plan']);
    for (const body of [
      { action: 'void', reason: '企业作废' },
      { action: 'edit', description: '企业修改' },
      { action: 'transfer', toUnitId: w.depChemT1.id, reason: '企业移送' },
    ]) {
      const res = await act(s('enterpriseA'), h0.id, body);
      expect(res.statusCode, body.action).toBe(403);
    }
    await actOk(s('enterpriseA'), h0.id, { action: 'submit_plan', plan: fullPlan() });
    const after = await uploadPhoto(s('enterpriseA'), 'after');
    const h = await actOk(s('enterpriseA'), h0.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [after.id] });
    expect(h.status).toBe('awaiting_verification');
    for (const body of [
      { action: 'verify_pass', signerName: '企业自己' },
      { action: 'verify_fail', reason: '企业自己' },
      { action: 'void', reason: '企业作废' },
    ]) {
      const res = await act(s('enterpriseA'), h.id, body);
      expect(res.statusCode, body.action).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    // another enterprise of the same village does not even see it
    expect((await act(s('enterpriseB'), h.id, { action: 'verify_pass', signerName: '乙' }, s('villageV1a'))).statusCode).toBe(404);
    // the responsible village verifies
    const closed = await actOk(s('villageV1a'), h.id, { action: 'verify_pass', signerName: '李验收' });
    expect(closed.status).toBe('closed');
  });

  it('the district office supervises every township: it may verify and void', async () => {
    const h = await getHazard(s('officeD'), hz.E.id);
    expect(h.allowedActions).toEqual(expect.arrayContaining(['void', 'edit', 'submit_plan']));
    const edited = await actOk(s('officeD'), h.id, { action: 'edit', description: '区安委办核实后修改描述' });
    expect(edited.description).toBe('区安委办核实后修改描述');
    expect(edited.events.at(-1)).toMatchObject({ action: 'edit' });
  });
});
