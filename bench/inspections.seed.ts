// A large township for bench/inspections.ts: enterprises, authority inspections over two years (a
// fraction with every answer filled in), a year of 日周月 self-inspection history for the scheduled
// enterprises, this year's inspection plans, hazards found in inspections and enforcement cases with
// measures. Rows are inserted in bulk with drizzle; ids and choices come from a seeded PRNG so that
// runs are comparable.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { type ChecklistItem, itemsOf } from '../src/domain/checklists/checklist.ts';
import type { CaseStatus, MeasureKind } from '../src/domain/enforcement/enforcement.ts';
import type { InspectionType } from '../src/domain/inspections/inspection-rules.ts';
import { formatRecordNumber } from '../src/domain/common/record-number.ts';
import { isoWeekKey, isoWeekStart } from '../src/domain/schedules/self-inspection-schedule.ts';
import { USCC_ALPHABET, usccCheckChar } from '../src/domain/enterprises/uscc.ts';
import type { Db } from '../src/server/db/client.ts';
import {
  checklistTemplateVersions, enforcementCases, enforcementMeasures, enterprises, hazards, inspectionAnswers, inspectionInspectors, inspectionPlanEntries, inspectionPlans,
  inspections, orgUnits, sectors, selfInspectionSchedules, users, workCalendarDays,
} from '../src/server/db/schema/index.ts';
import { insertSeedTemplates } from '../src/server/modules/checklists/checklists.seed.ts';
import { mulberry32 } from '../src/cli/demo/prng.ts';

dayjs.extend(utc);

// seeded, so that runs are comparable
const rand = mulberry32(42);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const hex8 = () => (int(0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
/** A version-4 shaped UUID from the PRNG. */
const uuid = () => {
  const h = hex8() + hex8() + hex8() + hex8();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const addDays = (day: string, n: number) => dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
const weekday = (day: string) => dayjs.utc(day).day() || 7;
const two = (n: number) => String(n).padStart(2, '0');
/** Some time between 08:00 and 18:00 Shanghai time on that day. */
const at = (day: string) => new Date(`${day}T${two(int(10))}:${two(int(60))}:00Z`);

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, chunk = 1000) {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

type InspectionInsert = typeof inspections.$inferInsert;

export interface Volumes {
  enterprises: number;
  authorityInspections: number;
  schedules: number;
  cases: number;
}

export const volumesFor = (n: number): Volumes => ({
  enterprises: n, authorityInspections: Math.round((n * 40) / 3), schedules: Math.round(n / 2), cases: Math.round((n * 2) / 3),
});

export interface Department {
  id: string;
  sectorIds: string[];
  userIds: string[];
}

export interface SeededTownship {
  districtId: string;
  townshipId: string;
  villageIds: string[];
  departments: Department[];
  officeUserId: string;
  villageUserId: string;
  /** An enterprise with a schedule and its account. */
  scheduled: { enterpriseId: string; userId: string };
  /** A completed authority inspection with every answer filled in, and a completed self-inspection. */
  sampleInspectionId: string;
  sampleSelfInspectionId: string;
  officePlanId: string;
  departmentPlanId: string;
  counts: Record<string, number>;
}

const NAME_WORDS = ['机械', '五金', '餐馆', '超市', '建材', '物流', '化工', '旅馆', '网吧', '诊所', '砖厂', '加油站'];
const HOLIDAYS: [string, number, string][] = [
  ['2025-10-01', 8, '国庆节、中秋节'], ['2026-01-01', 3, '元旦'], ['2026-02-15', 9, '春节'], ['2026-04-04', 3, '清明节'], ['2026-05-01', 5, '劳动节'],
];
const EXTRA_WORKDAYS = ['2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09'];

/** Seeds one district with one township; `today` is the benchmark's Asia/Shanghai day. */
export async function seedTownship(db: Db, v: Volumes, today: string): Promise<SeededTownship> {
  const now = new Date(`${today}T02:00:00Z`);
  const year = Number(today.slice(0, 4));
  const counts: Record<string, number> = {};

  // ---- region, sectors, departments, accounts
  const districtId = uuid();
  const townshipId = uuid();
  await db.insert(orgUnits).values([
    { id: districtId, districtId, kind: 'district', name: '基准区', code: 'JZ' },
    { id: townshipId, districtId, kind: 'township', name: '基准镇', parentId: districtId },
  ]);
  const villageIds = Array.from({ length: 20 }, uuid);
  await db.insert(orgUnits).values(villageIds.map((id, i) => ({ id, districtId, kind: 'village' as const, name: `村${i}`, parentId: townshipId })));
  const sectorIds = Array.from({ length: 16 }, uuid);
  await db.insert(sectors).values(sectorIds.map((id, i) => ({ id, districtId, name: `行业${i}` })));
  const departments: Department[] = Array.from({ length: 4 }, (_, i) => ({ id: uuid(), sectorIds: sectorIds.slice(i * 4, i * 4 + 4), userIds: [] }));
  await db
    .insert(orgUnits)
    .values(departments.map((d, i) => ({ id: d.id, districtId, kind: 'department' as const, name: `站所${i}`, parentId: townshipId, sectorIds: d.sectorIds })));

  const userRows: (typeof users.$inferInsert)[] = [];
  const userById = new Map<string, (typeof users.$inferInsert)>();
  const user = (role: (typeof users.$inferInsert)['role'], unitId: string, enterpriseId: string | null = null) => {
    const id = uuid();
    const n = userRows.length;
    const row = {
      id, districtId, username: `bench${n}`, displayName: `人员${n}`, role, unitId, enterpriseId, passwordHash: 'not-a-hash',
      enforcementCertificateNo: role === 'department' || role === 'office' ? `5001${String(n).padStart(8, '0')}` : null,
    };
    userRows.push(row);
    userById.set(id, row);
    return id;
  };
  const officeUserIds = Array.from({ length: 5 }, () => user('office', townshipId));
  for (const d of departments) d.userIds = Array.from({ length: 5 }, () => user('department', d.id));
  const villageUserIds = new Map(villageIds.map((vid) => [vid, [user('village', vid), user('village', vid)]]));

  const templates = new Map(
    (await insertSeedTemplates(db, districtId, null, now)).map((t) => [t.code, { versionId: t.versionId, items: [] as ChecklistItem[] }]),
  );
  for (const r of await db.select().from(checklistTemplateVersions)) {
    const t = [...templates.values()].find((x) => x.versionId === r.id);
    if (t) t.items = itemsOf(r.content as Parameters<typeof itemsOf>[0]);
  }
  const template = (code: string) => ({ code, ...templates.get(code)! });

  // ---- enterprises
  const ents = Array.from({ length: v.enterprises }, (_, n) => {
    let body = '91500112';
    for (let k = n, j = 0; j < 9; j++, k = Math.floor(k / 31)) body += USCC_ALPHABET.charAt(k % 31);
    const s1 = pick(sectorIds);
    const s2 = pick(sectorIds);
    return {
      id: uuid(), districtId, townshipId, villageId: pick(villageIds), name: `${pick(NAME_WORDS)}${n}号${pick(NAME_WORDS)}`,
      uscc: body + usccCheckChar(body), kind: pick(['company', 'company', 'sole_trader', 'small_venue'] as const), address: '基准镇',
      sectorIds: rand() < 0.3 && s1 !== s2 ? [s1, s2] : [s1], employeeCount: int(200), principalName: `负责人${n}`, principalPhone: '10000000000',
      riskGrade: pick(['red', 'orange', 'yellow', 'blue', 'blue', 'blue'] as const), isKey: rand() < 0.1,
    };
  });
  await insertAll(ents, (c) => db.insert(enterprises).values(c));
  const entById = new Map(ents.map((e) => [e.id, e]));
  const deptsOf = (e: (typeof ents)[number]) => departments.filter((d) => d.sectorIds.some((s) => e.sectorIds.includes(s)));
  const enterpriseTemplate = (e: (typeof ents)[number]) => template(e.kind === 'small_venue' ? 'dasheng-small-venue' : 'dasheng-small-enterprise');

  // ---- district work calendar (the year of history and this year)
  const calendar: (typeof workCalendarDays.$inferInsert)[] = [];
  for (const [first, days, name] of HOLIDAYS) for (let i = 0; i < days; i++) calendar.push({ districtId, day: addDays(first, i), kind: 'holiday', name });
  for (const day of EXTRA_WORKDAYS) calendar.push({ districtId, day, kind: 'workday', name: '调休上班' });
  await db.insert(workCalendarDays).values(calendar);
  const holidays = new Set(calendar.filter((c) => c.kind === 'holiday').map((c) => c.day));
  const workday = (day: string) => !holidays.has(day) && (weekday(day) <= 5 || EXTRA_WORKDAYS.includes(day));

  // ---- inspections: rows, inspectors and record numbers
  const inspectionRows: InspectionInsert[] = [];
  const inspectorRows: (typeof inspectionInspectors.$inferInsert)[] = [];
  const seqByYear = new Map<number, number>();
  const addInspection = (o: {
    e: (typeof ents)[number]; type: InspectionType; day: string; unitId: string; inspectorIds: string[]; templateCode: string;
    periodKey?: string; planEntryId?: string | null; draft?: boolean;
  }) => {
    const y = Number(o.day.slice(0, 4));
    const seq = (seqByYear.get(y) ?? 0) + 1;
    seqByYear.set(y, seq);
    const t = template(o.templateCode);
    const self = o.type.startsWith('self_');
    const failed = o.draft ? 0 : rand() < (self ? 0.05 : 0.3) ? 1 + int(4) : 0;
    const created = at(o.day);
    const row: InspectionInsert = {
      id: uuid(), districtId, townshipId, villageId: o.e.villageId, enterpriseId: o.e.id, number: formatRecordNumber('JZ', 'inspection', y, seq),
      type: o.type, methodTags: o.type === 'enforcement' && rand() < 0.2 ? ['four_no_two_direct'] : [], inspectedOn: o.day, unitId: o.unitId,
      templateVersionId: t.versionId, templateCode: t.code, templateVersion: 1, periodKey: o.periodKey ?? null, planEntryId: o.planEntryId ?? null,
      status: o.draft ? 'draft' : 'completed', failedCount: failed, summary: failed ? `发现问题${failed}项` : '未发现问题',
      completedAt: o.draft ? null : created, completedBy: o.draft ? null : o.inspectorIds[0]!, createdBy: o.inspectorIds[0]!, createdAt: created, updatedAt: created,
      representativeName: o.draft || self ? null : o.e.principalName, representativeSignedAt: o.draft || self ? null : created,
    };
    inspectionRows.push(row);
    o.inspectorIds.forEach((userId, i) => {
      const u = userById.get(userId)!;
      inspectorRows.push({
        districtId, inspectionId: row.id!, userId, name: u.displayName, certificateNo: u.enforcementCertificateNo ?? null, sortOrder: i,
        signedAt: o.draft ? null : created,
      });
    });
    return row;
  };
  const authority = (e: (typeof ents)[number], day: string, unit?: { id: string; userIds: string[]; kind: 'department' | 'office' }, planEntryId?: string | null) => {
    const depts = deptsOf(e);
    const r = rand();
    const u =
      unit ??
      (r < 0.5 && depts.length
        ? { ...pick(depts), kind: 'department' as const }
        : r < 0.8
          ? { id: e.villageId, userIds: villageUserIds.get(e.villageId)!, kind: 'village' as const }
          : { id: townshipId, userIds: officeUserIds, kind: 'office' as const });
    const type: InspectionType = u.kind === 'village' ? 'assistance' : pick(['enforcement', 'supervision', 'spot_check', 'enforcement'] as const);
    const two = [...u.userIds].sort(() => rand() - 0.5).slice(0, 2);
    return addInspection({
      e, type, day, unitId: u.id, inspectorIds: two, templateCode: type === 'spot_check' ? 'chongming-spot-check' : enterpriseTemplate(e).code,
      planEntryId, draft: day > addDays(today, -7) && rand() < 0.3,
    });
  };

  // ---- this year's plans: each department (its sectors) and the office (the whole township)
  const planRows = [
    ...departments.map((d, i) => ({ id: uuid(), unitId: d.id, userIds: d.userIds, kind: 'department' as const, name: `站所${i}${year}年度监督检查计划` })),
    { id: uuid(), unitId: townshipId, userIds: officeUserIds, kind: 'office' as const, name: `基准镇${year}年度监督检查计划` },
  ];
  await db.insert(inspectionPlans).values(
    planRows.map((p) => ({ id: p.id, districtId, townshipId, unitId: p.unitId, year, name: p.name, createdBy: p.userIds[0]!, createdAt: now, updatedAt: now })),
  );
  const entryRows: (typeof inspectionPlanEntries.$inferInsert)[] = [];
  const thisMonth = Number(today.slice(5, 7));
  for (const p of planRows) {
    const dept = departments.find((d) => d.id === p.unitId);
    const candidates = dept ? ents.filter((e) => e.sectorIds.some((s) => dept.sectorIds.includes(s))) : ents;
    for (const e of candidates) {
      if (rand() > (dept ? 0.4 : 0.3)) continue;
      const months = new Set([1 + int(12), ...(rand() < 0.3 ? [1 + int(12)] : [])]);
      for (const month of months) {
        const entry = { id: uuid(), districtId, planId: p.id, enterpriseId: e.id, month, isKey: e.isKey };
        entryRows.push(entry);
        // Past months are mostly covered: by an inspection linked to the entry or one of the plan's unit that month.
        if (month < thisMonth && rand() < 0.7) {
          const day = `${year}-${String(month).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
          authority(e, day, { id: p.unitId, userIds: p.userIds, kind: p.kind }, rand() < 0.5 ? entry.id : null);
        }
      }
    }
  }
  await insertAll(entryRows, (c) => db.insert(inspectionPlanEntries).values(c));
  counts['plan entries'] = entryRows.length;

  // ---- the rest of the authority inspections, over the last two years
  while (inspectionRows.length < v.authorityInspections) authority(pick(ents), addDays(today, -int(730)));
  const authorityRows = inspectionRows.slice();

  // ---- 日周月 schedules and a year of self-inspections; each enterprise keeps up to its own degree
  const scheduleRows: (typeof selfInspectionSchedules.$inferInsert)[] = [];
  const historyFrom = addDays(today, -365);
  const yesterday = addDays(today, -1);
  const days: { day: string; workday: boolean; monday: boolean; first: boolean; weekStart: string }[] = [];
  for (let day = addDays(historyFrom, -1); day <= yesterday; day = addDays(day, 1)) {
    days.push({ day, workday: workday(day), monday: weekday(day) === 1, first: day.endsWith('-01'), weekStart: isoWeekStart(day) });
  }
  let scheduled: SeededTownship['scheduled'] | null = null;
  for (const e of [...ents].sort(() => rand() - 0.5).slice(0, v.schedules)) {
    const userId = user('enterprise', e.villageId, e.id);
    const code = enterpriseTemplate(e).code;
    const daily = rand() < 0.15;
    if (!scheduled && daily) scheduled = { enterpriseId: e.id, userId };
    const s = {
      enterpriseId: e.id, districtId, townshipId, villageId: e.villageId, dailyTemplateCode: daily ? code : null,
      weeklyTemplateCode: rand() < 0.7 ? code : null, monthlyTemplateCode: code, weeklyDueWeekday: 5, monthlyDueDay: 25,
      startsOn: rand() < 0.8 ? historyFrom : addDays(today, -int(300)), createdAt: now, updatedAt: now,
    };
    scheduleRows.push(s);
    const diligence = 0.4 + rand() * 0.6;
    const self = (type: InspectionType, day: string, periodKey: string) =>
      addInspection({ e, type, day, unitId: e.villageId, inspectorIds: [userId], templateCode: code, periodKey });
    for (const { day, workday: works, monday, first, weekStart } of days) {
      if (day < s.startsOn) continue;
      if (s.dailyTemplateCode && works && rand() < diligence) self('self_daily', day, day);
      if (s.weeklyTemplateCode && monday && rand() < diligence) {
        const d = addDays(weekStart, int(5));
        if (d <= yesterday && d >= s.startsOn) self('self_weekly', d, isoWeekKey(d));
      }
      if (first && rand() < diligence) {
        const d = `${day.slice(0, 8)}${String(15 + int(13)).padStart(2, '0')}`;
        if (d <= yesterday) self('self_monthly', d, d.slice(0, 7));
      }
    }
  }
  await insertAll(userRows, (c) => db.insert(users).values(c));
  await insertAll(scheduleRows, (c) => db.insert(selfInspectionSchedules).values(c));
  await insertAll(inspectionRows, (c) => db.insert(inspections).values(c), 500);
  await insertAll(inspectorRows, (c) => db.insert(inspectionInspectors).values(c));
  counts['authority inspections'] = authorityRows.length;
  counts['self-inspections'] = inspectionRows.length - authorityRows.length;
  counts.schedules = scheduleRows.length;

  // ---- answers for a fraction of the completed authority inspections; hazards from the failed ones
  const completed = authorityRows.filter((r) => r.status === 'completed');
  const selfDone = inspectionRows.slice(authorityRows.length).filter((r) => r.status === 'completed');
  const answered = [...completed, ...selfDone].filter((r) => rand() < 0.05 || (r.enterpriseId === scheduled!.enterpriseId && r.type === 'self_daily'));
  const answerRows: (typeof inspectionAnswers.$inferInsert)[] = [];
  const hazardRows: (typeof hazards.$inferInsert)[] = [];
  const answeredIds = new Set(answered.map((r) => r.id));
  let hazardSeq = 0;
  const hazardOf = (r: InspectionInsert, itemKey: string | null) => {
    const e = entById.get(r.enterpriseId)!;
    const id = uuid();
    const closed = r.inspectedOn < addDays(today, -60) || rand() < 0.5;
    hazardRows.push({
      id, districtId, townshipId, villageId: r.villageId, enterpriseId: r.enterpriseId, number: `JZ-${r.inspectedOn.slice(0, 4)}-${String(++hazardSeq).padStart(6, '0')}`,
      source: r.type.startsWith('self_') ? 'self_inspection' : r.unitId === r.villageId ? 'village' : 'department', foundAt: r.completedAt!, foundByUserId: r.createdBy, foundByUnitId: r.unitId,
      description: '消防通道堵塞', location: '厂区', sectorId: e.sectorIds[0]!, level: rand() < 0.05 ? 'major' : 'general', status: closed ? 'closed' : 'rectifying',
      responsibleUnitId: r.unitId, dueDate: addDays(r.inspectedOn, 15), inspectionId: r.id, inspectionItemKey: itemKey, createdBy: r.createdBy,
      createdAt: r.completedAt!, updatedAt: r.completedAt!,
    });
    return id;
  };
  for (const r of answered) {
    const items = templates.get(r.templateCode)!.items;
    const failedKeys = new Set(items.filter((i) => i.responseType === 'conformity').slice(0, r.failedCount!).map((i) => i.key));
    for (const item of items) {
      const fails = failedKeys.has(item.key);
      answerRows.push({
        districtId, inspectionId: r.id!, itemKey: item.key, updatedBy: r.createdBy, updatedAt: r.completedAt!,
        result: item.responseType === 'conformity' ? (fails ? 'nonconform' : pick(['conform', 'conform', 'conform', 'not_applicable'] as const)) : null,
        number: item.responseType === 'number' ? int(100) : null,
        text: item.responseType === 'text' ? '已落实' : null,
        comment: fails ? '现场发现问题，已责令整改' : null,
        hazardId: fails ? hazardOf(r, item.key) : null,
      });
    }
  }
  for (const r of completed) if (r.failedCount! > 0 && !answeredIds.has(r.id)) hazardOf(r, null);
  await insertAll(answerRows, (c) => db.insert(inspectionAnswers).values(c));
  await insertAll(hazardRows, (c) => db.insert(hazards).values(c), 500);
  counts['answered inspections'] = answered.length;
  counts.answers = answerRows.length;
  counts.hazards = hazardRows.length;

  // ---- enforcement cases, most opened from a failed inspection, with their measures
  const failed = completed.filter((r) => r.failedCount! > 0 && r.unitId !== r.villageId);
  const caseRows: (typeof enforcementCases.$inferInsert)[] = [];
  const measureRows: (typeof enforcementMeasures.$inferInsert)[] = [];
  const caseSeq = new Map<number, number>();
  for (let i = 0; i < v.cases; i++) {
    const from = rand() < 0.6 ? pick(failed) : null;
    const e = from ? entById.get(from.enterpriseId)! : pick(ents);
    const depts = deptsOf(e);
    const unitId = from?.unitId ?? (depts.length && rand() < 0.8 ? pick(depts).id : townshipId);
    const filedOn = from ? addDays(from.inspectedOn, int(10)) : addDays(today, -int(730));
    const y = Number(filedOn.slice(0, 4));
    const seq = (caseSeq.get(y) ?? 0) + 1;
    caseSeq.set(y, seq);
    const status: CaseStatus = filedOn > addDays(today, -30) ? pick(['filed', 'investigating', 'decided'] as const) : pick(['decided', 'executing', 'closed', 'closed', 'closed'] as const);
    const decided = status === 'decided' || status === 'executing' || status === 'closed';
    const decidedOn = decided ? addDays(filedOn, 10 + int(20)) : null;
    const id = uuid();
    const createdBy = from?.createdBy ?? officeUserIds[0]!;
    let fineE = 0;
    let fineP = 0;
    if (decidedOn) {
      const kinds: MeasureKind[] = [
        ...(rand() < 0.85 ? (['penalty'] as const) : []), ...(rand() < 0.2 ? (['suspension'] as const) : []), ...(rand() < 0.1 ? (['work_stop'] as const) : []),
        ...(rand() < 0.03 ? (['judicial_referral'] as const) : []), ...(rand() < 0.05 ? (['closure_request'] as const) : []),
      ];
      for (const kind of kinds) {
        const fE = kind === 'penalty' ? (5_000 + int(195_000)) * 100 : null;
        const fP = kind === 'penalty' && rand() < 0.3 ? (2_000 + int(20_000)) * 100 : null;
        fineE += fE ?? 0;
        fineP += fP ?? 0;
        measureRows.push({
          districtId, caseId: id, kind, fineOnEnterpriseFen: fE, fineOnPrincipalFen: fP, personCount: kind === 'judicial_referral' ? 1 + int(2) : null,
          decidedOn, executedOn: status === 'closed' ? addDays(decidedOn, 20) : null, createdBy, createdAt: at(decidedOn),
        });
      }
    }
    const published = status === 'closed' && rand() < 0.1;
    caseRows.push({
      id, districtId, townshipId, villageId: e.villageId, enterpriseId: e.id, number: formatRecordNumber('JZ', 'case', y, seq),
      documentNo: decided ? `渝北应急罚〔${y}〕${seq}号` : null, unitId, inspectionId: from?.id ?? null, title: `${e.name}安全生产违法行为`, status, filedOn,
      decidedOn, closedOn: status === 'closed' ? addDays(decidedOn!, 30) : null, fineOnEnterpriseFen: fineE, fineOnPrincipalFen: fineP,
      published, publishedAt: published ? at(addDays(decidedOn!, 40)) : null, dangerousOperationCrime: published && rand() < 0.2, createdBy,
      createdAt: at(filedOn), updatedAt: at(filedOn),
    });
  }
  await insertAll(caseRows, (c) => db.insert(enforcementCases).values(c), 500);
  await insertAll(measureRows, (c) => db.insert(enforcementMeasures).values(c));
  counts.cases = caseRows.length;
  counts.measures = measureRows.length;

  const selfSample = selfDone.find((r) => r.enterpriseId === scheduled!.enterpriseId && r.type === 'self_daily')!;
  const byItems = (a: InspectionInsert, b: InspectionInsert) => templates.get(b.templateCode)!.items.length - templates.get(a.templateCode)!.items.length;
  const richest = answered.filter((r) => !r.type.startsWith('self_') && r.failedCount! > 0).sort(byItems)[0]!;
  return {
    districtId, townshipId, villageIds, departments, officeUserId: officeUserIds[0]!, villageUserId: villageUserIds.get(villageIds[0]!)![0]!,
    scheduled: scheduled!, sampleInspectionId: richest.id!, sampleSelfInspectionId: selfSample.id!,
    officePlanId: planRows.at(-1)!.id, departmentPlanId: planRows[0]!.id, counts,
  };
}
