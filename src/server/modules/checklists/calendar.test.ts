// The district work calendar: managers keep it (a day at a time or a whole year at once), every
// user of the district reads it, other districts never see it; calendarBetween feeds the schedules.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { calendarBetween } from './work-calendar.repository.ts';

let t: TestApp;
let w: World;
let office: Session;
let village: Session;
let enterprise: Session;
let dept: Session;
let otherOffice: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: { username: string; password: string }) => loginAs(t.app, u.username, u.password);
  [office, village, enterprise, dept, otherOffice] = await Promise.all([
    login(w.users.officeD), login(w.users.villageV1a), login(w.users.enterpriseB), login(w.users.deptChemT1), login(w.users.officeX),
  ]);
});
afterAll(() => t?.close());

const NATIONAL_DAY_2025 = [
  { day: '2025-09-28', kind: 'workday', name: '国庆节调休' },
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ day: `2025-10-${d}`, kind: 'holiday', name: '国庆节、中秋节' })),
  { day: '2025-10-11', kind: 'workday', name: '国庆节调休' },
];

describe('work calendar', () => {
  it('sets a whole year, then a day at a time; everyone in the district reads it', async () => {
    const set = await office.request('PUT', '/api/work-calendar/2025', { days: NATIONAL_DAY_2025 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().days).toHaveLength(10);

    const put = await office.request('PUT', '/api/work-calendar/days/2025-01-01', { kind: 'holiday', name: '元旦' });
    expect(put.statusCode, put.body).toBe(200);
    const renamed = await office.request('PUT', '/api/work-calendar/days/2025-01-01', { kind: 'holiday', name: '元旦节' });
    expect(renamed.json()).toEqual({ day: '2025-01-01', kind: 'holiday', name: '元旦节' });

    for (const s of [village, enterprise, dept]) {
      const year = await s.get('/api/work-calendar/2025');
      expect(year.statusCode).toBe(200);
      expect(year.json()).toMatchObject({ year: 2025 });
      expect(await abilitiesOf(s)).not.toContain('manage:checklist');
      expect(year.json().days[0]).toEqual({ day: '2025-01-01', kind: 'holiday', name: '元旦节' });
      expect(year.json().days).toHaveLength(11);
    }
    expect(await abilitiesOf(office)).toContain('manage:checklist');

    expect((await office.request('DELETE', '/api/work-calendar/days/2025-01-01')).statusCode).toBe(200);
    expect((await office.request('DELETE', '/api/work-calendar/days/2025-01-01')).statusCode).toBe(404);

    expect(await calendarBetween(t.db, w.D.id, '2025-09-01', '2025-10-05')).toEqual({
      holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05'],
      workdays: ['2025-09-28'],
    });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "work_calendar"), eq(auditLog.districtId, w.D.id))).orderBy(asc(auditLog.seq));
    expect(audit.map((a) => a.action)).toEqual(['work_calendar.set_year', 'work_calendar.put_day', 'work_calendar.put_day', 'work_calendar.delete_day']);
  });

  it('replaces the year on a second set, leaving other years alone', async () => {
    await office.request('PUT', '/api/work-calendar/days/2026-01-01', { kind: 'holiday', name: '元旦' });
    const res = await office.request('PUT', '/api/work-calendar/2025', { days: [{ day: '2025-05-01', kind: 'holiday', name: '劳动节' }] });
    expect(res.json().days).toEqual([{ day: '2025-05-01', kind: 'holiday', name: '劳动节' }]);
    expect((await office.get('/api/work-calendar/2026')).json().days).toHaveLength(1);
  });

  it('validates days: real dates, inside the year, once each, 调休 only on weekends', async () => {
    const res = await office.request('PUT', '/api/work-calendar/2025', {
      days: [
        { day: '2025-10-01', kind: 'holiday', name: '国庆节' },
        { day: '2024-10-01', kind: 'holiday', name: '国庆节' },
        { day: '2025-10-01', kind: 'holiday', name: '国庆节' },
        { day: '2025-10-10', kind: 'workday', name: '调休' },
        { day: '2025-02-30', kind: 'holiday', name: '不存在' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({
      'days.1.day': ['日期不在该年内'],
      'days.2.day': ['同一天只能设置一次'],
      'days.3.day': ['调休上班日应为周六或周日'],
      'days.4.day': ['日期无效'],
    });
    const weekday = await office.request('PUT', '/api/work-calendar/days/2025-10-10', { kind: 'workday', name: '调休' });
    expect(errorOf(weekday).fieldErrors).toEqual({ kind: ['调休上班日应为周六或周日'] });
    const noName = await office.request('PUT', '/api/work-calendar/days/2025-10-11', { kind: 'workday', name: ' ' });
    expect(errorOf(noName).fieldErrors).toHaveProperty('name');
    expect((await office.get('/api/work-calendar/1999')).statusCode).toBe(400);
    // An impossible date is a validation error before it reaches the database.
    expect(errorOf(await office.request('DELETE', '/api/work-calendar/days/2025-13-45')).fieldErrors).toEqual({ day: ['日期无效'] });
    expect(errorOf(await office.request('PUT', '/api/work-calendar/days/2025-02-30', { kind: 'holiday', name: '不存在' })).fieldErrors).toEqual({ day: ['日期无效'] });
  });

  it('is kept by managers only and per district', async () => {
    for (const s of [village, enterprise, dept]) {
      expect((await s.request('PUT', '/api/work-calendar/days/2025-10-11', { kind: 'workday', name: '调休' })).statusCode).toBe(403);
      expect((await s.request('PUT', '/api/work-calendar/2025', { days: [] })).statusCode).toBe(403);
      expect((await s.request('DELETE', '/api/work-calendar/days/2025-05-01')).statusCode).toBe(403);
    }
    expect((await otherOffice.get('/api/work-calendar/2025')).json().days).toEqual([]);
    expect((await otherOffice.request('DELETE', '/api/work-calendar/days/2025-05-01')).statusCode).toBe(404);
    expect((await office.get('/api/work-calendar/2025')).json().days).toHaveLength(1);
  });
});
