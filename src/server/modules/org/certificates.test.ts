// 行政执法证号 on accounts: kept by the admin with the rest of the account, trimmed, at most 32
// characters, unique among the district's active users; each user sees their own in /api/auth/me.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDepartment, buildDistrict, buildSector, buildTownship, buildUser } from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let dept: UnitRow;
let otherDept: UnitRow;
let admin: Session;
let otherAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  const township = await buildTownship(t.db, { district });
  const sector = await buildSector(t.db, { district });
  dept = await buildDepartment(t.db, { parent: township, sectorIds: [sector.id], name: '应急办' });
  const other = await buildDistrict(t.db);
  otherDept = await buildDepartment(t.db, { parent: await buildTownship(t.db, { district: other }), sectorIds: [], name: '应急办' });
  const a = await buildUser(t.db, { role: 'admin', unit: district });
  const oa = await buildUser(t.db, { role: 'admin', unit: other });
  admin = await loginAs(t.app, a.username, a.password);
  otherAdmin = await loginAs(t.app, oa.username, oa.password);
});
afterAll(() => t?.close());

const inspector = (o: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 9)}`, displayName: '执法员', role: 'department', unitId: dept.id, password: 'Start@2024x', ...o,
});
const TAKEN = '该行政执法证号已由本区其他在用账号使用';

describe('enforcement certificate numbers', () => {
  it('is stored trimmed on create, listed, and shown to its holder', async () => {
    const body = inspector({ enforcementCertificateNo: '  渝执 500112-0001 ' });
    const res = await admin.request('POST', '/api/users', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enforcementCertificateNo).toBe('渝执 500112-0001');
    const listed = (await admin.get(`/api/users?q=${body.username}`)).json().items[0];
    expect(listed.enforcementCertificateNo).toBe('渝执 500112-0001');
    const s = await loginAs(t.app, body.username, body.password);
    expect(s.me.enforcementCertificateNo).toBe('渝执 500112-0001');
    expect((await s.get('/api/auth/me')).json().user.enforcementCertificateNo).toBe('渝执 500112-0001');
    const plain = await admin.request('POST', '/api/users', inspector({ enforcementCertificateNo: '' }));
    expect(plain.json().enforcementCertificateNo).toBeNull();
  });

  it('refuses numbers longer than 32 characters', async () => {
    const res = await admin.request('POST', '/api/users', inspector({ enforcementCertificateNo: 'x'.repeat(33) }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ enforcementCertificateNo: ['行政执法证号不能超过32个字'] });
  });

  it('keeps a number unique among the district’s active users', async () => {
    const first = (await admin.request('POST', '/api/users', inspector({ enforcementCertificateNo: 'A-100' }))).json();
    const dup = await admin.request('POST', '/api/users', inspector({ enforcementCertificateNo: ' A-100' }));
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fieldErrors).toEqual({ enforcementCertificateNo: [TAKEN] });

    const second = (await admin.request('POST', '/api/users', inspector())).json();
    const takeIt = await admin.request('PATCH', `/api/users/${second.id}`, { version: second.version, enforcementCertificateNo: 'A-100' });
    expect(errorOf(takeIt).fieldErrors).toEqual({ enforcementCertificateNo: [TAKEN] });
    // Saving the holder's own number again is fine.
    const same = await admin.request('PATCH', `/api/users/${first.id}`, { version: first.version, enforcementCertificateNo: 'A-100', displayName: '执法员甲' });
    expect(same.statusCode, same.body).toBe(200);

    // Once the holder is deactivated the number is free; reactivating them is then refused.
    const off = await admin.request('PATCH', `/api/users/${first.id}`, { version: same.json().version, active: false });
    expect(off.statusCode).toBe(200);
    const now = await admin.request('PATCH', `/api/users/${second.id}`, { version: second.version, enforcementCertificateNo: 'A-100' });
    expect(now.statusCode, now.body).toBe(200);
    const back = await admin.request('PATCH', `/api/users/${first.id}`, { version: off.json().version, active: true });
    expect(errorOf(back).fieldErrors).toEqual({ enforcementCertificateNo: [TAKEN] });

    // Clearing a number: null or empty.
    const cleared = await admin.request('PATCH', `/api/users/${second.id}`, { version: now.json().version, enforcementCertificateNo: '' });
    expect(cleared.json().enforcementCertificateNo).toBeNull();

    // Another district may use the same number.
    const elsewhere = await otherAdmin.request('POST', '/api/users', inspector({ unitId: otherDept.id, enforcementCertificateNo: 'A-100' }));
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
  });
});
