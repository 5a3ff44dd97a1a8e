// The audit trail: every write appends a chained row; editing or deleting any row is detected.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import {
  type BuiltUser, type SectorRow, type UnitRow, buildDepartment, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser,
  buildVillage,
} from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { GENESIS_HASH, chainHash } from './audit.chain.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';

let t: TestApp;
let district: UnitRow;
let township: UnitRow;
let village: UnitRow;
let sector: SectorRow;
let office: BuiltUser;
let s: Session;

const rows = () => t.db.select().from(auditLog).orderBy(auditLog.seq);

/** Plays an attacker with database access: the append-only trigger is switched off around `fn`. */
async function asAttacker(fn: () => Promise<unknown>) {
  await t.database.sql('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
  try {
    await fn();
  } finally {
    await t.database.sql('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
  }
}

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  township = await buildTownship(t.db, { district });
  village = await buildVillage(t.db, { township });
  sector = await buildSector(t.db, { district });
  office = await buildUser(t.db, { role: 'office', unit: township });
  s = await loginAs(t.app, office.username, office.password);
  // some history: an enterprise created, edited and voided through the API
  const created = await s.request('POST', '/api/enterprises', {
    name: '审计测试化工有限公司', uscc: '91350100M000100Y43', kind: 'company', address: '一村1号', villageId: village.id,
    sectorIds: [sector.id], principalName: '李四', principalPhone: '13900000000',
  });
  expect(created.statusCode, created.body).toBe(200);
  const e = created.json();
  const edited = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: e.version, employeeCount: 40 });
  expect(edited.statusCode, edited.body).toBe(200);
  const voided = await s.request('POST', `/api/enterprises/${e.id}/void`, { version: edited.json().version, reason: '重复登记' });
  expect(voided.statusCode, voided.body).toBe(200);
});
afterAll(() => t?.close());

describe('audit chain', () => {
  it('appends one chained row per write, in order, with who and what', async () => {
    const all = await rows();
    expect(all.map((r) => r.action)).toEqual(['auth.login', 'enterprise.create', 'enterprise.update', 'enterprise.void']);
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(all[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
    expect(new Set(all.map((r) => r.hash)).size).toBe(all.length);

    const update = all[2]!;
    expect(update).toMatchObject({ actorId: office.id, actorName: office.displayName, entityType: 'enterprise', districtId: district.id });
    expect(update.before).toMatchObject({ employeeCount: null });
    expect(update.after).toMatchObject({ employeeCount: 40 });
    expect(all[3]!.after).toMatchObject({ voidReason: '重复登记' });
  });

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: (await rows()).length, lastSeq: (await rows()).length });
  });

  it('verifies across pages', async () => {
    const n = (await rows()).length;
    expect(await verifyAuditChain(t.db, 2)).toMatchObject({ ok: true, rows: n });
  });

  it('refuses UPDATE and DELETE at the database (append-only trigger)', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'x' where seq = 2`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('names the row whose content was edited', async () => {
    const [target] = await t.db.select().from(auditLog).where(sql`seq = 3`);
    await asAttacker(() => t.database.sql(`UPDATE audit_log SET "after" = jsonb_set("after", '{employeeCount}', '4') WHERE seq = 3`));
    try {
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 2, brokenSeq: 3, reason: 'hash_mismatch' });
    } finally {
      await asAttacker(() => t.db.update(auditLog).set({ after: target!.after }).where(sql`seq = 3`));
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('catches an edit whose hash was recomputed, at the next row', async () => {
    const [target] = await t.db.select().from(auditLog).where(sql`seq = 2`);
    await asAttacker(() => t.database.sql(`UPDATE audit_log SET actor_name = '冒名', hash = repeat('a', 64) WHERE seq = 2`));
    try {
      const v = await verifyAuditChain(t.db);
      expect(v).toMatchObject({ ok: false, brokenSeq: 2 });
      // and even an attacker who fixes this row's hash breaks the link to the next one
      const [forged] = await t.db.select().from(auditLog).where(sql`seq = 2`);
      const rehashed = chainHash(forged!.prevHash, { ...forged!, seq: forged!.seq });
      await asAttacker(() => t.db.update(auditLog).set({ hash: rehashed }).where(sql`seq = 2`));
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 2, brokenSeq: 3, reason: 'prev_hash_mismatch' });
    } finally {
      await asAttacker(() => t.db.update(auditLog).set({ actorName: target!.actorName, hash: target!.hash }).where(sql`seq = 2`));
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('names the place where a row was deleted', async () => {
    const [target] = await t.db.select().from(auditLog).where(sql`seq = 2`);
    await asAttacker(() => t.database.sql('DELETE FROM audit_log WHERE seq = 2'));
    try {
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 1, brokenSeq: 2, reason: 'gap' });
    } finally {
      await t.db.insert(auditLog).values(target!);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const before = (await rows()).length;
    const at = t.clock.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction((tx) =>
          recordAudit(tx, { at, districtId: district.id, actor: null, action: 'test.concurrent', entityType: 'test', entityId: null, after: { i } }),
        ),
      ),
    );
    const all = await rows();
    expect(all.length).toBe(before + 20);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: before + 20 });
  });

  it('records nothing when the write it belongs to fails', async () => {
    const before = (await rows()).length;
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, { at: t.clock.now(), districtId: district.id, actor: null, action: 'test.rollback', entityType: 'test', entityId: null });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await rows()).length).toBe(before);
  });
});

describe('GET /api/audit', () => {
  it('lists the district newest first, filtered, for the office', async () => {
    const res = await s.get('/api/audit?entityType=enterprise&pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { action: string }) => i.action)).toEqual(['enterprise.void', 'enterprise.update']);
    expect(body.items[0]).toMatchObject({ actorName: office.displayName, entityType: 'enterprise' });
  });

  it('filters by action prefix', async () => {
    const body = (await s.get('/api/audit?action=enterprise.cr')).json();
    expect(body.items.map((i: { action: string }) => i.action)).toEqual(['enterprise.create']);
  });

  it('shows nothing of another district', async () => {
    const other = await buildDistrict(t.db);
    const otherAdmin = await buildUser(t.db, { role: 'admin', unit: other });
    const s2 = await loginAs(t.app, otherAdmin.username, otherAdmin.password);
    const body = (await s2.get('/api/audit?entityType=enterprise')).json();
    expect(body.total).toBe(0);
  });

  it.each(['village', 'department', 'leader', 'enterprise', 'supervision_group'] as const)('is forbidden to %s', async (role) => {
    const u =
      role === 'department'
        ? await buildUser(t.db, { role, unit: await buildDepartment(t.db, { parent: township, sectorIds: [sector.id] }) })
        : role === 'enterprise'
          ? await buildUser(t.db, { role, unit: village, enterpriseId: (await buildEnterprise(t.db, { village, sectorIds: [sector.id] })).id })
          : await buildUser(t.db, { role, unit: role === 'village' ? village : township });
    const res = await (await loginAs(t.app, u.username, u.password)).get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});
