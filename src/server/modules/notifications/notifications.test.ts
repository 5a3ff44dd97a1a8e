// Notifications through the real app on a real database: the outbox written with the change that
// causes it (never for a rolled-back one), delivered once to each member of the audience, the
// in-app centre, live counts over server-sent events, reminders once across a restart, and the
// district's group robot reached over HTTP with retries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../db/client.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildUser } from '../../test/factories.ts';
import { actOk, act, reportHazard } from '../../test/hazards.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { notify } from './index.ts';

let t: TestApp;
let w: World;
let village: Session; // 一村, responsible for enterprise b's hazards
let village2: Session; // a second officer of 一村
let dept: Session; // 应急站 of 一镇 (transfer target)
let ent: Session; // enterprise b
let admin: Session;
let office: Session;

const notifier = () => t.ctx.notifier!;
type Page = { items: { id: number; kind: string; title: string; href: string; read: boolean }[]; total: number; unread: number };
const inbox = async (s: Session, q = '') => {
  const res = await s.get(`/api/notifications${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};
const report = () => reportHazard(village, t.clock.now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, dueDate: '2024-06-20' });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: { username: string; password: string }) => loginAs(t.app, u.username, u.password);
  village = await login(w.users.villageV1a);
  village2 = await login(await buildUser(t.db, { role: 'village', unit: w.V1a, displayName: '一村网格员' }));
  dept = await login(w.users.deptChemT1);
  ent = await login(w.users.enterpriseB);
  admin = await login(w.users.adminD);
  office = await login(w.users.officeT1);
});
afterAll(() => t?.close());

describe('the outbox and the in-app centre', () => {
  it('tells the unit and the enterprise of a new hazard, never the reporter, once', async () => {
    const before = { v2: (await inbox(village2)).total, ent: (await inbox(ent)).total, me: (await inbox(village)).total };
    const h = await report();
    await notifier().flush();
    await notifier().flush();
    const v2 = await inbox(village2);
    expect(v2.total).toBe(before.v2 + 1);
    expect(v2.items[0]).toMatchObject({ kind: 'hazard.assigned', href: `/hazards/${h.id}`, read: false });
    expect(v2.items[0]!.title).toContain(h.number);
    expect((await inbox(ent)).total).toBe(before.ent + 1);
    expect((await inbox(village)).total).toBe(before.me);
    // A repeat after a crash between the inserts and the mark: the unique key keeps it single.
    await t.db.execute(sql`update notification_outbox set dispatched_at = null`);
    await notifier().flush();
    expect((await inbox(village2)).total).toBe(before.v2 + 1);
  });

  it('tells the receiving unit of a transfer, and the sender when it is returned', async () => {
    const h = await report();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
    await notifier().flush();
    const got = await inbox(dept, '?unread=true');
    expect(got.items[0]).toMatchObject({ kind: 'hazard.transfer_requested', href: `/hazards/${h.id}` });
    await actOk(dept, h.id, { action: 'decide_transfer', accept: false, reason: '属消防领域，请村里处置' });
    await notifier().flush();
    expect((await inbox(village2)).items[0]).toMatchObject({ kind: 'hazard.transfer_returned', href: `/hazards/${h.id}` });
  });

  it('writes nothing for a change that is rolled back', async () => {
    const h = await report();
    await notifier().flush();
    const before = (await inbox(dept)).total;
    // A stale version: the action is refused inside its transaction.
    const stale = await act(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存', version: h.version + 5 });
    expect(stale.statusCode).toBe(409);
    await expect(t.db.transaction(async (tx) => {
      await notify(tx, { districtId: w.D.id, kind: 'case.step', title: '不应送达', audience: { unitIds: [w.depChemT1.id] } });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    await notifier().flush();
    expect((await inbox(dept)).total).toBe(before);
    const [n] = await sqlRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where title = '不应送达'`);
    expect(n!.n).toBe(0);
  });

  it('counts unread, marks read only the caller\'s own, and pages', async () => {
    const mine = await inbox(village2);
    expect(mine.unread).toBeGreaterThanOrEqual(2);
    const theirs = (await inbox(dept)).items[0]!.id;
    const res = await village2.request('POST', '/api/notifications/read', { ids: [mine.items[0]!.id, theirs] });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { unread: number }).unread).toBe(mine.unread - 1);
    expect((await inbox(dept)).items[0]!.read).toBe(false);
    expect((await village2.get('/api/notifications/unread-count')).json()).toEqual({ unread: mine.unread - 1 });
    expect((await village2.request('POST', '/api/notifications/read', { all: true })).json()).toEqual({ unread: 0 });
    const page = await inbox(village2, '?pageSize=1&page=2');
    expect(page.items).toHaveLength(1);
    expect(errorOf(await village2.request('POST', '/api/notifications/read', { ids: [] })).message).toBeTruthy();
  });
});

describe('live counts over server-sent events', () => {
  it('sends the count on connect and again when a transfer reaches the unit', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const events: number[] = [];
    let waiter: (() => void) | null = null;
    const req = http.get(`${address}/api/notifications/stream`, { headers: { cookie: dept.cookie } });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      for (const m of buf.matchAll(/event: unread\ndata: (\{[^\n]*\})\n\n/g)) events.push((JSON.parse(m[1]!) as { unread: number }).unread);
      buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
      waiter?.();
    });
    const next = (n: number) => new Promise<void>((resolve) => {
      waiter = () => events.length >= n && resolve();
      waiter();
    });
    await next(1);
    const first = events[0]!;
    const h = await report();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
    await notifier().flush();
    await next(2);
    expect(events[events.length - 1]).toBe(first + 1);
    req.destroy();
  });
});

describe('reminders', () => {
  it('reminds once before the deadline and once when overdue, across a restart and a time the server was down', async () => {
    const h = await reportHazard(village, t.clock.now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, dueDate: '2024-06-10' });
    const reminders = async (kind: string) =>
      (await sqlRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where entity_id = ${h.id} and kind = ${kind}`))[0]!.n;
    await notifier().cycle();
    expect(await reminders('hazard.due_soon')).toBe(0); // 7 days ahead
    t.clock.set('2024-06-08T01:00:00Z');
    await notifier().cycle();
    await notifier().cycle();
    expect(await reminders('hazard.due_soon')).toBe(1);
    // A restart: a new app process on the same database produces nothing new.
    const again = await createTestApp({ database: t.database, clock: t.clock });
    await again.ctx.notifier!.cycle();
    // Down from the 9th to the 20th: the overdue reminder comes on the first run after.
    t.clock.set('2024-06-20T01:00:00Z');
    await again.ctx.notifier!.cycle();
    await again.ctx.notifier!.cycle();
    await again.close();
    expect(await reminders('hazard.due_soon')).toBe(1);
    expect(await reminders('hazard.overdue')).toBe(1);
    t.clock.set('2024-06-03T01:30:00Z'); // back before the sessions' idle limit
    const got = (await inbox(ent)).items.find((i) => i.kind === 'hazard.overdue' && i.href === `/hazards/${h.id}`);
    expect(got).toBeDefined();
  });
});

describe('the district group robot', () => {
  it('is configured by an admin only, and reaches a local receiver with retries and a log', async () => {
    const received: unknown[] = [];
    let calls = 0;
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        calls += 1;
        // Down, then a refusal in the robot's own words, then accepted.
        if (calls === 1) return void res.writeHead(502).end('bad gateway');
        res.writeHead(200, { 'content-type': 'application/json' });
        if (calls === 2) return void res.end(JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }));
        received.push(JSON.parse(body));
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
    try {
      expect((await office.request('PUT', '/api/notifications/webhook', { url, enabled: true, kinds: [], version: null })).statusCode).toBe(403);
      const bad = await admin.request('PUT', '/api/notifications/webhook', { url: 'ftp://x', enabled: true, kinds: [], version: null });
      expect(errorOf(bad).fieldErrors?.url).toEqual(['请填写以 http:// 或 https:// 开头的机器人地址']);
      const saved = await admin.request('PUT', '/api/notifications/webhook', { url, enabled: true, kinds: ['hazard.transfer_requested'], version: null });
      expect(saved.statusCode, saved.body).toBe(200);

      const h = await report(); // hazard.assigned: not among the kinds sent to the group
      await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
      await notifier().flush();
      await notifier().cycle();
      t.clock.set(new Date(t.clock.now().getTime() + 60_000));
      await notifier().cycle();
      t.clock.set(new Date(t.clock.now().getTime() + 180_000));
      await notifier().cycle();
      expect(calls).toBe(3);
      expect(received).toEqual([{ msgtype: 'markdown', markdown: { content: expect.stringContaining(`【隐患移交待接收】${h.number}`) } }]);
      const log = (await admin.get('/api/notifications/webhook/deliveries')).json() as { items: { status: string; attempts: number; kind: string }[] };
      expect(log.items[0]).toMatchObject({ status: 'delivered', attempts: 3, kind: 'hazard.transfer_requested' });
      expect((await office.get('/api/notifications/webhook/deliveries')).statusCode).toBe(403);
    } finally {
      receiver.close();
      t.clock.set('2024-06-03T01:30:00Z');
    }
  });
});
