// The demo region's hazard ledger: about 145 hazards over the demo enterprises, in every state
// of the closed loop (domain.md), each with the timeline, plans, extensions, transfers,
// listings and 双报告 records a real history would have left. Found dates are relative to
// `now` (the last ~90 days), so open, overdue and closed hazards look right whenever the demo
// is loaded. The hazards that the demo's inspections found (findings, up to ~4 months back) are
// numbered and played with them. Pure: rows come back, the caller inserts them. Every state
// change goes through the state machine's transition table, so the timelines cannot contradict
// the product.
import { randomUUID } from 'node:crypto';
import { shanghaiDay, shanghaiDayStart } from '../../domain/common/dates.ts';
import { formatHazardNumber, type HazardLevel, type HazardSource } from '../../domain/hazards/hazard-machine.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { recordCounters } from '../../server/db/schema/index.ts';
import { demoCriterion } from './demo-criteria.ts';
import type { DemoEnterprise } from './demo-enterprises.ts';
import { HAZARD_ITEMS, MAJOR_HAZARD_ITEMS, type HazardItem, type MajorHazardItem } from './demo-hazard-items.ts';
import type { DemoSector } from './demo-region.ts';
import type { Rand } from './prng.ts';
import { FOUND_DAYS_AGO, PRIMARY_DEPARTMENT, SECOND_DEPARTMENT, type Spec, type Story, addDays, demoSignatureHash, locationFor, playStory, shuffle } from './demo-hazard-stories.ts';

export { demoSignatureHash, locationFor };
import { type EventRow, type ExtensionRow, type HazardRow, HazardStory, type ListingRow, type PlanRow, type ReportRow, type TransferRow } from './hazard-story.ts';

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

// ---- what happens to each hazard

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
const SOURCE_WEIGHTS: readonly (readonly [HazardSource, number])[] = [
  ['village', 40], ['department', 28], ['supervision', 12], ['public', 7], ['assigned', 6],
];
const MAJOR_SOURCE_WEIGHTS: readonly (readonly [HazardSource, number])[] = [
  ['department', 6], ['supervision', 2], ['assigned', 2], ['public', 1],
];
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

    const story = new HazardStory(h as HazardRow & { id: string });
    playStory(story, {
      p, rand, today, yesterday, major, spotStory, foundBy, item, ent, sector, office, documentSeq, input,
      supervisor: () => staffOf(h.responsibleUnitId),
      // The enterprise's own account records its plans and rectifications; else the supervisor does, on its behalf.
      rectifier: () => (ent.id === input.accountEnterpriseId ? qiye : (input.enterpriseAccounts?.get(ent.id) ?? staffOf(h.responsibleUnitId))),
      staffOf, deptId, unitName,
      signatureHash: (st, by, at) => demoSignatureHash({
        id: hazardId, number: p.number, enterpriseId: ent.id, description: h.description, level, location: h.location,
        rectificationNote: h.rectificationNote ?? null, plan: st.latestPlan, signerId: by.userId, signerName: by.displayName, signedAt: at,
      }),
    });
    out.hazards.push(story.finish());
    out.plans.push(...story.rows.plans);
    out.extensions.push(...story.rows.extensions);
    out.listings.push(...story.rows.listings);
    out.transfers.push(...story.rows.transfers);
    out.reports.push(...story.rows.reports);
    out.events.push(...story.rows.events);
  }
  return out;
}

/** The seed's audit rows for the hazards: small, one per hazard. */
export function hazardAuditAfter(h: HazardRow): Record<string, unknown> {
  return { number: h.number, enterpriseId: h.enterpriseId, level: h.level, source: h.source, status: h.status };
}
