// The demo region's hazard ledger: about 145 hazards over the demo enterprises, in every state
// of the closed loop (domain.md), each with the timeline, plans, extensions, transfers,
// listings and 双报告 records a real history would have left. Found dates are relative to
// `now` (the last ~90 days), so open, overdue and closed hazards look right whenever the demo
// is loaded. The hazards that the demo's inspections found (findings, up to ~4 months back) are
// numbered and played with them. Pure: rows come back, the caller inserts them. Every state
// change goes through the state machine's transition table, so the timelines cannot contradict
// the product.
import { createHash, randomUUID } from 'node:crypto';
import { shanghaiDay, shanghaiDayStart } from '../../domain/common/dates.ts';
import {
  HAZARD_TRANSITIONS, formatHazardNumber, type HazardAction, type HazardLevel, type HazardSource, type HazardStatus,
} from '../../domain/hazards/hazard-machine.ts';
import type { Role } from '../../domain/access/roles.ts';
import type {
  hazardExtensions, hazardListings, hazardPlans, hazardReports, hazardTransfers, hazards, recordCounters, recordEvents,
} from '../../server/db/schema/index.ts';
import { canonicalJson } from '../../server/modules/audit/audit.chain.ts';
import { demoCriterion } from './demo-criteria.ts';
import type { DemoEnterprise } from './demo-enterprises.ts';
import { HAZARD_ITEMS, MAJOR_HAZARD_ITEMS, type HazardItem, type MajorHazardItem } from './demo-hazard-items.ts';
import { DEMO_TOWNSHIP, type DemoSector } from './demo-region.ts';
import type { Rand } from './prng.ts';

type HazardRow = typeof hazards.$inferInsert;
type PlanRow = typeof hazardPlans.$inferInsert;
type ExtensionRow = typeof hazardExtensions.$inferInsert;
type ListingRow = typeof hazardListings.$inferInsert;
type TransferRow = typeof hazardTransfers.$inferInsert;
type ReportRow = typeof hazardReports.$inferInsert;
type EventRow = typeof recordEvents.$inferInsert;
type CounterRow = typeof recordCounters.$inferInsert;

/** The hazard number prefix of the demo district (org_units.code). */
export const DEMO_HAZARD_PREFIX = 'YB';

export interface DemoActor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
}

export interface HazardSeedInput {
  rand: Rand;
  now: Date;
  districtId: string;
  townshipId: string;
  enterprises: readonly { id: string; villageId: string; demo: DemoEnterprise }[];
  sectorId: (name: DemoSector) => string;
  departments: readonly { id: string; name: string; sectors: readonly DemoSector[] }[];
  /** The demo logins (one per DEMO_ACCOUNTS entry). */
  accounts: readonly DemoActor[];
  /** The enterprise the `qiye` login belongs to. */
  accountEnterpriseId: string;
  townshipLeaders: { secretary: string; mayor: string };
  /** A fresh generated person name (district and city leaders of listed hazards). */
  personName: () => string;
  /** Hazards found in inspections (demo-inspections.ts, demo-schedules.ts): numbered and played with the rest. */
  findings?: readonly DemoFinding[];
  /** Enterprise accounts besides `qiye` (they record their own plans and rectifications). */
  enterpriseAccounts?: ReadonlyMap<string, DemoActor>;
}

/** The stories a hazard found in an inspection can have. */
export type FindingStory = 'reported' | 'rectifying' | 'overdue' | 'awaiting' | 'closed';

/** A 不符合 answer of a completed inspection: the hazard created from it at completion. */
export interface DemoFinding {
  hazardId: string;
  inspectionId: string;
  itemKey: string;
  enterpriseId: string;
  item: HazardItem | MajorHazardItem;
  major: boolean;
  story: FindingStory;
  source: HazardSource;
  /** The inspection's completion. */
  foundAt: Date;
  foundBy: DemoActor;
  foundByUnitId: string;
  responsibleUnitId: string;
  /** The report event's note, as the inspections service writes it (which inspection, which item). */
  note: string;
}

export interface DemoHazards {
  hazards: HazardRow[];
  plans: PlanRow[];
  extensions: ExtensionRow[];
  listings: ListingRow[];
  transfers: TransferRow[];
  reports: ReportRow[];
  events: EventRow[];
  counters: CounterRow[];
}

/**
 * What a close-out signs, as the hazards service computes it at verify_pass: the record as it is
 * closed (content, latest plan, evidence file hashes — none in the demo —, signer and time).
 */
export function demoSignatureHash(h: {
  id: string; number: string; enterpriseId: string; description: string; level: string; location: string;
  rectificationNote: string | null; plan: PlanRow | null; signerId: string; signerName: string; signedAt: Date;
}): string {
  const signed = {
    hazardId: h.id, number: h.number, enterpriseId: h.enterpriseId, description: h.description, level: h.level,
    location: h.location, rectificationNote: h.rectificationNote, plan: h.plan, files: [],
    signerId: h.signerId, signerName: h.signerName, signedAt: h.signedAt.toISOString(), status: 'closed',
  };
  return createHash('sha256').update(canonicalJson(signed)).digest('hex');
}

// ---- what happens to each hazard

type Story =
  | 'reported' // general: not yet planned; major: plan on record, awaiting acceptance
  | 'rectifying' // due date ahead
  | 'overdue' // rectifying, due date passed
  | 'awaiting' // rectification reported, awaiting verification
  | 'awaiting_spot' // fixed on the spot, awaiting verification
  | 'closed'
  | 'closed_spot'
  | 'reopened' // closed, then reopened by 回头看: rectifying again
  | 'voided';

interface Spec {
  story: Story;
  major?: boolean;
  transfer?: 'accepted' | 'pending' | 'returned';
  extension?: 'approved' | 'rejected' | 'pending';
  verifyFail?: boolean;
  recheckPass?: boolean;
  listing?: 'township' | 'district' | 'city';
  rectificationReports?: boolean;
  /** A general hazard reported with a deadline and no plan yet. */
  dueAtReport?: 'past' | 'future';
  /** 企业自查 by the demo enterprise account. */
  self?: boolean;
}

const times = (n: number, s: Spec): Spec[] => Array.from({ length: n }, () => ({ ...s }));

const GENERAL_SPECS: readonly Spec[] = [
  ...times(26, { story: 'closed_spot' }),
  ...times(6, { story: 'closed_spot', recheckPass: true }),
  ...times(21, { story: 'closed' }),
  ...times(4, { story: 'closed', verifyFail: true }),
  ...times(3, { story: 'closed', extension: 'approved' }),
  { story: 'closed', extension: 'rejected' },
  ...times(4, { story: 'closed', recheckPass: true }),
  ...times(2, { story: 'closed', transfer: 'accepted' }),
  { story: 'closed', transfer: 'returned' },
  ...times(7, { story: 'reported' }),
  ...times(2, { story: 'reported', dueAtReport: 'past' }),
  ...times(2, { story: 'reported', dueAtReport: 'future' }),
  { story: 'reported', transfer: 'pending' },
  ...times(12, { story: 'rectifying' }),
  { story: 'rectifying', extension: 'pending' },
  { story: 'rectifying', extension: 'approved' },
  { story: 'rectifying', verifyFail: true },
  { story: 'rectifying', transfer: 'accepted' },
  ...times(10, { story: 'overdue' }),
  { story: 'overdue', extension: 'rejected' },
  { story: 'overdue', extension: 'approved' },
  ...times(7, { story: 'awaiting' }),
  { story: 'awaiting', transfer: 'accepted' },
  { story: 'awaiting', transfer: 'returned' },
  ...times(3, { story: 'awaiting_spot' }),
  ...times(4, { story: 'reopened' }),
  ...times(5, { story: 'voided' }),
];

const MAJOR_SPECS: readonly Spec[] = (
  [
    { story: 'reported' },
    { story: 'reported' },
    { story: 'rectifying', listing: 'township' },
    { story: 'rectifying', listing: 'township', extension: 'approved' },
    { story: 'rectifying', listing: 'district' },
    { story: 'rectifying' },
    { story: 'overdue' },
    { story: 'awaiting', listing: 'district' },
    { story: 'awaiting' },
    { story: 'closed', listing: 'township', rectificationReports: true },
    { story: 'closed', listing: 'city', rectificationReports: true },
    { story: 'closed', rectificationReports: true },
    { story: 'closed', rectificationReports: true },
    { story: 'closed' },
    { story: 'closed', recheckPass: true },
    { story: 'reopened' },
  ] satisfies Spec[]
).map((s) => ({ ...s, major: true }));

/** The demo enterprise account's own 自查 hazards: one in each of these stories. */
const SELF_STORIES: readonly Story[] = ['closed_spot', 'closed', 'rectifying', 'reported', 'awaiting'];

/** Days ago a hazard of each story was found: [min, max]. */
const FOUND_DAYS_AGO: Record<Story, [number, number]> = {
  reported: [1, 4],
  rectifying: [3, 30],
  overdue: [32, 85],
  awaiting: [6, 45],
  awaiting_spot: [1, 6],
  closed: [4, 88],
  closed_spot: [1, 89],
  reopened: [45, 88],
  voided: [3, 60],
};

/** Which department supervises a sector first (the one whose demo login sees it). */
const PRIMARY_DEPARTMENT: Record<DemoSector, string> = {
  危险化学品: '应急办', 非煤矿山: '应急办', 工贸: '应急办', 特种设备: '应急办', 消防: '应急办',
  建筑施工: '村镇建设中心', 燃气: '村镇建设中心', 河道: '村镇建设中心',
  涉农: '产业服务中心', 渔业船舶: '产业服务中心', 林区: '产业服务中心',
  交通运输: '平安法治办',
  医疗卫生: '民生服务办公室', '养老/社会福利': '民生服务办公室', 校园: '民生服务办公室',
  文化旅游: '新时代文明实践服务中心',
};
/** Other departments that share a sector and sometimes take the inspection. */
const SECOND_DEPARTMENT: Partial<Record<DemoSector, string>> = {
  工贸: '经济发展办公室经济发展岗', 危险化学品: '经济发展办公室经济发展岗', 特种设备: '经济发展办公室经济发展岗',
  消防: '基层指挥中心', 建筑施工: '经济发展办公室规划建设岗', 燃气: '经济发展办公室规划建设岗',
};

const SOURCE_WEIGHTS: readonly (readonly [HazardSource, number])[] = [
  ['village', 40], ['department', 28], ['supervision', 12], ['public', 7], ['assigned', 6],
];
const MAJOR_SOURCE_WEIGHTS: readonly (readonly [HazardSource, number])[] = [
  ['department', 6], ['supervision', 2], ['assigned', 2], ['public', 1],
];
const SOURCE_NOTES: Record<HazardSource, string> = {
  self_inspection: '企业自查发现',
  department: '部门检查发现',
  village: '村居排查发现',
  supervision: '督导检查发现',
  public: '群众举报（12345热线转办）',
  assigned: '区安委办交办',
};

const VOID_REASONS = [
  '经复核，该问题不属于安全生产隐患',
  '重复录入，与该单位已报告的隐患为同一问题',
  '该场所已停业并拆除，隐患已灭失',
  '录入时选错单位，已在正确单位下重新报告',
];
const FAIL_REASONS = ['现场复查整改不到位，请按方案继续整改', '整改措施未全部落实，需补充整改', '复查发现问题仍然存在，退回整改'];
const EXTENSION_REASONS = ['整改所需设备采购周期较长', '需停产施工，与生产计划协调后实施', '近期连续降雨，施工条件受限', '需请有资质单位设计整改方案'];
const REPORT_METHODS = ['书面报告', '书面报告并电话报告', '系统报送'];
const CONTINGENCY = '整改期间设置警示标识，配备灭火器材，发现险情立即停止作业、疏散人员并报告属地村居和监管部门。';
const MAJOR_CONTINGENCY =
  '整改期间停止相关区域作业并设置警戒区，专人值守，配备应急器材；发生险情立即撤离人员，拨打119/120并向镇应急办报告。';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => shanghaiDay(shanghaiDayStart(day, n));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

const FACTORY = /厂|公司|坊|加工|修理|回收|合作社|养殖|种植/;
const SHOPFRONT = /店|超市|商贸|酒店|宾馆|旅馆|客栈|餐|火锅|面馆|小吃|豆花|烧烤|KTV|歌城|网吧|网咖|美容|美发|足浴|诊所|卫生室|农家乐|山庄|院子/;

/** A place that fits the enterprise: no 生产车间 in a hair salon, no 营业大厅 in a brickworks. */
export function locationFor(rand: Rand, locations: readonly string[], name: string): string {
  const fits = locations.filter((l) =>
    (!/车间|厂区/.test(l) || FACTORY.test(name)) && (!/营业|收银/.test(l) || SHOPFRONT.test(name)));
  return rand.pick(fits.length > 0 ? fits : locations);
}

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(rand: Rand, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Planned {
  spec: Spec;
  enterprise: HazardSeedInput['enterprises'][number];
  item: HazardItem | MajorHazardItem;
  source: HazardSource;
  foundAt: Date;
  finding?: DemoFinding;
}

/** Builds the hazard ledger. Deterministic for a given Rand state and `now` (ids aside). */
export function generateDemoHazards(input: HazardSeedInput): DemoHazards {
  const { rand, now, districtId } = input;
  const today = shanghaiDay(now);
  const yesterday = addDays(today, -1);

  // ---- who is who
  const account = (username: string) => {
    const a = input.accounts.find((x) => x.username === username);
    if (!a) throw new Error(`demo data: no account ${username}`);
    return a;
  };
  const office = account('anweiban');
  const dudao = account('dudao');
  const qiye = account('qiye');
  const department = new Map(input.departments.map((d) => [d.name, d]));
  const deptId = (name: string) => {
    const d = department.get(name);
    if (!d) throw new Error(`demo data: unknown department ${name}`);
    return d.id;
  };
  const unitName = new Map<string, string>(input.departments.map((d) => [d.id, d.name]));
  for (const a of input.accounts) unitName.set(a.unitId, a.unitName);
  /** The demo login of a village or department, else the office (it records on their behalf). */
  const staffOf = (unitId: string): DemoActor =>
    input.accounts.find((a) => a.unitId === unitId && (a.role === 'village' || a.role === 'department')) ?? office;
  const supervisingDept = (sector: DemoSector, vary: boolean): string => {
    const second = SECOND_DEPARTMENT[sector];
    const name = vary && second && rand.chance(0.2) ? second : PRIMARY_DEPARTMENT[sector];
    const d = department.get(name);
    if (!d || !d.sectors.includes(sector)) throw new Error(`demo data: ${name} does not supervise ${sector}`);
    return d.id;
  };

  // ---- enterprises and what is found there
  const operating = input.enterprises.filter((e) => e.demo.status === 'operating');
  const fits = (e: (typeof operating)[number], item: HazardItem | MajorHazardItem) =>
    e.demo.sectors.includes(item.sector) && (!item.when || item.when.test(e.demo.name));
  const found = new Map<string, Set<string>>(); // enterprise id → descriptions already used
  const used = (e: { id: string }, d: string) => found.get(e.id)?.has(d) ?? false;
  const take = (e: { id: string }, d: string) => {
    const s = found.get(e.id) ?? new Set<string>();
    s.add(d);
    found.set(e.id, s);
  };
  const atOfficeHours = (day: string) => new Date(shanghaiDayStart(day).getTime() + rand.int(8 * 60 + 30, 16 * 60 + 30) * 60_000);
  const foundAtFor = (story: Story) => {
    const [lo, hi] = FOUND_DAYS_AGO[story];
    return atOfficeHours(addDays(today, -rand.int(lo, hi)));
  };

  const planned: Planned[] = [];

  // Majors: rotate over the major items that fit some enterprise, key enterprises first.
  const majorItems = MAJOR_HAZARD_ITEMS.filter((it) => operating.some((e) => fits(e, it)));
  const majorOrder = shuffle(rand, majorItems);
  const majorTaken = new Set<string>();
  MAJOR_SPECS.forEach((spec, i) => {
    for (let k = 0; k < majorOrder.length; k++) {
      const item = majorOrder[(i + k) % majorOrder.length]!;
      const candidates = operating.filter((e) => fits(e, item) && !majorTaken.has(e.id) && e.id !== input.accountEnterpriseId);
      if (candidates.length === 0) continue;
      const e = rand.weighted(candidates.map((c) => [c, c.demo.isKey || c.demo.isHighRisk ? 3 : 1] as const));
      majorTaken.add(e.id);
      take(e, item.description);
      planned.push({ spec, enterprise: e, item, source: rand.weighted(MAJOR_SOURCE_WEIGHTS), foundAt: foundAtFor(spec.story) });
      return;
    }
    throw new Error('demo data: no enterprise fits a major hazard');
  });

  // The demo enterprise account's own 自查.
  const general = [...GENERAL_SPECS];
  const accountEnterprise = input.enterprises.find((e) => e.id === input.accountEnterpriseId)!;
  for (const story of SELF_STORIES) {
    const i = general.findIndex((s) => s.story === story && !s.transfer && !s.extension && !s.verifyFail && !s.recheckPass && !s.dueAtReport);
    if (i < 0) throw new Error(`demo data: no plain ${story} hazard left for the enterprise account`);
    const spec = { ...general.splice(i, 1)[0]!, self: true };
    const items = HAZARD_ITEMS.filter((it) => fits(accountEnterprise, it) && (!story.endsWith('_spot') || it.spot) && !used(accountEnterprise, it.description));
    const item = rand.pick(items);
    take(accountEnterprise, item.description);
    planned.push({ spec, enterprise: accountEnterprise, item, source: 'self_inspection', foundAt: foundAtFor(story) });
  }

  // General hazards: every village first, then mostly small enterprises, 明月村 and 千盏村 (the
  // demo village logins) a little more often. Transfers go from those two villages to the
  // departments with demo logins, so the village and department accounts both see them.
  const shuffled = shuffle(rand, general);
  const villagesToCover = [...new Set(operating.map((e) => e.villageId))];
  const loginVillages = new Set(input.accounts.filter((a) => a.role === 'village').map((a) => a.unitId));
  const loginDepartments = new Set(input.accounts.filter((a) => a.role === 'department').map((a) => a.unitName));
  const count = new Map<string, number>();
  for (const spec of shuffled) {
    const spot = spec.story.endsWith('_spot');
    let pool = operating;
    if (spec.transfer) pool = operating.filter((e) => loginVillages.has(e.villageId));
    else if (villagesToCover.length > 0) {
      const v = villagesToCover.shift()!;
      pool = operating.filter((e) => e.villageId === v);
    }
    for (let attempt = 0; ; attempt++) {
      if (attempt > 200) throw new Error('demo data: no enterprise fits a hazard');
      if (attempt === 50) pool = spec.transfer ? pool : operating; // a village with nothing that fits
      const e = rand.weighted(pool.map((c) => [
        c,
        (c.demo.employeeCount < 30 ? 1 : 0.6) * (loginVillages.has(c.villageId) ? 2 : 1) / (1 + 2 * (count.get(c.id) ?? 0)),
      ] as const));
      const items = HAZARD_ITEMS.filter((it) =>
        fits(e, it) && (!spot || it.spot) && !used(e, it.description) &&
        (!spec.transfer || loginDepartments.has(PRIMARY_DEPARTMENT[it.sector])));
      if (items.length === 0) continue;
      const item = rand.pick(items);
      take(e, item.description);
      count.set(e.id, (count.get(e.id) ?? 0) + 1);
      const source: HazardSource = spec.transfer ? 'village' : rand.weighted(SOURCE_WEIGHTS);
      planned.push({ spec, enterprise: e, item, source, foundAt: foundAtFor(spec.story) });
      break;
    }
  }

  // Hazards found in inspections join the ledger as they are: their enterprise, item and story are chosen.
  const enterpriseById = new Map(input.enterprises.map((e) => [e.id, e]));
  for (const f of input.findings ?? []) {
    const enterprise = enterpriseById.get(f.enterpriseId);
    if (!enterprise) throw new Error(`demo data: finding at an unknown enterprise ${f.enterpriseId}`);
    planned.push({ spec: { story: f.story, major: f.major }, enterprise, item: f.item, source: f.source, foundAt: f.foundAt, finding: f });
  }

  // ---- numbers: per year of the found date (Asia/Shanghai), in found order
  planned.sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime());
  const lastSeq = new Map<number, number>();
  const numbered = planned.map((p) => {
    const year = Number(shanghaiDay(p.foundAt).slice(0, 4));
    const seq = (lastSeq.get(year) ?? 0) + 1;
    lastSeq.set(year, seq);
    return { ...p, number: formatHazardNumber(DEMO_HAZARD_PREFIX, year, seq) };
  });

  // ---- play each story through the state machine
  const out: DemoHazards = {
    hazards: [], plans: [], extensions: [], listings: [], transfers: [], reports: [], events: [],
    counters: [...lastSeq].map(([year, seq]) => ({ districtId, kind: 'hazard', year, lastSeq: seq })),
  };
  const documentSeq = { township: 11, district: 34, city: 6 };

  for (const p of numbered) {
    const { spec, enterprise: ent, item } = p;
    const major = spec.major === true;
    const level: HazardLevel = major ? 'major' : 'general';
    const hazardId = p.finding?.hazardId ?? randomUUID();
    const sector = item.sector;
    const spotStory = spec.story === 'closed_spot' || spec.story === 'awaiting_spot';
    const foundDay = shanghaiDay(p.foundAt);

    // Who found it, and who supervises it.
    let foundBy: DemoActor;
    let foundByUnitId: string;
    let responsibleUnitId: string;
    if (p.finding) {
      foundBy = p.finding.foundBy;
      foundByUnitId = p.finding.foundByUnitId;
      responsibleUnitId = p.finding.responsibleUnitId;
    } else switch (p.source) {
      case 'self_inspection':
        foundBy = qiye;
        foundByUnitId = qiye.unitId;
        responsibleUnitId = supervisingDept(sector, false);
        break;
      case 'village':
        foundBy = staffOf(ent.villageId);
        foundByUnitId = ent.villageId;
        responsibleUnitId = ent.villageId;
        break;
      case 'department':
        responsibleUnitId = supervisingDept(sector, !major);
        foundBy = staffOf(responsibleUnitId);
        foundByUnitId = responsibleUnitId;
        break;
      case 'supervision': {
        const groupVillage = loginVillages.has(ent.villageId); // the demo group covers 明月村 and 千盏村
        foundBy = groupVillage ? dudao : office;
        foundByUnitId = foundBy.unitId;
        responsibleUnitId = supervisingDept(sector, !major);
        break;
      }
      default: // public, assigned: the office records them
        foundBy = office;
        foundByUnitId = office.unitId;
        responsibleUnitId = supervisingDept(sector, !major);
    }

    const criterion = major ? demoCriterion((item as MajorHazardItem).criterion).text : null;
    const h: HazardRow = {
      id: hazardId, districtId, townshipId: input.townshipId, villageId: ent.villageId, enterpriseId: ent.id,
      number: p.number, source: p.source, foundAt: p.foundAt, foundByUserId: foundBy.userId, foundByUnitId,
      description: item.description, location: locationFor(rand, item.locations, ent.demo.name), sectorId: input.sectorId(sector),
      category: item.category, level, criterion, fixedOnSpot: spotStory, status: 'reported', responsibleUnitId,
      dueDate: null, transferCount: 0, reopenCount: 0, createdBy: foundBy.userId, createdAt: p.foundAt, updatedAt: p.foundAt,
      inspectionId: p.finding?.inspectionId ?? null, inspectionItemKey: p.finding?.itemKey ?? null,
    };

    // ---- the timeline
    const events: EventRow[] = [];
    const cur: { status: HazardStatus | null } = { status: null };
    let cursor = p.foundAt;
    /** The next moment, minDays..maxDays after the last step, never later than yesterday. */
    const next = (minDays: number, maxDays: number): Date => {
      const day = shanghaiDay(cursor);
      const gap = Math.min(rand.int(minDays, maxDays), Math.max(0, daysBetween(day, yesterday)));
      const at = gap === 0 ? new Date(cursor.getTime() + rand.int(5, 30) * 60_000) : atOfficeHours(addDays(day, gap));
      cursor = at;
      return at;
    };
    const event = (action: string, at: Date, actor: DemoActor | null, to: HazardStatus, note: string | null, data: Record<string, unknown> | null = null) => {
      events.push({
        id: randomUUID(), districtId, entityType: 'hazard', entityId: hazardId, at, actorId: actor?.userId ?? null, actorName: actor?.displayName ?? null,
        actorUnitName: actor?.unitName ?? null, action, fromStatus: cur.status, toStatus: to, note, data,
      });
      cur.status = to;
    };
    const move = (action: HazardAction, at: Date, actor: DemoActor | null, note: string | null, data: Record<string, unknown> | null = null) => {
      const to = cur.status === null ? undefined : HAZARD_TRANSITIONS[cur.status][action];
      if (!to) throw new Error(`demo data: ${p.number} cannot ${action} from ${cur.status}`);
      event(action, at, actor, to, note, data);
    };
    const side = (action: string, at: Date, actor: DemoActor, note: string | null, data: Record<string, unknown> | null = null) =>
      event(action, at, actor, cur.status!, note, data);

    const supervisor = () => staffOf(h.responsibleUnitId);
    // The enterprise's own account records its plans and rectifications; else the supervisor does, on its behalf.
    const rectifier = () => (ent.id === input.accountEnterpriseId ? qiye : (input.enterpriseAccounts?.get(ent.id) ?? supervisor()));
    const owner = ent.demo.safetyManagerName ?? ent.demo.principalName;
    let hasPlan = false;
    let accepted = false;

    /** Applied by the system in the same step as soon as its guards hold (as the service does). */
    const startIfReady = (at: Date, actor: DemoActor) => {
      if (cur.status === 'reported' && hasPlan && (!major || accepted)) move('start_rectification', at, actor, null);
    };
    let latestPlan: PlanRow | null = null;
    const submitPlan = (at: Date, dueDate: string) => {
      const planId = randomUUID();
      const yuan = major ? rand.int(20, 300) * 1000 : rand.int(2, 80) * 100;
      const by = rectifier();
      latestPlan = {
        id: planId, districtId, hazardId, owner,
        measures: major
          ? `1. ${item.fix}；2. 整改期间停止相关区域作业，设置警戒区；3. 整改完成后申请验收。`
          : `${item.fix}；整改期间明确专人负责，每日巡查。`,
        fundsFen: yuan * 100, dueDate, contingencyPlan: major ? MAJOR_CONTINGENCY : CONTINGENCY,
        createdBy: by.userId, createdAt: at,
      };
      out.plans.push(latestPlan);
      h.dueDate = dueDate;
      hasPlan = true;
      move('submit_plan', at, by, `责任人：${owner}；时限：${dueDate}；资金：${yuan}元`, { planId });
      startIfReady(at, by);
    };
    const dualReport = (kind: 'discovery' | 'rectification', recipient: 'department' | 'government', at: Date) => {
      const reportId = randomUUID();
      const reportedTo = recipient === 'government' ? `${DEMO_TOWNSHIP}人民政府` : `${DEMO_TOWNSHIP}${unitName.get(h.responsibleUnitId)}`;
      const method = rand.pick(REPORT_METHODS);
      const recorder = rectifier();
      out.reports.push({
        id: reportId, districtId, hazardId, kind, recipient, reportedAt: at, reportedBy: ent.demo.principalName, reportedTo,
        method, createdBy: recorder.userId, createdAt: at,
      });
      side('record_dual_report', at, recorder, `${ent.demo.principalName} → ${reportedTo}（${method}）`, { kind, recipient });
    };
    const accept = (at: Date) => {
      const by = supervisor();
      h.acceptedAt = at;
      h.acceptedBy = by.userId;
      accepted = true;
      move('accept', at, by, '同意整改方案，请严格按方案和时限整改');
      startIfReady(at, by);
    };
    const list = (at: Date, level: 'township' | 'district' | 'city') => {
      const listingId = randomUUID();
      const listedOn = shanghaiDay(at);
      const year = listedOn.slice(0, 4);
      const n = ++documentSeq[level];
      const documentNo = level === 'township' ? `大盛安委办〔${year}〕${n}号` : level === 'district' ? `渝北安委办〔${year}〕${n}号` : `渝安委办〔${year}〕${n}号`;
      const leaderName = level === 'township' ? rand.pick([input.townshipLeaders.mayor, input.townshipLeaders.secretary]) : input.personName();
      out.listings.push({ id: listingId, districtId, hazardId, level, leaderName, listedOn, documentNo, createdBy: office.userId, createdAt: at });
      h.listingLevel = level;
      side('list', at, office, `${documentNo}，督办领导：${leaderName}`, { level });
    };
    const transfer = (at: Date, outcome: 'accepted' | 'pending' | 'returned') => {
      const transferId = randomUUID();
      const from = h.responsibleUnitId!;
      const toName = PRIMARY_DEPARTMENT[sector];
      const to = deptId(toName);
      const by = staffOf(from);
      const reason = rand.pick([
        `超出村级督促整改能力，需${toName}依法处理`,
        `企业拒不整改，移送${toName}处理`,
        `涉及行业专业问题，移送${toName}督促整改`,
      ]);
      const row: TransferRow = {
        id: transferId, districtId, hazardId, fromUnitId: from, toUnitId: to, reason, status: 'pending', requestedBy: by.userId, requestedAt: at,
      };
      out.transfers.push(row);
      side('transfer', at, by, `移送${toName}：${reason}`, { transferId, toUnitId: to });
      if (outcome === 'pending') {
        h.pendingTransferId = transferId;
        return;
      }
      const decidedAt = next(0, 2);
      const decider = staffOf(to);
      row.status = outcome;
      row.decidedBy = decider.userId;
      row.decidedAt = decidedAt;
      row.decisionReason = outcome === 'accepted' ? null : '属一般隐患，由属地村居继续督促整改';
      side(outcome === 'accepted' ? 'accept_transfer' : 'return_transfer', decidedAt, decider, row.decisionReason, { transferId });
      if (outcome === 'accepted') {
        h.responsibleUnitId = to;
        h.transferCount = (h.transferCount ?? 0) + 1;
      }
    };
    const extension = (outcome: 'approved' | 'rejected' | 'pending', newDue: string) => {
      const extensionId = randomUUID();
      const at = next(2, 5);
      const reason = rand.pick(EXTENSION_REASONS);
      const oldDue = h.dueDate ?? null;
      const requester = rectifier();
      const row: ExtensionRow = {
        id: extensionId, districtId, hazardId, oldDueDate: oldDue, newDueDate: newDue, reason, status: 'pending', requestedBy: requester.userId, requestedAt: at,
      };
      out.extensions.push(row);
      side('request_extension', at, requester, `申请延期至${newDue}：${reason}`, { extensionId, oldDueDate: oldDue, newDueDate: newDue });
      if (outcome === 'pending') {
        h.pendingExtensionId = extensionId;
        return;
      }
      const decidedAt = next(0, 2);
      const decider = supervisor();
      row.status = outcome;
      row.decidedBy = decider.userId;
      row.decidedAt = decidedAt;
      row.decisionNote = outcome === 'approved' ? '同意延期，请按新期限完成整改' : '整改工作量不大，应按原期限完成';
      if (outcome === 'approved') h.dueDate = newDue;
      side(outcome === 'approved' ? 'approve_extension' : 'reject_extension', decidedAt, decider, row.decisionNote, { extensionId, oldDueDate: oldDue, newDueDate: newDue });
    };
    const reportRectification = (at: Date) => {
      h.rectificationNote = `已按方案整改完成：${item.fix}。`;
      h.rectifiedAt = at;
      move('report_rectification', at, rectifier(), h.rectificationNote);
    };
    const verifyPass = (at: Date) => {
      const by = supervisor();
      h.closedAt = at;
      h.verifiedBy = by.userId;
      h.verifierName = by.displayName;
      h.signatureHash = demoSignatureHash({
        id: hazardId, number: p.number, enterpriseId: ent.id, description: h.description, level, location: h.location,
        rectificationNote: h.rectificationNote ?? null, plan: latestPlan, signerId: by.userId, signerName: by.displayName, signedAt: at,
      });
      move('verify_pass', at, by, '现场复查整改到位，同意销号', { signerName: by.displayName, signatureHash: h.signatureHash, evidence: 0 });
    };
    const reopen = (at: Date) => {
      const reason = `回头看发现问题反弹：${item.description}`;
      h.reopenCount = (h.reopenCount ?? 0) + 1;
      h.closedAt = null;
      h.verifiedBy = null;
      h.verifierName = null;
      h.signatureHash = null;
      move('recheck_reopen', at, supervisor(), reason);
    };

    // report
    if (spotStory) {
      h.rectificationNote = `现场督促整改完成：${item.fix}。`;
      h.rectifiedAt = p.foundAt;
      event('report', p.foundAt, foundBy, 'awaiting_verification', `即查即改：${h.rectificationNote}`);
    } else if (p.finding) {
      event('report', p.foundAt, foundBy, 'reported', p.finding.note, { inspectionId: p.finding.inspectionId, itemKey: p.finding.itemKey });
    } else {
      event('report', p.foundAt, foundBy, 'reported', SOURCE_NOTES[p.source]);
    }
    if (major) {
      dualReport('discovery', 'department', next(0, 1));
      dualReport('discovery', 'government', next(0, 0));
    }
    if (spec.transfer) transfer(next(spec.transfer === 'pending' ? 1 : 0, 2), spec.transfer);

    const planDue = (planDay: string) => addDays(planDay, major ? rand.int(30, 60) : rand.int(7, 21));
    const story = spec.story;
    if (story === 'reported') {
      if (major) submitPlan(next(1, 3), planDue(foundDay));
      else if (spec.dueAtReport === 'past') h.dueDate = minDay(addDays(foundDay, rand.int(3, 5)), yesterday);
      else if (spec.dueAtReport === 'future') h.dueDate = addDays(today, rand.int(3, 10));
    } else if (story === 'voided') {
      const withPlan = rand.chance(0.5);
      if (withPlan) {
        const at = next(0, 2);
        submitPlan(at, planDue(shanghaiDay(at)));
      }
      const reason = rand.pick(VOID_REASONS);
      const at = next(1, 8);
      h.voidedAt = at;
      h.voidReason = reason;
      move('void', at, supervisor(), reason);
    } else if (story === 'closed_spot' || story === 'awaiting_spot') {
      if (story === 'closed_spot') {
        verifyPass(next(0, 3));
        if (spec.recheckPass) move('recheck_pass', next(7, 30), supervisor(), '回头看复查，整改效果保持良好');
      }
    } else {
      // planned rectification
      const planAt = next(0, 2);
      const planDay = shanghaiDay(planAt);
      let due = planDue(planDay);
      if (story === 'rectifying') due = maxDay(due, addDays(today, rand.int(2, 20)));
      if (story === 'overdue') due = minDay(due, addDays(today, -rand.int(2, 12)));
      if (story === 'overdue' && spec.extension === 'approved') due = minDay(due, addDays(today, -15));
      submitPlan(planAt, due);
      if (major) {
        accept(next(1, 3));
        if (spec.listing) list(next(0, 4), spec.listing);
      }
      if (spec.extension) {
        const oldDue = h.dueDate!;
        const newDue = story === 'overdue'
          ? minDay(addDays(oldDue, rand.int(7, 14)), addDays(today, -2))
          : maxDay(addDays(oldDue, rand.int(10, 30)), addDays(today, rand.int(3, 15)));
        extension(spec.extension, newDue);
      }
      if ((story !== 'rectifying' && story !== 'overdue') || spec.verifyFail) {
        const work = major ? [10, 30] as const : [2, 12] as const;
        reportRectification(next(work[0], work[1]));
        if (spec.verifyFail) {
          move('verify_fail', next(1, 3), supervisor(), rand.pick(FAIL_REASONS));
          if (story !== 'rectifying') reportRectification(next(1, 5));
        }
        if (story === 'closed' || story === 'reopened') {
          verifyPass(next(0, 4));
          if (spec.rectificationReports) {
            dualReport('rectification', 'department', next(0, 2));
            dualReport('rectification', 'government', next(0, 0));
          }
          if (spec.recheckPass) move('recheck_pass', next(7, 30), supervisor(), '回头看复查，整改效果保持良好');
          if (story === 'reopened') {
            reopen(next(7, 25));
            const at = next(0, 2);
            submitPlan(at, maxDay(planDue(shanghaiDay(at)), addDays(today, rand.int(3, 15))));
          }
        }
      }
    }

    h.status = cur.status!;
    h.version = events.length;
    h.updatedAt = events[events.length - 1]!.at;
    out.hazards.push(h);
    out.events.push(...events);
  }
  return out;
}

/** The seed's audit rows for the hazards: small, one per hazard. */
export function hazardAuditAfter(h: HazardRow): Record<string, unknown> {
  return { number: h.number, enterpriseId: h.enterpriseId, level: h.level, source: h.source, status: h.status };
}
