// The demo's 应急演练 / 安全培训 (decision 019): a year of drills and training of 大盛镇's enterprises,
// recorded by the enterprise's own account where it has one (else by its village), some verified by
// the village or the office, a few voided; most enterprises keep up, some missed a window or did
// nothing this year, so the list of who is behind shows every state. The district's requirement is
// a row of its own (training of high-risk enterprises twice a year, not the default once). The
// authorities' 执法人员培训 per unit: each department twice, most villages and the township once.
// Deterministic: its own seeded stream, dates relative to the demo's day.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import {
  type ActivityKind, DRILL_KINDS, type Requirement, TRAINING_KINDS, categoryOf, timesPerYear, windowsOf,
} from '../../domain/drills/drill-requirement.ts';
import type { Tx } from '../../server/db/client.ts';
import { drillRequirements, enterprises, orgUnits, safetyActivities, users } from '../../server/db/schema/index.ts';
import { personName } from './demo-names.ts';
import { Rand, mulberry32 } from './prng.ts';

export const DRILLS_SEED = 0x5eed_0019;
/** The demo district's requirement: high-risk enterprises train twice a year too. */
export const DEMO_DRILL_REQUIREMENT: Requirement = { drill: { normal: 1, highRisk: 2 }, training: { normal: 1, highRisk: 2 } };
/** How far back records go (a year and a little, so last year's closing windows have theirs). */
const HISTORY_DAYS = 400;

/** How an enterprise keeps up with one category: every window, one earlier window missed, nothing this year, nothing at all. */
type Habit = 'diligent' | 'late' | 'lapsed' | 'none';
const HABITS: readonly (readonly [Habit, number])[] = [['diligent', 74], ['late', 12], ['lapsed', 8], ['none', 6]];
/** The chance that a window still open today already has its record, once the window is over (less before: most drill in time, not at once). */
const OPEN_DONE: Record<Habit, number> = { diligent: 0.95, late: 0.5, lapsed: 0, none: 0 };
/** How far through its window today is, 0 to 1. */
const progress = (w: { start: string; end: string }, today: string) => (Date.parse(today) - Date.parse(w.start)) / (Date.parse(w.end) - Date.parse(w.start));

const CONTENT: Record<Exclude<ActivityKind, 'enforcement_staff_training'>, readonly string[]> = {
  comprehensive_drill: ['火灾事故综合应急演练：报警、初期火灾扑救、人员疏散和清点', '生产安全事故综合应急演练：预案启动、抢险救援、医疗救护和善后'],
  special_drill: ['消防疏散专项演练，全体员工按疏散路线撤离到集合点', '液化气泄漏专项演练：关阀、通风、警戒和报告', '有限空间作业事故专项演练：通风检测、监护和救援', '触电事故专项演练：断电、急救和送医'],
  tabletop_drill: ['事故应急救援预案桌面推演，逐岗位明确报告和处置职责', '防汛和地质灾害应急桌面推演'],
  all_staff_training: ['全员安全生产教育培训：岗位操作规程、隐患自查和应急处置', '新员工三级安全教育和消防“四个能力”培训'],
  topical_training: ['重大事故隐患判定标准专题培训', '燃气使用安全专题培训', '用电安全和电气火灾防范专题培训'],
  special_operations_training: ['电焊、气割作业人员特种作业安全培训', '叉车司机和电工特种作业复训'],
};
const STAFF_CONTENT = [
  '安全生产法和行政执法程序培训', '重大事故隐患判定标准和执法检查要点培训', '执法文书制作和案卷评查培训', '“四不两直”明查暗访方法培训', '燃气和消防安全执法检查实务培训',
];

/** Villages whose demo accounts (mingyue, qianzhan) should find their staff's training. */
const STAFF_VILLAGES = new Set(['明月村', '千盏村']);

type Row = typeof safetyActivities.$inferInsert;
type Account = { id: string; unitId: string };

const at = (day: string, hour: number) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000);

export async function seedDemoDrills(tx: Tx, o: {
  districtId: string; townshipId: string; today: string; now: Date; adminId: string;
  office: Account; filerOf: (unitId: string) => { id: string } | undefined;
}) {
  const rand = new Rand(mulberry32(DRILLS_SEED));
  const yesterday = addDays(o.today, -1);
  const earliest = addDays(o.today, -HISTORY_DAYS);
  const created = (day: string) => {
    const t = at(addDays(day, 1), 9 + rand.int(0, 8));
    return t > o.now ? new Date(o.now.getTime() - 3600_000) : t;
  };
  await tx.insert(drillRequirements).values({
    districtId: o.districtId, drillNormal: DEMO_DRILL_REQUIREMENT.drill.normal, drillHighRisk: DEMO_DRILL_REQUIREMENT.drill.highRisk,
    trainingNormal: DEMO_DRILL_REQUIREMENT.training.normal, trainingHighRisk: DEMO_DRILL_REQUIREMENT.training.highRisk,
    updatedBy: o.adminId, createdAt: at(earliest, 10), updatedAt: at(earliest, 10),
  });

  const ents = await tx.select({ id: enterprises.id, villageId: enterprises.villageId, isHighRisk: enterprises.isHighRisk, employees: enterprises.employeeCount })
    .from(enterprises).where(and(eq(enterprises.townshipId, o.townshipId), ne(enterprises.status, 'closed'))).orderBy(enterprises.name, enterprises.id);
  const accounts = await tx.select({ id: users.id, unitId: users.unitId, enterpriseId: users.enterpriseId, username: users.username }).from(users)
    .where(and(eq(users.districtId, o.districtId), eq(users.role, 'enterprise')));
  const accountOf = new Map(accounts.filter((a) => a.enterpriseId).map((a) => [a.enterpriseId!, a]));
  const qiye = accounts.find((a) => a.username === 'qiye')?.enterpriseId;

  const rows: Row[] = [];
  const years = [Number(o.today.slice(0, 4)) - 1, Number(o.today.slice(0, 4))];
  for (const e of ents) {
    const own = accountOf.get(e.id);
    const village = o.filerOf(e.villageId);
    for (const category of ['drill', 'training'] as const) {
      // qiye's enterprise (the e2e's and a visitor's account) keeps up but owes this window's drill: recording one makes it met.
      const habit: Habit = e.id === qiye ? 'diligent' : rand.weighted(HABITS);
      const n = timesPerYear(DEMO_DRILL_REQUIREMENT, category, e.isHighRisk);
      const thisYear = windowsOf(years[1]!, n).filter((w) => w.start <= yesterday);
      const firstClosedThisYear = thisYear.find((w) => w.end < o.today);
      for (const w of [...windowsOf(years[0]!, n), ...thisYear]) {
        const from = w.start > earliest ? w.start : earliest;
        const to = w.end < yesterday ? w.end : yesterday;
        if (from > to) continue;
        const open = w.end >= o.today;
        const inThisYear = w.start.startsWith(String(years[1]));
        const held = e.id === qiye ? !(open && category === 'drill')
          : habit === 'none' ? false
            : habit === 'lapsed' ? !inThisYear
              : open ? rand.chance(OPEN_DONE[habit] * (0.3 + 0.7 * progress(w, o.today)))
                : !(habit === 'late' && w === firstClosedThisYear);
        if (!held) continue;
        const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        const day = addDays(from, rand.int(0, Math.max(0, Math.floor(span))));
        const kind = rand.pick(category === 'drill' ? DRILL_KINDS : TRAINING_KINDS);
        const recorder = own ?? village;
        if (!recorder) continue;
        const createdAt = created(day);
        const row: Row = {
          id: randomUUID(), districtId: o.districtId, townshipId: o.townshipId, enterpriseId: e.id, unitId: null, category, kind, heldOn: day,
          participants: Math.max(3, Math.min(200, (e.employees ?? 8) - rand.int(0, 2))), content: rand.pick(CONTENT[kind]),
          createdBy: recorder.id, createdByUnitId: own ? own.unitId : e.villageId, byEnterprise: !!own, createdAt, updatedAt: createdAt,
        };
        // the village verifies half of what enterprises record; the office a third of the villages'
        const verifier = own ? (rand.chance(0.5) ? village : undefined) : (rand.chance(0.3) ? { id: o.office.id, unitId: o.office.unitId } : undefined);
        const verifiedAt = new Date(createdAt.getTime() + rand.int(1, 5) * 86_400_000);
        if (verifier && verifiedAt < o.now) {
          Object.assign(row, { verifiedAt, verifiedBy: verifier.id, verifiedByUnitId: own ? e.villageId : o.office.unitId, updatedAt: verifiedAt, version: 2 });
        }
        rows.push(row);
      }
    }
  }
  // a few entered twice by mistake: the second one voided by whoever recorded it
  for (const r of rows.filter((x) => !x.verifiedAt).slice(0, 3)) {
    const voidedAt = new Date((r.createdAt as Date).getTime() + 3600_000);
    rows.push({ ...r, id: randomUUID(), voidedAt: voidedAt < o.now ? voidedAt : r.createdAt, voidedBy: r.createdBy, voidReason: '重复登记', version: 2 });
  }

  // 执法人员培训: each department twice a year, most villages and the township once
  const units = await tx.select({ id: orgUnits.id, kind: orgUnits.kind, name: orgUnits.name }).from(orgUnits)
    .where(and(inArray(orgUnits.kind, ['department', 'village']), eq(orgUnits.parentId, o.townshipId))).orderBy(orgUnits.sortOrder, orgUnits.id);
  const staff: Row[] = [];
  for (const u of [{ id: o.townshipId, kind: 'township' as const, name: '' }, ...units]) {
    // the named demo villages (mingyue, qianzhan) always have one to open
    const times = u.kind === 'department' ? 2 : u.kind === 'township' || STAFF_VILLAGES.has(u.name) || rand.chance(0.6) ? 1 : 0;
    for (let i = 0; i < times; i++) {
      const day = addDays(o.today, -rand.int(10, 340));
      const ownFiler = u.kind === 'township' ? undefined : o.filerOf(u.id);
      const byOffice = !ownFiler || rand.chance(0.5);
      const createdAt = created(day);
      staff.push({
        id: randomUUID(), districtId: o.districtId, townshipId: o.townshipId, enterpriseId: null, unitId: u.id, category: categoryOf('enforcement_staff_training'),
        kind: 'enforcement_staff_training', heldOn: day, participants: rand.int(3, 12),
        content: `${rand.pick(STAFF_CONTENT)}，授课人：${personName(rand)}（区应急管理局）`,
        createdBy: byOffice ? o.office.id : ownFiler!.id, createdByUnitId: byOffice ? o.office.unitId : u.id, byEnterprise: false, createdAt, updatedAt: createdAt,
      });
    }
  }
  const all = [...rows, ...staff];
  for (let i = 0; i < all.length; i += 300) await tx.insert(safetyActivities).values(all.slice(i, i + 300));
  return { records: rows.length, staffTrainings: staff.length };
}
