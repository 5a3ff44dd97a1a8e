// 200 conflicting changes at once: 20 hazards, each edited by 10 requests sent together with the
// version all of them read. Exactly one per hazard wins (200), the other nine answer 409 with the
// error envelope; each hazard ends one version on with one edit in its history, and the summary
// rows still equal a recount. On PostgreSQL the requests run on the pool's connections in parallel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../contract/hazards.ts';
import { hazardCountDifferences } from '../modules/hazards/index.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { reportHazard, uploadPhoto } from '../test/hazards.ts';
import { type Session, loginAs } from '../test/http.ts';
import { type World, buildWorld } from '../test/world.ts';

let t: TestApp;
let w: World;
let office: Session;
const hazardIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const village = await loginAs(t.app, w.users.villageV1a.username, w.users.villageV1a.password);
  office = await loginAs(t.app, w.users.officeT1.username, w.users.officeT1.password);
  const photo = (await uploadPhoto(village, 'before')).id;
  for (let i = 0; i < 20; i++) {
    const h = await reportHazard(village, t.clock.now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, beforePhotoIds: i === 0 ? [photo] : [] });
    hazardIds.push(h.id);
  }
}, 120_000);
afterAll(() => t?.close());

describe('conflicting concurrent changes', () => {
  it('let exactly one of ten edits of the same version win, for each of 20 hazards', async () => {
    const sends = hazardIds.flatMap((id) => Array.from({ length: 10 }, (_, k) =>
      office.request('POST', `/api/hazards/${id}/actions`, { action: 'edit', version: 1, location: `第${k + 1}号车间` }).then((res) => ({ id, k, res }))));
    const results = await Promise.all(sends);
    expect(results).toHaveLength(200);
    for (const id of hazardIds) {
      const mine = results.filter((r) => r.id === id);
      const won = mine.filter((r) => r.res.statusCode === 200);
      expect(won, id).toHaveLength(1);
      for (const r of mine.filter((m) => m.res.statusCode !== 200)) {
        expect(r.res.statusCode, r.res.body).toBe(409);
        expect((r.res.json() as { error: { code: string } }).error.code).toBe('CONFLICT');
      }
      const after = (await office.get(`/api/hazards/${id}`)).json() as THazardDetail;
      expect(after.version).toBe(2);
      expect(after.location).toBe(`第${won[0]!.k + 1}号车间`);
      expect(after.events.filter((e) => e.action === 'edit')).toHaveLength(1);
    }
    expect((await hazardCountDifferences(t.db)).differences).toEqual([]);
  });
});
