// The scope rules hold for every role: others' records answer 404 by id, are absent from
// lists and exports, and cannot be edited or voided. SQL scope and domain scope agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseInScope, enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { enterprises as enterprisesTable } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type ActorKey, EXPECTED_SCOPE, type EnterpriseKey, type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { loadActor } from '../auth/auth.service.ts';

let t: TestApp;
let w: World;
const sessions = new Map<ActorKey, Session>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const key of Object.keys(EXPECTED_SCOPE) as ActorKey[]) {
    const u = w.users[key];
    sessions.set(key, await loginAs(t.app, u.username, u.password));
  }
});
afterAll(() => t?.close());

const ALL_KEYS: EnterpriseKey[] = ['a', 'b', 'c', 'd', 'e', 'x'];
const keyOfId = (id: string) => ALL_KEYS.find((k) => w.enterprises[k].id === id) ?? `unknown:${id}`;
const WRITERS = new Set(['admin', 'office', 'department', 'village']);

describe.each(Object.entries(EXPECTED_SCOPE) as [ActorKey, (typeof EXPECTED_SCOPE)[ActorKey]][])('%s', (key, { role, sees }) => {
  const s = () => sessions.get(key)!;
  const hidden = () => ALL_KEYS.filter((k) => !sees.includes(k));

  it(`is a ${role} account`, () => {
    expect(s().me.role).toBe(role);
  });

  it('lists exactly the enterprises in its scope', async () => {
    const res = await s().get('/api/enterprises?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((e: { id: string }) => keyOfId(e.id)).sort()).toEqual(sees);
    expect(body.total).toBe(sees.length);
  });

  it('cannot widen its list with filters or search', async () => {
    for (const query of [`villageId=${w.XV.id}`, `villageId=${w.V2.id}`, 'q=有限公司', `sectorId=${w.chem.id}`, 'includeVoided=true']) {
      const body = (await s().get(`/api/enterprises?pageSize=100&${query}`)).json();
      for (const e of body.items as { id: string }[]) expect(sees, query).toContain(keyOfId(e.id));
    }
  });

  it('opens its records by id and gets 404 for everyone else’s', async () => {
    for (const k of sees) expect((await s().get(`/api/enterprises/${w.enterprises[k].id}`)).statusCode, k).toBe(200);
    for (const k of hidden()) {
      const res = await s().get(`/api/enterprises/${w.enterprises[k].id}`);
      expect(res.statusCode, k).toBe(404);
      expect(errorOf(res)).toEqual({ code: 'NOT_FOUND', message: '生产经营单位不存在或无权查看' });
    }
  });

  it('cannot edit or void records outside its scope: 404, and nothing changes', async () => {
    for (const k of hidden()) {
      const target = w.enterprises[k];
      const patch = await s().request('PATCH', `/api/enterprises/${target.id}`, { version: 1, address: '越权修改' });
      expect(patch.statusCode, `PATCH ${k}`).toBe(404);
      const voided = await s().request('POST', `/api/enterprises/${target.id}/void`, { version: 1, reason: '越权作废' });
      expect(voided.statusCode, `void ${k}`).toBe(404);
    }
    const rows = await t.db.select().from(enterprisesTable);
    for (const r of rows) {
      expect(r.address).not.toBe('越权修改');
      expect(r.voidedAt).toBeNull();
    }
  });

  it('edits records in its scope only as its role allows', async () => {
    for (const k of sees) {
      const current = (await s().get(`/api/enterprises/${w.enterprises[k].id}`)).json();
      const res = await s().request('PATCH', `/api/enterprises/${current.id}`, { version: current.version, address: `${current.address}（${key}核实）` });
      if (WRITERS.has(role) || role === 'enterprise') {
        expect(res.statusCode, `${k}: ${res.body}`).toBe(200);
        expect(current.allowedActions).toContain('edit');
      } else {
        expect(res.statusCode, k).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
        expect(current.allowedActions).not.toContain('edit');
      }
    }
  });

  it('exports only the enterprises in its scope', async () => {
    const res = await s().get('/api/enterprises/export');
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    const names = rows.map((r) => r['单位名称']).sort();
    expect(names).toEqual(sees.map((k) => w.enterprises[k].name).sort());
  });

  it('sees in SQL what the domain rule says it sees', async () => {
    const actor = await loadActor(t.ctx, w.users[key].id, { id: 'x', csrfToken: 'x' });
    const scope = enterpriseScopeFor(actor!);
    const all = await t.db.select().from(enterprisesTable);
    const byDomain = all.filter((e) => enterpriseInScope(scope, e)).map((e) => keyOfId(e.id)).sort();
    expect(byDomain).toEqual(sees);
  });
});

describe('creating and moving records stays within scope', () => {
  const body = (villageId: string, sectorIds: string[], name = `新建${Math.random().toString(36).slice(2, 8)}有限公司`) => ({
    name, kind: 'sole_trader', address: '新址1号', villageId, sectorIds, principalName: '赵五', principalPhone: '13700000000',
  });

  it('a village user cannot create an enterprise in another village', async () => {
    const res = await sessions.get('villageV1a')!.request('POST', '/api/enterprises', body(w.V1b.id, [w.chem.id]));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('villageId');
  });

  it('a village user can create one in its own village', async () => {
    const res = await sessions.get('villageV1a')!.request('POST', '/api/enterprises', body(w.V1a.id, [w.chem.id]));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a village user cannot move its enterprise to another village', async () => {
    const s = sessions.get('villageV1a')!;
    const current = (await s.get(`/api/enterprises/${w.enterprises.a.id}`)).json();
    const res = await s.request('PATCH', `/api/enterprises/${current.id}`, { version: current.version, villageId: w.V1b.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('villageId');
  });

  it('a department cannot create an enterprise outside its sectors', async () => {
    const res = await sessions.get('deptChemT1')!.request('POST', '/api/enterprises', body(w.V1a.id, [w.fire.id]));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('sectorIds');
  });

  it('no one can place an enterprise in another district’s village', async () => {
    const res = await sessions.get('adminD')!.request('POST', '/api/enterprises', body(w.XV.id, [w.chem.id]));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('villageId');
  });

  it.each(['leaderT2', 'groupMember', 'enterpriseB'] as const)('%s cannot create enterprises', async (key) => {
    const res = await sessions.get(key)!.request('POST', '/api/enterprises', body(w.V2.id, [w.chem.id]));
    expect(res.statusCode).toBe(403);
  });

  it('an enterprise user may change its contact details but not its supervision data', async () => {
    const s = sessions.get('enterpriseB')!;
    const current = (await s.get(`/api/enterprises/${w.enterprises.b.id}`)).json();
    const ok = await s.request('PATCH', `/api/enterprises/${current.id}`, { version: current.version, principalPhone: '13600000000' });
    expect(ok.statusCode, ok.body).toBe(200);
    const denied = await s.request('PATCH', `/api/enterprises/${current.id}`, { version: ok.json().version, riskGrade: 'blue', isKey: true });
    expect(denied.statusCode).toBe(400);
    expect(Object.keys(errorOf(denied).fieldErrors ?? {}).sort()).toEqual(['isKey', 'riskGrade']);
    const voided = await s.request('POST', `/api/enterprises/${current.id}/void`, { version: ok.json().version, reason: '自行作废' });
    expect(voided.statusCode).toBe(403);
  });
});
