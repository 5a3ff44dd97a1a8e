// 判定依据 is configuration: the office keeps the list; everyone reporting gets it as suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type SectorRow, buildDistrict, buildSector, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let office: Session;
let villager: Session;
let gas: SectorRow;
let fire: SectorRow;

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  const township = await buildTownship(t.db, { district });
  const village = await buildVillage(t.db, { township });
  gas = await buildSector(t.db, { district, name: '燃气' });
  fire = await buildSector(t.db, { district, name: '消防' });
  const o = await buildUser(t.db, { role: 'office', unit: township });
  const v = await buildUser(t.db, { role: 'village', unit: village });
  office = await loginAs(t.app, o.username, o.password);
  villager = await loginAs(t.app, v.username, v.password);
});
afterAll(() => t?.close());

describe('hazard criteria', () => {
  it('lets the office add, edit and retire criteria, suggested by sector', async () => {
    const general = await office.request('POST', '/api/hazard-criteria', { text: '《重大火灾隐患判定方法》（GB 35181）第6条' });
    expect(general.statusCode, general.body).toBe(200);
    const gasOnly = await office.request('POST', '/api/hazard-criteria', { text: '《城镇燃气经营安全重大隐患判定标准》第十条', sectorId: gas.id });
    expect(gasOnly.statusCode).toBe(200);
    const forFire = (await villager.get(`/api/hazard-criteria?sectorId=${fire.id}`)).json().items.map((c: { text: string }) => c.text);
    expect(forFire).toEqual(['《重大火灾隐患判定方法》（GB 35181）第6条']);
    const forGas = (await villager.get(`/api/hazard-criteria?sectorId=${gas.id}`)).json().items;
    expect(forGas).toHaveLength(2);

    const retired = await office.request('PATCH', `/api/hazard-criteria/${gasOnly.json().id}`, { active: false, version: 1 });
    expect(retired.statusCode).toBe(200);
    expect((await villager.get(`/api/hazard-criteria?sectorId=${gas.id}`)).json().items).toHaveLength(1);
    const stale = await office.request('PATCH', `/api/hazard-criteria/${gasOnly.json().id}`, { text: '改写后的条款内容', version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps the list to the office and admins', async () => {
    const res = await villager.request('POST', '/api/hazard-criteria', { text: '某某标准第一条' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await abilitiesOf(villager)).not.toContain('manage:hazard_criteria');
    expect(await abilitiesOf(office)).toContain('manage:hazard_criteria');
  });
});
