// Requests on a hazard through the HTTP API: extensions, transfers, void, the 在改 filter and derived overdue.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hazards as hazardsTable } from '../../db/schema/index.ts';
import { act, actOk, fullPlan, getHazard } from '../../test/hazards.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { actions, deptChem, deptFire, entB, ids, list, office, reportAtA, reportAtB, t, toAwaitingAtB, useHazardWorld, verifyPass, village, w } from './hazards.test-world.ts';

useHazardWorld();

describe('extensions (延期)', () => {
  it('the enterprise asks, the responsible village approves: the due date moves and old/new stay on record', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    const asked = await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-10', reason: '配电箱到货延迟' });
    expect(asked.dueDate).toBe('2024-06-20');
    expect(asked.extensions).toEqual([expect.objectContaining({ oldDueDate: '2024-06-20', newDueDate: '2024-07-10', status: 'pending', reason: '配电箱到货延迟' })]);
    expect(asked.allowedActions).not.toContain('request_extension'); // one at a time
    expect((await act(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-20', reason: '再申请一次' })).statusCode).toBe(403);
    expect((await act(entB, h.id, { action: 'decide_extension', approve: true })).statusCode).toBe(403);

    const approved = await actOk(village, h.id, { action: 'decide_extension', approve: true, note: '同意' });
    expect(approved.dueDate).toBe('2024-07-10');
    expect(approved.extensions[0]).toMatchObject({ oldDueDate: '2024-06-20', newDueDate: '2024-07-10', status: 'approved', decisionNote: '同意' });
    expect(approved.extensions[0]!.decidedAt).not.toBeNull();

    // a second request, rejected: the date stays, both requests are kept
    await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-08-01', reason: '资金未到位' });
    const rejected = await actOk(village, h.id, { action: 'decide_extension', approve: false, note: '不予延期' });
    expect(rejected.dueDate).toBe('2024-07-10');
    expect(rejected.extensions.map((e) => [e.oldDueDate, e.newDueDate, e.status])).toEqual([
      ['2024-06-20', '2024-07-10', 'approved'], ['2024-07-10', '2024-08-01', 'rejected'],
    ]);
    expect(actions(rejected).filter((a) => a.includes('extension'))).toEqual(['request_extension', 'approve_extension', 'request_extension', 'reject_extension']);
  });

  it('refuses a new due date that is not later than the current one or today', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    for (const newDueDate of ['2024-06-20', '2024-06-10', '2024-06-03']) {
      const res = await act(entB, h.id, { action: 'request_extension', newDueDate, reason: '延期申请' });
      expect(res.statusCode, newDueDate).toBe(400);
      expect(errorOf(res).fieldErrors).toHaveProperty('newDueDate');
    }
  });
});

describe('transfers (移送)', () => {
  it('a village hands a hazard to a township department; the department accepts and becomes responsible', async () => {
    const h = await reportAtA();
    expect(h.responsibleUnitId).toBe(w.V1a.id);
    // only a department of the hazard's township
    for (const toUnitId of [w.V1b.id, w.depBuildD.id, w.T1.id]) {
      const bad = await act(village, h.id, { action: 'transfer', toUnitId, reason: '超出村级处置能力' });
      expect(bad.statusCode, toUnitId).toBe(400);
      expect(errorOf(bad).fieldErrors).toHaveProperty('toUnitId');
    }
    const sent = await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
    expect(sent).toMatchObject({ pendingTransfer: true, responsibleUnitId: w.V1a.id, transferCount: 0 });
    expect(sent.transfers).toEqual([expect.objectContaining({ fromUnitId: w.V1a.id, toUnitId: w.depChemT1.id, toUnitName: '应急站', status: 'pending' })]);
    expect(sent.allowedActions).not.toContain('transfer');
    expect(sent.allowedActions).not.toContain('submit_plan');
    expect((await act(village, h.id, { action: 'decide_transfer', accept: true })).statusCode).toBe(403);

    const seen = await getHazard(deptChem, h.id);
    // the department may also open a case on it (立案), as on any hazard it sees
    expect(seen.allowedActions).toEqual(['decide_transfer', 'open_case']);
    const accepted = await actOk(deptChem, h.id, { action: 'decide_transfer', accept: true });
    expect(accepted).toMatchObject({ pendingTransfer: false, responsibleUnitId: w.depChemT1.id, responsibleUnitName: '应急站', transferCount: 1 });
    expect(accepted.transfers[0]).toMatchObject({ status: 'accepted' });
    expect(actions(accepted).slice(-2)).toEqual(['transfer', 'accept_transfer']);
    // the village still sees it but no longer acts on it
    expect((await getHazard(village, h.id)).allowedActions).toEqual([]);
    expect((await act(village, h.id, { action: 'void', reason: '村里作废' })).statusCode).toBe(403);
    expect(ids(await list(village, 'transferred=true'))).toContain(h.id);
    expect((await getHazard(deptChem, h.id)).allowedActions).toContain('void');
  });

  it('the receiving department may return it with a reason; responsibility stays', async () => {
    const h = await reportAtB();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '消防设施问题' });
    expect((await getHazard(deptFire, h.id)).allowedActions).toEqual(['decide_transfer', 'open_case']);
    const noReason = await act(deptFire, h.id, { action: 'decide_transfer', accept: false });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fieldErrors?.reason).toEqual(['退回须填写原因']);
    const returned = await actOk(deptFire, h.id, { action: 'decide_transfer', accept: false, reason: '属村级日常巡查事项' });
    expect(returned).toMatchObject({ pendingTransfer: false, responsibleUnitId: w.V1a.id, transferCount: 0 });
    expect(returned.transfers[0]).toMatchObject({ status: 'returned', decisionReason: '属村级日常巡查事项' });
    expect((await getHazard(village, h.id)).allowedActions).toContain('transfer');
  });

  it('offers exactly the departments the hazard may go to', async () => {
    const h = await reportAtB();
    const fromVillage = (await getHazard(village, h.id)).transferTargets.map((u) => u.id).sort();
    expect(fromVillage).toEqual([w.depChemT1.id, w.depFireT1.id].sort());
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '消防设施问题' });
    await actOk(deptFire, h.id, { action: 'decide_transfer', accept: true });
    expect((await getHazard(deptFire, h.id)).transferTargets.map((u) => u.id)).toEqual([w.depBuildD.id]);
    expect((await getHazard(office, h.id)).transferTargets).toEqual([]); // the office cannot transfer
  });

  it('a department that returned a transfer outside its sectors no longer sees the hazard', async () => {
    const h = await reportAtB(); // fire hazard; the chemicals department does not supervise fire
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '疑似危化品' });
    expect((await getHazard(deptChem, h.id)).allowedActions).toEqual(['decide_transfer', 'open_case']);
    await actOk(deptChem, h.id, { action: 'decide_transfer', accept: false, reason: '不属危化品，退回村里' });
    expect((await deptChem.get(`/api/hazards/${h.id}`)).statusCode).toBe(404);
    expect(ids(await list(deptChem))).not.toContain(h.id);
  });

  it('another department cannot decide a transfer addressed elsewhere', async () => {
    const h = await reportAtA();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '危化品' });
    const other = await loginAs(t.app, w.users.deptBuildD.username, w.users.deptBuildD.password);
    expect((await act(other, h.id, { action: 'decide_transfer', accept: true }, village)).statusCode).toBe(404);
    expect((await act(office, h.id, { action: 'decide_transfer', accept: true })).statusCode).toBe(403);
  });
});

describe('void (作废)', () => {
  it('needs a reason, keeps the record, and hides it from the default list', async () => {
    const h = await reportAtB();
    expect((await act(village, h.id, { action: 'void', reason: ' ' })).statusCode).toBe(400);
    expect((await act(entB, h.id, { action: 'void', reason: '企业不认可' })).statusCode).toBe(403);
    const voided = await actOk(village, h.id, { action: 'void', reason: '重复上报' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复上报', allowedActions: [] });
    expect(voided.events.at(-1)).toMatchObject({ action: 'void', toStatus: 'voided', note: '重复上报' });
    expect(ids(await list(village))).not.toContain(h.id);
    expect(ids(await list(village, 'includeVoided=true'))).toContain(h.id);
    // the 全部 tab counts what the list without a status holds, with and without 已作废
    for (const q of ['', 'includeVoided=true']) {
      const withoutStatus = await list(village, q);
      expect(withoutStatus.allCount, q).toBe(withoutStatus.total);
      expect((await list(village, `${q}&status=closed`)).allCount, q).toBe(withoutStatus.total);
    }
    expect(ids(await list(village, 'status=voided'))).toContain(h.id);
    expect((await act(village, h.id, { action: 'submit_plan', plan: fullPlan() })).statusCode).toBe(409);
    const [row] = await t.db.select().from(hazardsTable).where(eq(hazardsTable.id, h.id));
    expect(row).toBeDefined(); // nothing is deleted
  });
});

describe('the 在改 filter', () => {
  it('lists reported, rectifying and awaiting verification hazards, not closed ones', async () => {
    const open = await reportAtB();
    const closed = await verifyPass(village, (await toAwaitingAtB()).id);
    const inWork = ids(await list(village, 'open=true'));
    expect(inWork).toContain(open.id);
    expect(inWork).not.toContain(closed.id);
    expect(ids(await list(village, 'open=false'))).toContain(closed.id);
    // the status tabs keep their counts while 在改 is on
    const counts = (await list(village, 'open=true')).statusCounts;
    expect(counts.closed).toBeGreaterThan(0);
    expect(counts.reported).toBeGreaterThan(0);
  });
});

describe('overdue (逾期), derived from the due date and the clock', () => {
  it('is not overdue on the due day, is overdue the next day, everywhere', async () => {
    const h = await reportAtB({ dueDate: '2024-06-05' });
    const closed = await toAwaitingAtB({}, { dueDate: '2024-06-04' });
    expect(closed.dueDate).toBe('2024-06-04');
    await verifyPass(village, closed.id);
    expect(h.overdue).toBe(false);

    // Days later every session of this file has gone idle: sign in afresh while the clock is moved
    // (the old sessions stay untouched and are used again once the clock is back).
    t.clock.set('2024-06-05T15:59:00Z'); // 23:59 on the due day in Shanghai
    const v = await loginAs(t.app, w.users.villageV1a.username, w.users.villageV1a.password);
    expect((await getHazard(v, h.id)).overdue).toBe(false);
    expect(ids(await list(v, 'overdue=true'))).not.toContain(h.id);

    t.clock.set('2024-06-05T16:00:30Z'); // 00:00:30 the next day
    const o = await loginAs(t.app, w.users.officeT1.username, w.users.officeT1.password);
    expect((await getHazard(v, h.id)).overdue).toBe(true);
    const overdue = await list(v, 'overdue=true');
    expect(ids(overdue)).toContain(h.id);
    expect(ids(overdue)).not.toContain(closed.id); // closed hazards are never overdue
    for (const i of overdue.items) expect(i.overdue).toBe(true);
    const all = await list(v);
    expect(all.overdueCount).toBe(overdue.total);
    expect(all.items.find((i) => i.id === h.id)?.overdue).toBe(true);
    expect(ids(await list(v, 'overdue=false'))).not.toContain(h.id);
    const dash = (await o.get('/api/dashboard/hazards')).json();
    expect(dash.overdueList.map((i: { id: string }) => i.id)).toContain(h.id);
    expect(dash.overdue).toBeGreaterThanOrEqual(1);
  });

  it('lists overdue hazards most overdue first, on the ledger (paged by cursor too) and on the dashboard', async () => {
    // x is found first and due first; y found later, due later: newest-found-first would put y first.
    const x = await reportAtB({ dueDate: '2024-06-20' });
    const y = await reportAtB({ dueDate: '2024-06-20' });
    await t.db.update(hazardsTable).set({ dueDate: '2024-05-20' }).where(eq(hazardsTable.id, x.id));
    await t.db.update(hazardsTable).set({ dueDate: '2024-06-02' }).where(eq(hazardsTable.id, y.id));
    const o = await loginAs(t.app, w.users.officeT1.username, w.users.officeT1.password);
    const dues = (items: { [k: string]: unknown }[]) => items.map((i) => String(i.dueDate));
    const ascending = (d: string[]) => d.every((v, i) => i === 0 || d[i - 1]! <= v);

    const ledger = await list(o, 'overdue=true');
    expect(ascending(dues(ledger.items))).toBe(true);
    expect(ids(ledger).indexOf(x.id)).toBeLessThan(ids(ledger).indexOf(y.id));
    // one row a page, by cursor: the same order
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 1; page === 1 || (after && paged.length < 200); page++) {
      const got: { items: { id: string }[]; nextCursor: string | null } = (await o.get(`/api/hazards?overdue=true&pageSize=1&page=${page}${after ? `&after=${encodeURIComponent(after)}` : ''}`)).json();
      paged.push(...got.items.map((i: { id: string }) => i.id));
      after = got.nextCursor;
    }
    expect(paged).toEqual(ids(ledger));

    const dash = (await o.get('/api/dashboard/hazards')).json();
    expect(ascending(dues(dash.overdueList))).toBe(true);
    const listed = dash.overdueList.map((i: { id: string }) => i.id);
    expect(listed.indexOf(x.id)).toBeLessThan(listed.indexOf(y.id));
  });
});
