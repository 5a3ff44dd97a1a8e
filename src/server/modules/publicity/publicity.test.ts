// Publicity records (宣传/曝光) through the HTTP API on a real database: who keeps which region's
// records (a township its own, the district its own and reads every township's), out of scope
// 404, an exposure's enterprises from the recorder's scope only, links, dates and bounded text with
// Chinese field errors, edits with the version, void with a reason, the audit rows and the timeline,
// attachments served to the readers only, and the list's filters, tabs and pages.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPublicityDetail, TPublicityListResponse } from '../../../contract/publicity.ts';
import { LINK_MESSAGE } from '../../../contract/publicity.ts';
import { auditLog, enterprises, recordEvents } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { uploadPhoto } from '../../test/hazards.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇
let officeT2: Session;
let officeD: Session;
let leaderT2: Session;
let dept: Session; // 应急站 of 一镇
let deptD: Session; // 住建局, the district's
let group: Session;
let village: Session;
let enterprise: Session;
let officeX: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  officeD = await login(w.users.officeD);
  leaderT2 = await login(w.users.leaderT2);
  dept = await login(w.users.deptChemT1);
  deptD = await login(w.users.deptBuildD);
  group = await login(w.users.groupMember);
  village = await login(w.users.villageV1a);
  enterprise = await login(w.users.enterpriseB);
  officeX = await login(w.users.officeX);
});
afterAll(() => t?.close());

const column = (o: Record<string, unknown> = {}) => ({
  kind: 'media_column', channel: 'tv', mainstream: true, outlet: '区融媒体中心', publishedOn: '2024-05-06', endsOn: '2024-12-31',
  title: '《安全生产大家谈》专题栏目', link: 'https://news.example.cn/aq/2024/0506.html', enterpriseIds: [], summary: '每周一期', fileIds: [], ...o,
});
const exposure = (o: Record<string, unknown> = {}) => column({
  kind: 'exposure', channel: 'wechat', mainstream: false, endsOn: null, title: '曝光一批重大事故隐患', enterpriseIds: [w.enterprises.a.id], ...o,
});
async function createOk(s: Session, body: Record<string, unknown>) {
  const res = await s.request('POST', '/api/publicity', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TPublicityDetail;
}
const list = async (s: Session, qs = '') => {
  const res = await s.get(`/api/publicity${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TPublicityListResponse;
};

describe('publicity records', () => {
  it('a township office records a media column with its attachment, audited and on the timeline', async () => {
    const photo = await uploadPhoto(office, 'evidence', '栏目截图.png');
    const r = await createOk(office, column({ fileIds: [photo.id] }));
    expect(r).toMatchObject({
      kind: 'media_column', channel: 'tv', mainstream: true, townshipId: w.T1.id, regionName: '一镇', unitName: '一镇', publishedOn: '2024-05-06',
      endsOn: '2024-12-31', enterprises: [], fileCount: 1, voided: false, version: 1, allowedActions: ['edit', 'void'],
    });
    expect(r.files.map((f) => f.id)).toEqual([photo.id]);
    expect(r.history).toEqual([expect.objectContaining({ what: '登记', note: '《安全生产大家谈》专题栏目' })]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit).toMatchObject({ action: 'publicity_record.create', entityType: 'publicity_record' });
    const events = await t.db.select().from(recordEvents).where(and(eq(recordEvents.entityType, 'publicity_record'), eq(recordEvents.entityId, r.id)));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([['create', null, 'active']]);
    // the file is served to those who see the record, not to another township
    expect((await dept.get(photo.url)).statusCode).toBe(200);
    expect((await officeT2.get(photo.url)).statusCode).toBe(404);
  });

  it('an exposure names enterprises of the recorder\'s scope only', async () => {
    const r = await createOk(office, exposure({ enterpriseIds: [w.enterprises.a.id, w.enterprises.c.id, w.enterprises.a.id] }));
    // each once, whatever the request repeated
    expect(r.enterprises.map((e) => e.name).sort()).toEqual(['丙建材有限公司', '甲化工有限公司'].sort());
    // another township's (d), another district's (x), an unknown id: a field error, nothing saved
    for (const id of [w.enterprises.d.id, w.enterprises.x.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await office.request('POST', '/api/publicity', exposure({ enterpriseIds: [w.enterprises.a.id, id] }));
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fieldErrors).toEqual({ enterpriseIds: ['生产经营单位不存在或不在您的管辖范围内'] });
    }
    // the district's office names any enterprise of the district
    const d = await createOk(officeD, exposure({ enterpriseIds: [w.enterprises.d.id, w.enterprises.e.id] }));
    expect(d).toMatchObject({ townshipId: null, regionName: '测试区' });
    // a voided enterprise cannot be named anew, but stays on a record that named it before
    const named = await createOk(office, exposure({ title: '曝光后注销', enterpriseIds: [w.enterprises.b.id] }));
    await t.db.update(enterprises).set({ voidedAt: new Date('2024-06-01T00:00:00Z'), voidReason: '注销' }).where(eq(enterprises.id, w.enterprises.b.id));
    expect((await office.request('POST', '/api/publicity', exposure({ enterpriseIds: [w.enterprises.b.id] }))).statusCode).toBe(400);
    const kept = await office.request('PUT', `/api/publicity/${named.id}`, { ...exposure({ title: '曝光后注销（改）', enterpriseIds: [w.enterprises.b.id] }), version: 1 });
    expect(kept.statusCode, kept.body).toBe(200);
    await t.db.update(enterprises).set({ voidedAt: null, voidReason: null }).where(eq(enterprises.id, w.enterprises.b.id));
    expect(errorOf(await office.request('POST', '/api/publicity', exposure({ enterpriseIds: [] }))).fieldErrors).toEqual({ enterpriseIds: ['请选择被曝光的生产经营单位'] });
    expect(errorOf(await office.request('POST', '/api/publicity', column({ enterpriseIds: [w.enterprises.a.id] }))).fieldErrors).toEqual({ enterpriseIds: ['只有曝光记录可以选择生产经营单位'] });
  });

  it('scope: another township or district answers 404; the district reads every township\'s and keeps only its own', async () => {
    const r = await createOk(office, column({ title: '一镇的栏目' }));
    for (const s of [officeT2, leaderT2, officeX, deptD]) expect((await s.get(`/api/publicity/${r.id}`)).statusCode).toBe(404);
    expect((await officeT2.request('PUT', `/api/publicity/${r.id}`, { ...column(), version: 1 })).statusCode).toBe(404);
    expect((await officeT2.request('POST', `/api/publicity/${r.id}/void`, { reason: '重复登记', version: 1 })).statusCode).toBe(404);
    expect((await list(officeT2)).items.map((i) => i.id)).not.toContain(r.id);
    // the township's department and its supervision group read it
    for (const s of [dept, group]) {
      const seen = await s.get(`/api/publicity/${r.id}`);
      expect(seen.statusCode).toBe(200);
      expect((seen.json() as TPublicityDetail).allowedActions).toEqual([]);
    }
    const seen = await officeD.get(`/api/publicity/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as TPublicityDetail).allowedActions).toEqual([]);
    expect((await officeD.request('PUT', `/api/publicity/${r.id}`, { ...column(), version: 1 })).statusCode).toBe(403);
    const own = await createOk(officeD, column({ title: '区级栏目' }));
    expect((await office.get(`/api/publicity/${own.id}`)).statusCode).toBe(404);
    expect((await deptD.get(`/api/publicity/${own.id}`)).statusCode).toBe(200);
  });

  it('roles: offices record; leaders, groups and departments read; villages and enterprises 403', async () => {
    expect(await abilitiesOf(leaderT2)).toContain('read:publicity');
    expect(await abilitiesOf(leaderT2)).not.toContain('record:publicity');
    for (const s of [leaderT2, dept, group]) expect((await s.request('POST', '/api/publicity', column())).statusCode).toBe(403);
    for (const s of [village, enterprise]) {
      expect((await s.get('/api/publicity')).statusCode).toBe(403);
      expect((await s.request('POST', '/api/publicity', column())).statusCode).toBe(403);
    }
  });

  it('validation: http(s) links, dates in order and not ahead of today, bounded text, in Chinese', async () => {
    for (const link of ['javascript:alert(1)', 'ftp://example.cn/a', 'news.example.cn', 'https://', 'http://exa mple.cn']) {
      const res = await office.request('POST', '/api/publicity', column({ link }));
      expect(res.statusCode, link).toBe(400);
      expect(errorOf(res).fieldErrors, link).toEqual({ link: [LINK_MESSAGE] });
    }
    expect((await office.request('POST', '/api/publicity', column({ link: '' }))).statusCode).toBe(200);
    const ahead = await office.request('POST', '/api/publicity', column({ publishedOn: '2024-06-04', endsOn: null }));
    expect(errorOf(ahead).fieldErrors).toEqual({ publishedOn: ['播出/刊发日期不能晚于今天'] });
    expect(errorOf(await office.request('POST', '/api/publicity', column({ endsOn: '2024-05-05' }))).fieldErrors).toEqual({ endsOn: ['结束日期不能早于开始日期'] });
    expect(errorOf(await office.request('POST', '/api/publicity', exposure({ endsOn: '2024-05-07' }))).fieldErrors).toEqual({ endsOn: ['只有专题栏目可以填写结束日期'] });
    const bad = await office.request('POST', '/api/publicity', column({ kind: 'poster', channel: 'tiktok', mainstream: 'yes', publishedOn: '2024-02-30', title: '', outlet: 'x'.repeat(51) }));
    expect(bad.statusCode).toBe(400);
    const fe = errorOf(bad).fieldErrors!;
    expect(fe).toMatchObject({ kind: ['请选择类型'], channel: ['请选择播出/刊发渠道'], mainstream: ['请选择是否主流媒体'], publishedOn: ['日期不存在'], title: ['请填写标题'] });
    expect(fe.outlet).toHaveLength(1);
    expect((await office.request('POST', '/api/publicity', column({ title: '题'.repeat(201) }))).statusCode).toBe(400);
    expect((await office.request('POST', '/api/publicity', column({ link: `https://example.cn/${'a'.repeat(500)}` }))).statusCode).toBe(400);
  });

  it('edits with the version (stale 409), voids with a reason; a voided record is read-only; the timeline keeps each step', async () => {
    const r = await createOk(office, column({ title: '待修改' }));
    const edited = await office.request('PUT', `/api/publicity/${r.id}`, { ...column({ title: '已修改', channel: 'radio' }), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '已修改', channel: 'radio', version: 2 });
    expect((await office.request('PUT', `/api/publicity/${r.id}`, { ...column(), version: 1 })).statusCode).toBe(409);
    expect(errorOf(await office.request('POST', `/api/publicity/${r.id}/void`, { reason: '', version: 2 })).fieldErrors?.reason).toBeDefined();
    const voided = await office.request('POST', `/api/publicity/${r.id}/void`, { reason: '重复登记', version: 2 });
    expect(voided.statusCode).toBe(200);
    const d = voided.json() as TPublicityDetail;
    expect(d).toMatchObject({ voided: true, voidReason: '重复登记', allowedActions: [] });
    expect(d.history.map((h) => [h.what, h.note])).toEqual([['登记', '待修改'], ['修改', '已修改'], ['作废', '重复登记']]);
    expect((await office.request('PUT', `/api/publicity/${r.id}`, { ...column(), version: 3 })).statusCode).toBe(409);
    expect((await office.request('POST', `/api/publicity/${r.id}/void`, { reason: '再作废', version: 3 })).statusCode).toBe(409);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['publicity_record.create', 'publicity_record.update', 'publicity_record.void']);
  });
});

describe('the publicity list', () => {
  it('filters by kind (tabs counted under the other filters), channel, mainstream, dates a column runs over, text and enterprise', async () => {
    const mk = (o: Record<string, unknown>) => createOk(officeT2, column(o));
    const a = await mk({ title: '二镇春季栏目', publishedOn: '2024-03-01', endsOn: '2024-04-30' });
    const b = await mk({ title: '二镇广播', channel: 'radio', publishedOn: '2024-05-20', endsOn: null });
    const c = await createOk(officeT2, exposure({ title: '二镇曝光', enterpriseIds: [w.enterprises.e.id], publishedOn: '2024-05-21' }));
    await mk({ kind: 'report', title: '二镇网站报道', channel: 'website', mainstream: false, publishedOn: '2024-01-10', endsOn: null });
    const all = await list(officeT2);
    expect(all.total).toBe(4);
    expect(all.counts).toEqual({ media_column: 2, exposure: 1, report: 1 });
    expect(all.items[0]!.id).toBe(c.id); // newest first
    const columns = await list(officeT2, 'kind=media_column');
    expect(columns.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(columns.counts).toEqual(all.counts);
    expect((await list(officeT2, 'channel=radio')).items.map((i) => i.id)).toEqual([b.id]);
    expect((await list(officeT2, 'mainstream=false')).items.map((i) => i.title)).toEqual(['二镇曝光', '二镇网站报道']);
    // April: the spring column runs on; nothing else
    expect((await list(officeT2, 'from=2024-04-01&to=2024-04-30')).items.map((i) => i.id)).toEqual([a.id]);
    // June: the radio column without an end runs on; the exposure of 05-21 was one day
    expect((await list(officeT2, 'from=2024-06-01&to=2024-06-02')).items.map((i) => i.id)).toEqual([b.id]);
    // text matches an exposed enterprise's name
    expect((await list(officeT2, `q=${encodeURIComponent('戊建筑')}`)).items.map((i) => i.id)).toEqual([c.id]);
    expect((await list(officeT2, `enterpriseId=${w.enterprises.e.id}`)).items.map((i) => i.id)).toEqual([c.id]);
    const page2 = await list(officeT2, 'pageSize=3&page=2');
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items).toHaveLength(1);
    // the district: its own, or one township's
    expect((await list(officeD, `region=${w.T2.id}`)).total).toBe(4);
    expect((await list(officeD, 'region=district')).items.every((i) => i.townshipId === null)).toBe(true);
    expect((await list(officeX)).total).toBe(0);
  });

  it('shows voided records on request only', async () => {
    const r = await createOk(officeT2, column({ title: '将作废', publishedOn: '2024-02-01', endsOn: null }));
    await officeT2.request('POST', `/api/publicity/${r.id}/void`, { reason: '登记错误', version: 1 });
    expect((await list(officeT2)).items.map((i) => i.id)).not.toContain(r.id);
    expect((await list(officeT2, 'voided=true')).items.map((i) => i.id)).toEqual([r.id]);
  });
});
