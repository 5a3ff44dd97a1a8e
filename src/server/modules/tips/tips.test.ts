// Public reports through the HTTP API on a real database: a report without an account, its lookup
// by code (nothing internal, a wrong code the same 404), triage to 属实 creating a linked hazard,
// 重复 and 不予受理, the audited identity view, and the reward from proposal to payment against
// the code.
import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPublicReportReceipt, TPublicReportView, TTipDetail, TTipListResponse } from '../../../contract/tips.ts';
import type { TWorkbench } from '../../../contract/workbench.ts';
import { auditLog, files, hazards, publicReports } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { tinyPng } from '../../test/hazards.ts';
import type { MemoryStorage } from '../../test/storage.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { submitReport, tinyMp4 } from '../../test/tips.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { evaluateCells } from '../reports/metrics/evaluate.ts';
import { tipReminders } from './tips.reminders.ts';

let t: TestApp;
let w: World;
let officeT1: Session;
let officeT2: Session;
let leaderT1: Session;
let deptChem: Session;
let deptFire: Session;
let villageV1a: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  officeT1 = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  leaderT1 = await login(await buildUser(t.db, { role: 'leader', unit: w.T1 }));
  deptChem = await login(w.users.deptChemT1);
  deptFire = await login(await buildUser(t.db, { role: 'department', unit: w.depFireT1 }));
  villageV1a = await login(w.users.villageV1a);
});
afterAll(() => t?.close());

let ipSeq = 10;
const nextIp = () => `198.51.100.${ipSeq++}`;
const fields = (o: Record<string, string> = {}) => ({
  townshipId: w.T1.id, villageId: w.V1a.id, description: '甲化工厂区东侧仓库堆放油漆桶，消防通道被堵死', place: '一村工业路18号', enterpriseName: '甲化工', anonymous: 'true', ...o,
});
let tag = 0;
const tagged = new Map<string, string>();
async function submitOk(o: Record<string, string> = {}, photos = 1): Promise<TPublicReportReceipt & { tag: string }> {
  const mark = `编号${++tag}号`;
  const res = await submitReport(t.app, fields({ description: `${mark}${fields().description}`, ...o }), Array.from({ length: photos }, (_, i) => ({ filename: `现场${i}.png`, data: tinyPng() })), nextIp());
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json() as TPublicReportReceipt;
  tagged.set(r.code, mark);
  return { ...r, tag: mark };
}
const lookup = (code: string, ip = nextIp()) => t.app.inject({ method: 'GET', url: `/api/public/reports/${encodeURIComponent(code)}`, remoteAddress: ip });
async function detailOf(s: Session, code: string): Promise<TTipDetail> {
  const list = (await s.get(`/api/tips?q=${encodeURIComponent(tagged.get(code)!)}`)).json() as TTipListResponse;
  const item = list.items[0];
  if (!item || list.total !== 1) throw new Error('report not in the office list');
  return (await s.get(`/api/tips/${item.id}`)).json() as TTipDetail;
}
async function act(s: Session, d: TTipDetail, body: Record<string, unknown>, status = 200): Promise<TTipDetail> {
  const res = await s.request('POST', `/api/tips/${d.id}/actions`, { version: d.version, ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as TTipDetail;
}
const hazardInput = () => ({ enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, level: 'general', description: '仓库消防通道被油漆桶堵塞', location: '东侧仓库' });
const stored = async () => ({
  reports: (await t.db.select({ n: count() }).from(publicReports))[0]!.n,
  files: (await t.db.select({ n: count() }).from(files).where(eq(files.ownerType, 'public_report')))[0]!.n,
});

describe('a report without an account', () => {
  it('gets a 20-character code from the look-alike-free alphabet, and the code shows state and reply only', async () => {
    const r = await submitOk({}, 2);
    expect(r.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{20}$/);
    expect(r).toMatchObject({ townshipName: '一镇', fileCount: 2 });
    const res = await lookup(r.code.toLowerCase().replace(/(.{4})/g, '$1-'));
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as TPublicReportView;
    expect(Object.keys(view).sort()).toEqual(['concludedAt', 'hazard', 'publicReply', 'repliedAt', 'reward', 'status', 'submittedAt', 'summary', 'townshipName']);
    expect(view).toMatchObject({ status: 'pending', publicReply: null, hazard: null, reward: null });
    // only the hash is kept
    const [row] = await t.db.select().from(publicReports).where(eq(publicReports.description, `${r.tag}${fields().description}`)).limit(1);
    expect(row!.codeHash).not.toContain(r.code);
  });

  it('a wrong, guessed or malformed code answers the same 404', async () => {
    const a = await lookup('ABCDEFGHJKMNPQRSTVWX');
    const b = await lookup('not-a-code');
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
    expect(a.body).toBe(b.body);
    expect(errorOf(a).code).toBe('NOT_FOUND');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await stored();
    const ip = nextIp();
    const bad = async (o: Record<string, string>, fs = [{ filename: 'a.png', data: tinyPng() }]) => {
      const res = await submitReport(t.app, fields(o), fs, ip);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(o) + fs.length + res.body).toBeLessThan(500);
      return errorOf(res);
    };
    expect((await bad({ description: '太短' })).fieldErrors?.description).toBeTruthy();
    expect((await bad({ description: `含有\u0000字符的描述，超过十个字` })).code).toBe('VALIDATION');
    const named = await bad({ anonymous: 'false' });
    expect(named.fieldErrors?.reporterPhone, JSON.stringify(named)).toBeTruthy();
    expect((await bad({ townshipId: w.V1a.id })).fieldErrors?.townshipId).toBeTruthy();
    expect((await bad({ villageId: w.V2.id })).fieldErrors?.villageId).toBeTruthy();
    expect((await bad({}, [{ filename: 'x.png', data: Buffer.from('not an image at all') }])).code).toBe('UNSUPPORTED_FILE');
    expect((await bad({}, [{ filename: 'v.mp4', data: tinyMp4() }, { filename: 'a.png', data: tinyPng() }])).fieldErrors?.files).toBeTruthy();
    expect((await bad({}, Array.from({ length: 10 }, () => ({ filename: 'a.png', data: tinyPng() })))).code).toMatch(/VALIDATION|PAYLOAD_TOO_LARGE/);
    expect((await bad({ altcha: Buffer.from('{"challenge":{},"solution":{}}').toString('base64') })).fieldErrors?.altcha).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it('takes a short video instead of photos', async () => {
    const res = await submitReport(t.app, fields(), [{ filename: '视频.mp4', data: tinyMp4(), contentType: 'video/mp4' }], nextIp());
    expect(res.statusCode, res.body).toBe(200);
    const cut = tinyMp4().subarray(0, 30);
    const broken = await submitReport(t.app, fields(), [{ filename: '坏.mp4', data: cut }], nextIp());
    expect(errorOf(broken).code).toBe('UNSUPPORTED_FILE');
  });

  it('a solved challenge is good once', async () => {
    const ip = nextIp();
    const { solvedChallenge } = await import('../../test/tips.ts');
    const altcha = await solvedChallenge(t.app, ip);
    expect((await submitReport(t.app, fields({ altcha }), [], ip)).statusCode).toBe(200);
    const again = await submitReport(t.app, fields({ altcha }), [], ip);
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).fieldErrors?.altcha?.[0]).toContain('安全验证');
  });
});

describe('triage by the office', () => {
  it('属实 creates a hazard with source 群众举报 linked both ways, with the photos; the code page shows the reply, never the note', async () => {
    const r = await submitOk({ anonymous: 'false', reporterName: '王某', reporterPhone: '13800000000' });
    let d = await detailOf(officeT1, r.code);
    expect(d).toMatchObject({ status: 'pending', allowedActions: ['accept', 'mark_duplicate', 'reject', 'reply', 'note'], hasIdentity: true, mayViewIdentity: true });
    expect(JSON.stringify(d)).not.toContain('13800000000');
    d = await act(officeT1, d, { action: 'accept', assignedUnitId: w.depChemT1.id });
    expect(d).toMatchObject({ status: 'investigating', assignedUnit: { id: w.depChemT1.id } });
    // the assigned department sees it and may record the finding; another department does not see it
    expect((await deptFire.get(`/api/tips/${d.id}`)).statusCode).toBe(404);
    const seen = (await deptChem.get(`/api/tips/${d.id}`)).json() as TTipDetail;
    expect(seen.allowedActions).toEqual(['substantiate', 'substantiate_partly', 'find_unfounded', 'note']);
    expect(seen.mayViewIdentity).toBe(false);
    expect(seen.reward).toBeNull();
    expect((await deptChem.request('POST', `/api/tips/${d.id}/identity`)).statusCode).toBe(403);
    d = await act(deptChem, seen, { action: 'note', note: '已电话联系企业负责人，明日到场' });
    d = await act(deptChem, d, { action: 'substantiate', reason: '现场核实，消防通道确被堵塞', hazard: hazardInput() });
    expect(d.status).toBe('substantiated');
    const [h] = await t.db.select().from(hazards).where(eq(hazards.id, d.hazard!.id));
    expect(h).toMatchObject({ source: 'public', publicReportId: d.id, enterpriseId: w.enterprises.a.id });
    const hazardPhotos = await t.db.select().from(files).where(eq(files.ownerId, h!.id));
    expect(hazardPhotos.map((f) => f.purpose)).toEqual(['before']);
    // the sender's file name is not kept: the enterprise sees the hazard's photos
    expect(hazardPhotos.map((f) => f.originalName)).toEqual(['举报附件1.png']);
    // the ledger lists it for the office
    const ledger = (await officeT1.get(`/api/hazards?source=public&pageSize=50`)).json() as { items: { id: string }[] };
    expect(ledger.items.map((i) => i.id)).toContain(h!.id);
    await act(officeT1, d, { action: 'reply', reply: '经核查属实，已责令企业立即清理通道并整改。感谢您的举报。' });
    const view = (await lookup(r.code)).json() as TPublicReportView;
    expect(view).toMatchObject({ status: 'substantiated', publicReply: '经核查属实，已责令企业立即清理通道并整改。感谢您的举报。', hazard: { rectified: false } });
    expect(JSON.stringify(view)).not.toContain('明日到场');
    expect(JSON.stringify(view)).not.toContain('王某');
  });

  it('the identity is the office’s alone and every view is audited', async () => {
    const r = await submitOk({ anonymous: 'false', reporterName: '李某', reporterPhone: '13900000000' });
    const d = await detailOf(officeT1, r.code);
    expect((await leaderT1.request('POST', `/api/tips/${d.id}/identity`)).statusCode).toBe(403);
    expect((await officeT2.request('POST', `/api/tips/${d.id}/identity`)).statusCode).toBe(404);
    const res = await officeT1.request('POST', `/api/tips/${d.id}/identity`);
    expect(res.json()).toEqual({ reporterName: '李某', reporterPhone: '13900000000', claimPhone: null });
    const views = await t.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(views.filter((a) => a.action === 'public_report.identity_view').map((a) => a.actorId)).toEqual([w.users.officeT1.id]);
    // nothing else in the audit trail carries it
    expect(JSON.stringify(views)).not.toContain('13900000000');
  });

  it('重复 links the earlier report by its number; 不予受理 needs a reason; another township’s office gets 404', async () => {
    const first = await detailOf(officeT1, (await submitOk()).code);
    const second = await detailOf(officeT1, (await submitOk()).code);
    expect((await officeT2.get(`/api/tips/${second.id}`)).statusCode).toBe(404);
    const self = await officeT1.request('POST', `/api/tips/${second.id}/actions`, { action: 'mark_duplicate', version: second.version, reason: '同一事项', duplicateOfNumber: second.number });
    expect(errorOf(self).message).toContain('自身');
    const dup = await act(officeT1, second, { action: 'mark_duplicate', reason: '与此前举报为同一事项', duplicateOfNumber: first.number });
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOf: { id: first.id, number: first.number } });
    const noReason = await officeT1.request('POST', `/api/tips/${first.id}/actions`, { action: 'reject', version: first.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await act(officeT1, first, { action: 'reject', reason: '不属于安全生产事项，已告知向市场监管部门反映' })).status).toBe('rejected');
    // a village account has no business with public reports
    expect((await villageV1a.get('/api/tips')).statusCode).toBe(403);
  });
});

describe('rewards', () => {
  it('proposed by the office, approved by a leader, claimed with the code, paid only against the code', async () => {
    const r = await submitOk();
    let d = await detailOf(officeT1, r.code);
    d = await act(officeT1, d, { action: 'accept' });
    d = await act(officeT1, d, { action: 'substantiate_partly', reason: '部分属实', hazard: hazardInput() });
    expect(d.mayProposeReward).toBe(true);
    const proposed = await officeT1.request('POST', `/api/tips/${d.id}/reward`, { version: d.version, amountFen: 50_000, basis: '举报一般隐患查实，按办法奖励500元' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    d = proposed.json() as TTipDetail;
    expect(d.reward).toMatchObject({ status: 'proposed', amountFen: 50_000, anonymous: true, allowedActions: [] });
    expect(((await lookup(r.code)).json() as TPublicReportView).reward).toBeNull();
    const wb = (await leaderT1.get('/api/workbench')).json() as TWorkbench;
    expect(wb.items.some((i) => i.kind === 'reward_approve' && i.href === `/tips/${d.id}`)).toBe(true);
    const leaderView = (await leaderT1.get(`/api/tips/${d.id}`)).json() as TTipDetail;
    expect(leaderView.reward!.allowedActions).toEqual(['approve', 'reject']);
    const approved = await leaderT1.request('POST', `/api/tips/rewards/${d.reward!.id}/actions`, { action: 'approve', version: d.reward!.version });
    expect(approved.statusCode, approved.body).toBe(200);
    const claim = await t.app.inject({ method: 'POST', url: `/api/public/reports/${r.code}/claim`, payload: { phone: '13600000000' }, remoteAddress: nextIp() });
    expect(claim.statusCode, claim.body).toBe(200);
    expect((claim.json() as TPublicReportView).reward).toMatchObject({ status: 'approved', amountFen: 50_000, mayClaim: false });
    d = (await officeT1.get(`/api/tips/${d.id}`)).json() as TTipDetail;
    // the anonymous reporter's phone for the reward is the office's to open, audited like a name
    expect(d).toMatchObject({ anonymous: true, hasIdentity: true, mayViewIdentity: true });
    expect((await officeT1.request('POST', `/api/tips/${d.id}/identity`)).json()).toEqual({ reporterName: null, reporterPhone: null, claimPhone: '13600000000' });
    const pay = (o: Record<string, unknown>) => officeT1.request('POST', `/api/tips/rewards/${d.reward!.id}/actions`, { action: 'pay', version: d.reward!.version, paidOn: '2026-03-01', payMethod: 'cash', ...o });
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(errorOf(await pay({ paidOn: today })).message).toContain('查询码');
    expect(errorOf(await pay({ paidOn: today, code: 'ABCDEFGHJKMNPQRSTVWX' })).message).toContain('不符');
    const paid = await pay({ paidOn: today, code: r.code });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((paid.json() as TTipDetail).reward).toMatchObject({ status: 'paid', codeVerified: true, payMethod: 'cash' });
    expect(((await lookup(r.code)).json() as TPublicReportView).reward?.status).toBe('paid');
  });

  it('the 调度表 figures 举报奖励 and 其中匿名 are the rewards paid in the window, a township its own, the district all', async () => {
    // a named reward paid too, in the same township
    let d = await detailOf(officeT1, (await submitOk({ anonymous: 'false', reporterName: '赵某', reporterPhone: '13700000000' })).code);
    d = await act(officeT1, d, { action: 'accept' });
    d = await act(officeT1, d, { action: 'substantiate', reason: '属实', hazard: hazardInput() });
    d = (await officeT1.request('POST', `/api/tips/${d.id}/reward`, { version: d.version, amountFen: 30_000, basis: '查实奖励' })).json() as TTipDetail;
    await leaderT1.request('POST', `/api/tips/rewards/${d.reward!.id}/actions`, { action: 'approve', version: d.reward!.version });
    const today = t.clock.now().toISOString().slice(0, 10);
    const paid = await officeT1.request('POST', `/api/tips/rewards/${d.reward!.id}/actions`, { action: 'pay', version: d.reward!.version + 1, paidOn: today, payMethod: 'bank_transfer' });
    expect(paid.statusCode, paid.body).toBe(200);
    const cells = [{ key: 'rewards', metric: 'tips.rewards' }, { key: 'anonymous', metric: 'tips.rewards', params: { anonymous: 'yes' } }];
    const window = { from: '2020-01-01', to: today, cutoff: new Date(t.clock.now().getTime() + 86_400_000) };
    const ev = await evaluateCells(t.db, { districtId: w.D.id, units: [{ id: w.T1.id, kind: 'township' }, { id: w.T2.id, kind: 'township' }, { id: w.D.id, kind: 'district' }, { id: w.V1a.id, kind: 'village' }], cells, window, ids: true });
    const v = (id: string, k: string) => ev.get(id)!.get(k)!.value;
    expect([v(w.T1.id, 'rewards'), v(w.T1.id, 'anonymous')]).toEqual([80_000, 50_000]);
    expect([v(w.D.id, 'rewards'), v(w.D.id, 'anonymous')]).toEqual([80_000, 50_000]);
    expect([v(w.T2.id, 'rewards'), v(w.V1a.id, 'rewards')]).toEqual([0, 0]);
    expect(ev.get(w.T1.id)!.get('rewards')!.ids).toContain(d.id);
    // a window that ended before the payments counts none
    const before = await evaluateCells(t.db, { districtId: w.D.id, units: [{ id: w.T1.id, kind: 'township' }], cells, window: { from: '2020-01-01', to: '2020-12-31', cutoff: new Date('2021-01-01') } });
    expect(before.get(w.T1.id)!.get('rewards')!.value).toBe(0);
  });

  it('a report not found true takes no reward', async () => {
    let d = await detailOf(officeT1, (await submitOk()).code);
    d = await act(officeT1, d, { action: 'accept' });
    d = await act(officeT1, d, { action: 'find_unfounded', reason: '现场核查未发现所述情况' });
    const res = await officeT1.request('POST', `/api/tips/${d.id}/reward`, { version: d.version, amountFen: 100, basis: 'x' });
    expect(res.statusCode).toBe(409);
  });
});

describe('the office’s 工作台, reminders and posters', () => {
  it('open reports wait on the office’s 工作台 and are told once when due soon', async () => {
    const wb = (await officeT1.get('/api/workbench')).json() as TWorkbench;
    expect(wb.items.some((i) => i.kind === 'tip_triage')).toBe(true);
    const day = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
    expect(await tipReminders(t.db, day(1))).toBe(0);
    const n = await tipReminders(t.db, day(28));
    expect(n).toBeGreaterThan(0);
    expect(await tipReminders(t.db, day(28))).toBe(0);
  });

  it('prints the township’s QR poster as PNG for its own office, and 404 for another township', async () => {
    const png = await officeT1.get(`/api/tips/posters/${w.T1.id}?format=png&size=300`);
    expect(png.statusCode, png.body).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await officeT1.get(`/api/tips/posters/${w.T2.id}?format=png`)).statusCode).toBe(404);
    expect((await deptChem.get(`/api/tips/posters/${w.T1.id}?format=png`)).statusCode).toBe(403);
  });
});

describe('what a photo carries', () => {
  it('is stripped before it is stored: a PNG text chunk with a position never reaches the store', async () => {
    const secret = 'GPS 29.71N 106.63E';
    const png = tinyPng();
    const body = Buffer.from(`Comment\0${secret}`, 'latin1');
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write('tEXt', 4, 'latin1');
    const withText = Buffer.concat([png.subarray(0, 33), head, body, Buffer.alloc(4), png.subarray(33)]);
    const r = await submitReport(t.app, fields({ description: `带位置信息的照片测试，${'仓库'.repeat(3)}` }), [{ filename: '王某某的手机.png', data: withText }], nextIp());
    expect(r.statusCode, r.body).toBe(200);
    const [row] = await t.db.select().from(files).where(eq(files.originalName, '举报附件1.png')).orderBy(desc(files.createdAt)).limit(1);
    const stored = (t.ctx.storage as MemoryStorage).objects.get(row!.storageKey)!;
    expect(stored.toString('latin1')).not.toContain(secret);
    expect(row!.size).toBe(stored.length);
  });
});

describe('limits', () => {
  it('a network address may send 10 reports an hour; the 11th is refused with the envelope', async () => {
    const ip = nextIp();
    for (let i = 0; i < 10; i++) expect((await submitReport(t.app, fields(), [], ip)).statusCode).toBe(200);
    const res = await submitReport(t.app, fields(), [], ip);
    expect(res.statusCode).toBe(429);
    expect(errorOf(res).code).toBe('RATE_LIMITED');
  });

  it('one code is looked up at most 20 times an hour, from any address', async () => {
    const r = await submitOk();
    for (let i = 0; i < 20; i++) expect((await lookup(r.code)).statusCode).toBe(200);
    const res = await lookup(r.code);
    expect(res.statusCode).toBe(429);
  });
});

describe('the queue cap per township', () => {
  it('refuses new reports above the cap while the office works on', async () => {
    const small = await createTestApp({ env: { PUBLIC_REPORT_QUEUE_CAP: '2' } });
    try {
      const sw = await buildWorld(small.db);
      const f = { townshipId: sw.T1.id, description: '仓库消防通道被堵塞，存在火灾隐患', place: '一村', anonymous: 'true' };
      expect((await submitReport(small.app, f, [], '192.0.2.1')).statusCode).toBe(200);
      expect((await submitReport(small.app, f, [], '192.0.2.2')).statusCode).toBe(200);
      const full = await submitReport(small.app, f, [], '192.0.2.3');
      expect(full.statusCode).toBe(429);
      expect(errorOf(full).message).toContain('12350');
      // another township is not affected
      expect((await submitReport(small.app, { ...f, townshipId: sw.T2.id }, [], '192.0.2.4')).statusCode).toBe(200);
      const office = await loginAs(small.app, sw.users.officeT1.username, sw.users.officeT1.password);
      expect((await office.get('/api/tips')).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});
