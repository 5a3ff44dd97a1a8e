// 日周月 schedules through the HTTP API on a real database: who may set them, field errors, the month
// calendar with completed self-inspections (a missed day, a weekend, district and own holidays, a
// 调休 Saturday), today's tasks, the compliance summary and 谁落后了 with its order, scope and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSelfInspectionCalendar, TScheduleView } from '../../../contract/schedules.ts';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { type BuiltUser, buildEnterprise } from '../../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs } from '../../test/http.ts';
import { buildCalendarDays, buildInspection, buildTemplate } from '../../test/inspection-fixtures.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { eq } from 'drizzle-orm';

// Thursday 10 October 2024, 10:00 in Shanghai: 国庆 1–7 October is over, Saturday the 12th is a 调休 workday.
const TODAY = '2024-10-10';
let t: TestApp;
let w: World;
let entB: Session;
let village: Session; // 一村: a and b
let otherVillage: Session; // 三村: d and e
let deptChem: Session; // a and c
let leader: Session; // 二镇: d and e
let office: Session; // 一镇: a, b, c
let daily: string;
let weekly: string;
let monthly: string;
let retired: string;

const url = (id: string, what: string) => `/api/enterprises/${id}/self-inspection/${what}`;
const scheduleBody = (o: Record<string, unknown> = {}) => ({
  dailyTemplateCode: daily, weeklyTemplateCode: weekly, monthlyTemplateCode: monthly, workOnWeekends: false,
  holidays: [], extraWorkdays: [], weeklyDueWeekday: null, monthlyDueDay: null, startsOn: '2024-09-01', version: null, ...o,
});
async function put(s: Session, enterpriseId: string, o: Record<string, unknown> = {}) {
  return s.request('PUT', url(enterpriseId, 'schedule'), scheduleBody(o));
}
async function putOk(s: Session, enterpriseId: string, o: Record<string, unknown> = {}): Promise<TScheduleView> {
  const res = await put(s, enterpriseId, o);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TScheduleView;
}
const selfCheck = (enterprise: keyof World['enterprises'], type: 'self_daily' | 'self_weekly' | 'self_monthly', inspectedOn: string, status: 'completed' | 'draft' = 'completed') =>
  buildInspection(t.db, { enterprise: w.enterprises[enterprise], type, inspectedOn, unitId: w.enterprises[enterprise].villageId, createdBy: w.users.enterpriseB.id, status });

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2024-10-10T02:00:00.000Z') });
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  entB = await login(w.users.enterpriseB);
  village = await login(w.users.villageV1a);
  otherVillage = await login(w.users.villageV2);
  deptChem = await login(w.users.deptChemT1);
  leader = await login(w.users.leaderT2);
  office = await login(w.users.officeT1);
  daily = (await buildTemplate(t.db, { districtId: w.D.id, name: '班组日检查表' })).code;
  weekly = (await buildTemplate(t.db, { districtId: w.D.id, name: '车间周检查表' })).code;
  monthly = (await buildTemplate(t.db, { districtId: w.D.id, name: '厂长月检查表' })).code;
  retired = (await buildTemplate(t.db, { districtId: w.D.id, active: false })).code;
  await buildTemplate(t.db, { districtId: w.X.id, code: 'OTHER-DISTRICT' });
  await buildCalendarDays(t.db, w.D.id, [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2024-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { day: '2024-10-12', kind: 'workday', name: '调休上班' },
  ]);
});
afterAll(() => t?.close());

describe('who sets a schedule', () => {
  it('an enterprise sets its own, with an audit row, and reads it back with the district templates', async () => {
    const v = await putOk(entB, w.enterprises.b.id, { holidays: ['2024-10-11'] });
    expect(v.schedule).toMatchObject({ dailyTemplateCode: daily, holidays: ['2024-10-11'], startsOn: '2024-09-01', active: true });
    expect(v.version).toBe(1);
    expect(v.allowedActions).toEqual(['edit']);
    expect(v.templates.map((x) => x.code)).toEqual(expect.arrayContaining([daily, weekly, monthly]));
    expect(v.templates.map((x) => x.code)).not.toContain(retired);
    expect(v.templates.map((x) => x.code)).not.toContain('OTHER-DISTRICT');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, w.enterprises.b.id));
    expect(audit.map((a) => a.action)).toContain('self_inspection_schedule.create');
  });

  it('an enterprise cannot see or set another enterprise\'s schedule', async () => {
    expect((await put(entB, w.enterprises.a.id)).statusCode).toBe(404);
    expect((await entB.get(url(w.enterprises.a.id, 'schedule'))).statusCode).toBe(404);
  });

  it('a village sets those of its villages only', async () => {
    await putOk(village, w.enterprises.a.id);
    expect((await put(otherVillage, w.enterprises.c.id)).statusCode).toBe(404);
    expect((await put(village, w.enterprises.d.id)).statusCode).toBe(404);
  });

  it('a leader reads but may not write', async () => {
    const res = await leader.get(url(w.enterprises.d.id, 'schedule'));
    expect(res.statusCode).toBe(200);
    expect((res.json() as TScheduleView).schedule).toBeNull();
    expect((res.json() as TScheduleView).allowedActions).toEqual([]);
    const w403 = await put(leader, w.enterprises.d.id);
    expect(w403.statusCode).toBe(403);
    expect(errorOf(w403).code).toBe('FORBIDDEN');
  });

  it('nobody sets the schedule of a voided enterprise (mayEditSchedule); it is still read', async () => {
    const voided = await buildEnterprise(t.db, { village: w.V1a, sectorIds: [w.fire.id], voidedAt: new Date('2024-10-01T00:00:00Z') });
    const view = await village.get(url(voided.id, 'schedule'));
    expect(view.statusCode, view.body).toBe(200);
    expect((view.json() as TScheduleView).allowedActions).toEqual([]);
    const refused = await put(village, voided.id);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toBe('该单位已作废，不能设置自查安排');
  });

  it('a stale version is a conflict', async () => {
    const current = (await entB.get(url(w.enterprises.b.id, 'schedule'))).json() as TScheduleView;
    expect((await put(entB, w.enterprises.b.id, { version: null })).statusCode).toBe(409);
    expect((await put(entB, w.enterprises.b.id, { version: (current.version ?? 0) + 5 })).statusCode).toBe(409);
    // beyond the contract's integer range: a field error
    expect((await put(entB, w.enterprises.b.id, { version: 99_999_999_999 })).statusCode).toBe(400);
    const again = await putOk(entB, w.enterprises.b.id, { holidays: ['2024-10-11'], version: current.version });
    expect(again.version).toBe((current.version ?? 0) + 1);
  });

  it('an invalid schedule answers field errors in Chinese', async () => {
    const res = await put(deptChem, w.enterprises.c.id, {
      dailyTemplateCode: 'NOPE', weeklyTemplateCode: retired, holidays: ['2024-13-01'], extraWorkdays: ['2024-10-09'], weeklyDueWeekday: 8, monthlyDueDay: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({
      dailyTemplateCode: ['检查表不存在或已停用'],
      weeklyTemplateCode: ['检查表不存在或已停用'],
      holidays: ['2024-13-01：日期格式应为 YYYY-MM-DD'],
      extraWorkdays: ['2024-10-09：调休工作日应是周六或周日'],
      weeklyDueWeekday: ['周检日应为周一至周日'],
      monthlyDueDay: ['月检日应为每月1日至31日'],
    });
    const none = await put(deptChem, w.enterprises.c.id, { dailyTemplateCode: null, weeklyTemplateCode: null, monthlyTemplateCode: null });
    expect(errorOf(none).fieldErrors).toEqual({ dailyTemplateCode: ['请至少为日、周、月中的一项选择检查表'] });
  });
});

describe('the month calendar', () => {
  let cal: TSelfInspectionCalendar;
  let doneDaily: string;
  let doneWeekly: string;
  beforeAll(async () => {
    doneDaily = (await selfCheck('b', 'self_daily', '2024-10-08')).id;
    doneWeekly = (await selfCheck('b', 'self_weekly', '2024-10-09')).id;
    await selfCheck('b', 'self_daily', '2024-10-09', 'draft'); // a draft does not count
    await selfCheck('b', 'self_daily', '2024-09-30');
    const res = await entB.get(`${url(w.enterprises.b.id, 'calendar')}?month=2024-10`);
    expect(res.statusCode, res.body).toBe(200);
    cal = res.json() as TSelfInspectionCalendar;
  });
  const day = (d: string) => cal.days.find((x) => x.date === d)!;
  const dailyOn = (d: string) => cal.occurrences.find((o) => o.frequency === 'daily' && o.dueDate === d);

  it('marks district holidays, weekends, own holidays and 调休 workdays', () => {
    expect(cal.today).toBe(TODAY);
    expect(cal.days).toHaveLength(31);
    expect(day('2024-10-01')).toMatchObject({ workday: false, calendarName: '国庆节' });
    expect(day('2024-10-05').workday).toBe(false); // Saturday in the holiday
    expect(day('2024-10-19').workday).toBe(false); // a plain Saturday
    expect(day('2024-10-11').workday).toBe(false); // the enterprise's own day off
    expect(day('2024-10-12')).toMatchObject({ workday: true, calendarName: '调休上班' });
    expect(day('2024-10-08').workday).toBe(true);
  });

  it('gives each daily occurrence its status and the inspection that fulfilled it', () => {
    expect(dailyOn('2024-10-01')).toBeUndefined();
    expect(dailyOn('2024-10-05')).toBeUndefined();
    expect(dailyOn('2024-10-11')).toBeUndefined();
    expect(dailyOn('2024-10-08')).toMatchObject({ status: 'done', inspectionIds: [doneDaily], type: 'self_daily', templateCode: daily });
    expect(dailyOn('2024-10-09')).toMatchObject({ status: 'missed', inspectionIds: [] });
    expect(dailyOn('2024-10-10')?.status).toBe('due');
    expect(dailyOn('2024-10-12')?.status).toBe('upcoming');
    expect(dailyOn('2024-10-14')?.status).toBe('upcoming');
  });

  it('puts a week in the month of its due date, due by its last workday', () => {
    const weeks = cal.occurrences.filter((o) => o.frequency === 'weekly');
    // 30 Sep – 6 Oct has one workday (30 Sep): it belongs to September.
    expect(weeks[0]).toMatchObject({ periodKey: '2024-W41', dueDate: '2024-10-12', status: 'done', inspectionIds: [doneWeekly] });
    expect(weeks.map((x) => x.periodKey)).toEqual(['2024-W41', '2024-W42', '2024-W43']); // W44 is due on 1 November
    const month = cal.occurrences.filter((o) => o.frequency === 'monthly');
    expect(month).toEqual([expect.objectContaining({ periodKey: '2024-10', dueDate: '2024-10-31', status: 'due' })]);
  });

  it('counts compliance for the month', () => {
    expect(cal.compliance.byFrequency.daily).toMatchObject({ done: 1, missed: 1, due: 1 });
    expect(cal.compliance.byFrequency.daily.rate).toBe(0.5);
    expect(cal.compliance.byFrequency.weekly).toMatchObject({ done: 1, missed: 0 });
  });

  it('answers an unconfigured enterprise with the district calendar and nothing due', async () => {
    const res = await office.get(`${url(w.enterprises.c.id, 'calendar')}?month=2024-10`);
    const c = res.json() as TSelfInspectionCalendar;
    expect(c.configured).toBe(false);
    expect(c.occurrences).toEqual([]);
    expect(c.days.find((x) => x.date === '2024-10-12')?.workday).toBe(true);
  });

  it('is out of reach out of scope', async () => {
    expect((await otherVillage.get(url(w.enterprises.b.id, 'calendar'))).statusCode).toBe(404);
  });
});

describe('today and the summary', () => {
  it('lists what is due today for the enterprise, with a draft to continue', async () => {
    const draft = await selfCheck('b', 'self_daily', TODAY, 'draft');
    const res = await entB.get(url(w.enterprises.b.id, 'today'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { allowedActions: string[]; tasks: { frequency: string; type: string; status: string; templateName: string; draftInspectionId: string | null }[] };
    expect(body.allowedActions).toEqual(['start']);
    expect(body.tasks.map((x) => [x.frequency, x.status])).toEqual([['daily', 'due'], ['weekly', 'done'], ['monthly', 'due']]);
    expect(body.tasks[0]).toMatchObject({ type: 'self_daily', templateName: '班组日检查表', draftInspectionId: draft.id });
    const seen = (await village.get(url(w.enterprises.b.id, 'today'))).json() as { allowedActions: string[] };
    expect(seen.allowedActions).toEqual([]);
  });

  it('sums this month and the last 90 days from the start day on', async () => {
    const res = await village.get(url(w.enterprises.b.id, 'compliance'));
    const s = res.json() as { configured: boolean; thisMonth: { from: string; compliance: { byFrequency: { daily: { done: number; missed: number } } } }; last90Days: { from: string; compliance: { byFrequency: { daily: { done: number } } } } };
    expect(s.configured).toBe(true);
    expect(s.thisMonth.from).toBe('2024-10-01');
    expect(s.thisMonth.compliance.byFrequency.daily).toMatchObject({ done: 1, missed: 1 });
    expect(s.last90Days.from).toBe('2024-09-01'); // the schedule starts on 1 September
    expect(s.last90Days.compliance.byFrequency.daily.done).toBe(2);
  });
});

describe('谁落后了', () => {
  type Behind = { items: { enterpriseId: string; missed: number; done: number; lastDoneOn: string | null }[]; total: number; behind: number; from: string; to: string };
  const behind = async (s: Session, q = '') => {
    const res = await s.get(`/api/self-inspection/compliance${q ? `?${q}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Behind;
  };

  it('orders by most missed within the caller\'s scope, this month to today by default', async () => {
    const l = await behind(office);
    expect(l.from).toBe('2024-10-01');
    expect(l.to).toBe(TODAY);
    // a did nothing; b did some; c has no valid schedule.
    expect(l.items.map((i) => i.enterpriseId)).toEqual([w.enterprises.a.id, w.enterprises.b.id]);
    expect(l.items[0]!.missed).toBeGreaterThan(l.items[1]!.missed);
    expect(l.items[1]!.lastDoneOn).toBe('2024-10-09');
    expect(l.behind).toBe(2);
    expect((await behind(deptChem)).items.map((i) => i.enterpriseId)).toEqual([w.enterprises.a.id]);
    expect((await behind(otherVillage)).items).toEqual([]);
    expect((await behind(leader)).total).toBe(0);
  });

  it('filters by village, frequency and name, and paginates', async () => {
    expect((await behind(office, `villageId=${w.V1b.id}`)).total).toBe(0);
    const weeklyOnly = await behind(office, 'frequency=weekly&to=2024-10-13');
    expect(weeklyOnly.items.find((i) => i.enterpriseId === w.enterprises.b.id)).toMatchObject({ missed: 0, done: 1 });
    expect((await behind(office, `q=${encodeURIComponent('乙商贸')}`)).items.map((i) => i.enterpriseId)).toEqual([w.enterprises.b.id]);
    const p2 = await behind(office, 'pageSize=1&page=2');
    expect(p2.items.map((i) => i.enterpriseId)).toEqual([w.enterprises.b.id]);
    expect(p2.total).toBe(2);
  });

  it('refuses enterprises and a period over a year', async () => {
    expect((await entB.get('/api/self-inspection/compliance')).statusCode).toBe(403);
    const res = await office.get('/api/self-inspection/compliance?from=2023-01-01&to=2024-10-10');
    expect(errorOf(res).fieldErrors).toHaveProperty('from');
    const impossible = await office.get('/api/self-inspection/compliance?from=2024-09-31');
    expect(impossible.statusCode).toBe(400);
    expect(errorOf(impossible).fieldErrors?.from).toEqual(['日期不存在']);
  });

  it('exports the list', async () => {
    const res = await office.get('/api/self-inspection/compliance/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const { headers, rows } = await readXlsx(res.rawPayload);
    expect(headers[0]).toBe('生产经营单位');
    expect(rows.map((r) => r['生产经营单位'])).toEqual(['甲化工有限公司', '乙商贸有限公司']);
  });
});

