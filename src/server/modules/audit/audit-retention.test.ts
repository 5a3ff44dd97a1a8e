// Audit retention: the purge never removes an entry younger than AUDIT_RETENTION_DAYS, the chain
// still verifies from its anchor (and still notices a row removed after it), a retention under 180
// days is refused at boot, and the export streams the list's entries as a workbook.
import { count, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerify } from '../../../cli/audit-verify.ts';
import { loadConfig } from '../../config.ts';
import { auditAnchor, auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type UnitRow, buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { XLSX_MIME, loginAs } from '../../test/http.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { AuditRetention, purgeAudit } from './audit.retention.ts';
import { verifyAuditChain } from './audit.service.ts';

let t: TestApp;
let district: UnitRow;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
});
afterAll(() => t?.close());

const signInTimes = async (n: number) => {
  const u = await buildUser(t.db, { role: 'office', unit: district });
  for (let i = 0; i < n; i++) await loginAs(t.app, u.username, u.password);
  return u;
};
const rowsFrom = async (at: Date) => (await t.db.select({ n: count() }).from(auditLog).where(gte(auditLog.at, at)))[0]!.n;

describe('AUDIT_RETENTION_DAYS', () => {
  it('refuses less than 180 days at boot with a clear message', () => {
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '90' })).toThrow(/AUDIT_RETENTION_DAYS: must be at least 180 days/);
    expect(loadConfig({}).auditRetentionDays).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '180' }).auditRetentionDays).toBe(180);
  });
});

describe('the purge', () => {
  it('removes only entries older than the retention, and the chain verifies from its anchor', async () => {
    await signInTimes(3); // 200 days before "now" below
    t.clock.advance({ days: 100 });
    await signInTimes(2); // 100 days before
    t.clock.advance({ days: 100 });
    await signInTimes(1);
    const now = t.clock.now();
    const cutoff = new Date(now.getTime() - 180 * DAY);
    const keptBefore = await rowsFrom(cutoff);
    const total = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

    const r = await purgeAudit(t.db, { retentionDays: 180, now });
    expect(r.purgedRows).toBe(total - keptBefore);
    expect(r.purgedRows).toBeGreaterThan(0);
    // nothing within the retention went, and the purge is itself recorded
    expect(await rowsFrom(cutoff)).toBe(keptBefore + 1);
    expect((await t.db.select({ n: count() }).from(auditLog).where(sql`${auditLog.at} < ${cutoff}`))[0]!.n).toBe(0);
    const [anchor] = await t.db.select().from(auditAnchor);
    expect(anchor).toMatchObject({ firstSeq: r.firstSeq, purgedRows: r.purgedRows });

    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: true, firstSeq: r.firstSeq, rows: keptBefore + 1 });
    expect((await auditVerify(t.db)).exitCode).toBe(0);
    // new entries chain on
    await signInTimes(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // a second purge at the same instant removes nothing
    expect((await purgeAudit(t.db, { retentionDays: 180, now })).purgedRows).toBe(0);
  });

  it('keeps a retention of a year when asked, whatever its age', async () => {
    const now = t.clock.now();
    const before = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
    expect((await purgeAudit(t.db, { retentionDays: 3650, now })).purgedRows).toBe(0);
    expect((await t.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(before);
  });

  it('leaves the trail append-only outside the purge, and a row removed after the anchor breaks verification', async () => {
    const refusal = async (q: Promise<unknown>) => q.then(() => 'done', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await refusal(t.db.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`update audit_log set actor_name = 'x' where seq = (select max(seq) from audit_log)`))).toMatch(/append-only/);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('anzhi.audit_purge', 'on', true)`);
      await tx.execute(sql`delete from audit_log where seq = (select min(seq) + 1 from audit_log)`);
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, reason: 'gap' });
  });
});

describe('the daily purge in the server process', () => {
  it('runs after start, logs what it purged, and stops cleanly', async () => {
    await signInTimes(1);
    t.clock.advance({ days: 400 });
    await signInTimes(1);
    const logged: string[] = [];
    let swept = 0;
    const retention = new AuditRetention(t.db, {
      retentionDays: 365, now: () => t.clock.now(), log: (m) => logged.push(m), firstDelayMs: 0,
      beforeRun: async () => void (swept += 1),
    });
    retention.start(60 * 60_000);
    await expect.poll(() => logged.length, { timeout: 10_000 }).toBe(1);
    await retention.stop();
    expect(swept).toBe(1);
    expect(logged[0]).toMatch(/^audit retention: purged \d+ entries older than 365 days; the chain now starts at seq \d+$/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('GET /api/audit/export', () => {
  it('streams the filtered entries as a workbook, newest first, named for people', async () => {
    const d = await buildDistrict(t.db);
    const admin = await buildUser(t.db, { role: 'admin', unit: d, displayName: '导出管理员' });
    const s = await loginAs(t.app, admin.username, admin.password);
    await loginAs(t.app, admin.username, admin.password);
    const res = await s.get('/api/audit/export?action=auth.login');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const { headers, rows } = await readXlsx(res.rawPayload);
    expect(headers.slice(0, 6)).toEqual(['序号', '时间', '操作人', '操作', '对象类型', '对象']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ 操作人: '导出管理员', 操作: '登录', 对象类型: '用户', 操作代码: 'auth.login' });
    // the time as the page shows it, in Shanghai time
    expect(String(rows[0]!['时间'])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Number(rows[0]!['序号'])).toBeGreaterThan(Number(rows[1]!['序号']));
    expect(rows[0]).toMatchObject({ 变更内容: '来源地址：127.0.0.1', '变更后（原始记录）': '{"ip":"127.0.0.1"}' });
    // what an entry changed, in words as the page shows them (ids by name); the raw record kept beside it
    const village = await buildVillage(t.db, { township: await buildTownship(t.db, { district: d }), name: '导出村' });
    const created = await buildUser(t.db, { role: 'village', unit: village, displayName: '导出网格员' });
    expect((await s.request('PATCH', `/api/users/${created.id}`, { displayName: '导出网格员二', version: created.version })).statusCode).toBe(200);
    const updates = await readXlsx((await s.get('/api/audit/export?action=user.update')).rawPayload);
    expect(updates.rows[0]).toMatchObject({ 对象: '导出网格员二（导出村）' });
    expect(updates.rows[0]!['变更内容']).toMatch(/^更新时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} → \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\n姓名：导出网格员 → 导出网格员二$/);
    expect(JSON.parse(String(updates.rows[0]!['变更前（原始记录）']))).toMatchObject({ displayName: '导出网格员', role: 'village' });
  });

  it('is refused to roles without the audit log, and answers a malformed filter with 400', async () => {
    const d = await buildDistrict(t.db);
    const leader = await buildUser(t.db, { role: 'leader', unit: d });
    const s = await loginAs(t.app, leader.username, leader.password);
    expect((await s.get('/api/audit/export')).statusCode).toBe(403);
    const admin = await buildUser(t.db, { role: 'admin', unit: d });
    const a = await loginAs(t.app, admin.username, admin.password);
    expect((await a.get('/api/audit/export?from=2024-02-30')).statusCode).toBe(400);
  });
});
