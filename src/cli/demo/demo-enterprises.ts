// Generates the demo region's 生产经营单位: companies, 个体经营者 and 九小场所 with names,
// sectors, sizes and grades that fit together. Pure: give it a Rand, get the same list back.
import type { EnterpriseKind, EnterpriseStatus, RiskGrade, VenueType } from '../../domain/enterprises/enterprise-rules.ts';
import { USCC_ALPHABET, usccCheckChar } from '../../domain/enterprises/uscc.ts';
import { COMMUNITY_STREETS, TRADE_NAMES, fakePhone, personName, surname } from './demo-names.ts';
import { DEMO_ADMIN_CODE, DEMO_TOWNSHIP, DEMO_VILLAGES, VILLAGE_WEIGHTS, type DemoSector, type DemoVillage } from './demo-region.ts';
import type { Rand } from './prng.ts';

export interface DemoEnterprise {
  name: string;
  uscc: string | null;
  kind: EnterpriseKind;
  venueType: VenueType | null;
  village: DemoVillage;
  address: string;
  sectors: DemoSector[];
  employeeCount: number;
  principalName: string;
  principalPhone: string;
  safetyManagerName: string | null;
  safetyManagerPhone: string | null;
  riskGrade: RiskGrade | null;
  isKey: boolean;
  isHighRisk: boolean;
  status: EnterpriseStatus;
}

interface NameParts {
  trade: string; // 字号
  village: DemoVillage;
  short: string; // village without 村/社区
  surname: string;
  owner: string; // the principal's full name
}

interface Template {
  kind: EnterpriseKind;
  weight: number;
  venueType?: VenueType;
  sectors: DemoSector[];
  /** Extra sectors, each added with its probability. */
  maybe?: [DemoSector, number][];
  highRisk?: boolean;
  names: ((p: NameParts) => string)[];
  employees: [number, number];
  /** Chance of being a larger unit (30 or more employees). */
  large?: number;
  /** USCC registration prefix: '91' enterprise, '92' 个体工商户, '93' 农民专业合作社. */
  uscc: '91' | '92' | '93' | 'maybe92';
  rural?: boolean; // only in villages, not in the two communities
  prefer?: DemoVillage[];
}

const CO = '重庆';
const LOCAL = `重庆市渝北区${DEMO_TOWNSHIP}`;
const SOLE = `渝北区${DEMO_TOWNSHIP}`;

/** Companies (about 110). */
const COMPANIES: Template[] = [
  { kind: 'company', weight: 12, sectors: ['工贸'], maybe: [['特种设备', 0.4]], employees: [6, 28], large: 0.2, uscc: '91',
    names: [(p) => `${LOCAL}${p.trade}机械加工厂`, (p) => `${CO}${p.trade}机械制造有限公司`, (p) => `${CO}${p.trade}五金制品有限公司`] },
  { kind: 'company', weight: 6, sectors: ['工贸'], employees: [5, 25], large: 0.1, uscc: '91',
    names: [(p) => `${CO}${p.trade}建材有限公司`, (p) => `${LOCAL}${p.trade}预制构件厂`] },
  { kind: 'company', weight: 2, sectors: ['工贸', '特种设备'], employees: [20, 60], large: 0.5, uscc: '91',
    names: [(p) => `${CO}${p.trade}混凝土有限公司`] },
  { kind: 'company', weight: 5, sectors: ['工贸', '消防'], employees: [8, 28], large: 0.2, uscc: '91',
    names: [(p) => `${CO}${p.trade}家具有限公司`, (p) => `${LOCAL}${p.trade}木业加工厂`] },
  { kind: 'company', weight: 5, sectors: ['工贸'], employees: [6, 28], large: 0.2, uscc: '91',
    names: [(p) => `${CO}${p.trade}食品有限公司`, (p) => `${CO}${p.trade}调味品有限公司`] },
  { kind: 'company', weight: 2, sectors: ['工贸', '非煤矿山'], highRisk: true, employees: [15, 45], large: 0.4, uscc: '91', rural: true,
    names: [(p) => `${LOCAL}${p.trade}页岩砖厂`] },
  { kind: 'company', weight: 2, sectors: ['非煤矿山'], maybe: [['特种设备', 0.5]], highRisk: true, employees: [10, 40], large: 0.3, uscc: '91', rural: true,
    names: [(p) => `${LOCAL}${p.short}采石场`, (p) => `${CO}${p.trade}矿业有限公司`] },
  { kind: 'company', weight: 3, sectors: ['危险化学品'], maybe: [['特种设备', 0.3]], highRisk: true, employees: [6, 15], uscc: '91',
    names: [(p) => `${CO}${p.trade}石油销售有限公司${p.short}加油站`] },
  { kind: 'company', weight: 2, sectors: ['危险化学品', '工贸'], highRisk: true, employees: [10, 28], large: 0.5, uscc: '91', rural: true,
    names: [(p) => `${CO}${p.trade}化工有限公司`, (p) => `${CO}${p.trade}涂料有限公司`] },
  { kind: 'company', weight: 2, sectors: ['燃气'], maybe: [['特种设备', 0.5]], highRisk: true, employees: [5, 20], uscc: '91',
    names: [(p) => `${CO}${p.trade}燃气有限公司${DEMO_TOWNSHIP}供应站`, (p) => `${CO}${p.trade}液化气有限公司`] },
  { kind: 'company', weight: 8, sectors: ['建筑施工'], maybe: [['特种设备', 0.3]], employees: [10, 29], large: 0.35, uscc: '91',
    names: [(p) => `${CO}${p.trade}建筑工程有限公司`, (p) => `${CO}${p.trade}建设工程有限公司`, (p) => `${CO}${p.trade}市政工程有限公司`] },
  { kind: 'company', weight: 6, sectors: ['交通运输'], employees: [5, 28], large: 0.2, uscc: '91',
    names: [(p) => `${CO}${p.trade}物流有限公司`, (p) => `${CO}${p.trade}运输有限公司`] },
  { kind: 'company', weight: 7, sectors: ['涉农'], maybe: [['林区', 0.3]], employees: [3, 20], large: 0.05, uscc: '91', rural: true,
    names: [(p) => `${CO}${p.trade}农业开发有限公司`, (p) => `${CO}${p.trade}生态农业有限公司`] },
  { kind: 'company', weight: 8, sectors: ['涉农'], employees: [3, 15], uscc: '93', rural: true,
    names: [
      (p) => `重庆市渝北区${p.short}柑橘种植专业合作社`, (p) => `重庆市渝北区${p.short}蔬菜种植专业合作社`,
      (p) => `重庆市渝北区${p.trade}生猪养殖专业合作社`, (p) => `重庆市渝北区${p.trade}蜜蜂养殖专业合作社`,
    ] },
  { kind: 'company', weight: 3, sectors: ['涉农', '林区'], employees: [3, 15], uscc: '93', rural: true,
    names: [(p) => `重庆市渝北区${p.short}茶叶种植专业合作社`, (p) => `重庆市渝北区${p.trade}苗木种植专业合作社`] },
  { kind: 'company', weight: 3, sectors: ['涉农', '渔业船舶', '河道'], employees: [3, 15], uscc: '91', rural: true, prefer: ['鱼塘村', '东河村'],
    names: [(p) => `${CO}${p.trade}水产养殖有限公司`] },
  { kind: 'company', weight: 3, sectors: ['文化旅游'], maybe: [['林区', 0.5]], employees: [8, 28], large: 0.3, uscc: '91', rural: true,
    prefer: ['明月村', '千盏村'], names: [(p) => `${CO}${p.trade}旅游开发有限公司`, (p) => `${CO}${p.trade}文化旅游发展有限公司`] },
  { kind: 'company', weight: 2, sectors: ['养老/社会福利', '消防'], employees: [8, 28], large: 0.2, uscc: '91',
    names: [(p) => `${CO}${p.trade}养老服务有限公司`] },
  { kind: 'company', weight: 1, sectors: ['医疗卫生', '消防'], employees: [30, 120], uscc: '91',
    names: [(p) => `${CO}${p.trade}医院有限公司`] },
  { kind: 'company', weight: 2, sectors: ['工贸', '消防'], employees: [4, 20], uscc: '91',
    names: [(p) => `${CO}${p.trade}再生资源回收有限公司`] },
  { kind: 'company', weight: 2, sectors: ['林区', '涉农'], employees: [3, 20], uscc: '91', rural: true,
    names: [(p) => `${CO}${p.trade}林业开发有限公司`] },
  { kind: 'company', weight: 3, sectors: ['工贸'], maybe: [['特种设备', 0.3]], employees: [4, 20], uscc: '91',
    names: [(p) => `${CO}${p.trade}汽车维修有限公司`] },
  { kind: 'company', weight: 2, sectors: ['消防', '文化旅游'], employees: [8, 28], large: 0.2, uscc: '91',
    names: [(p) => `${CO}${p.trade}酒店管理有限公司`] },
  { kind: 'company', weight: 4, sectors: ['消防'], employees: [5, 28], large: 0.1, uscc: '91',
    names: [(p) => `${CO}${p.trade}商贸有限公司`, (p) => `${CO}${p.trade}超市有限公司`] },
];

/** 个体经营者 (about 70). */
const SOLE_TRADERS: Template[] = [
  { kind: 'sole_trader', weight: 14, sectors: ['文化旅游', '消防'], maybe: [['燃气', 0.5]], employees: [2, 15], uscc: 'maybe92', rural: true,
    prefer: ['明月村', '千盏村', '云龙村'], names: [(p) => `${SOLE}${p.owner}农家乐`, (p) => `${SOLE}${p.trade}山庄`, (p) => `${SOLE}${p.short}${p.surname}家院子`] },
  { kind: 'sole_trader', weight: 6, sectors: ['工贸'], employees: [1, 8], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.trade}汽车修理部`, (p) => `${SOLE}${p.trade}摩托车修理店`] },
  { kind: 'sole_trader', weight: 5, sectors: ['工贸', '消防'], employees: [1, 6], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.surname}氏废品回收站`, (p) => `${SOLE}${p.trade}再生资源回收点`] },
  { kind: 'sole_trader', weight: 4, sectors: ['工贸', '林区'], employees: [2, 10], uscc: 'maybe92', rural: true,
    names: [(p) => `${SOLE}${p.trade}木材加工厂`] },
  { kind: 'sole_trader', weight: 10, sectors: ['涉农'], employees: [1, 8], uscc: 'maybe92', rural: true,
    names: [(p) => `${SOLE}${p.owner}生猪养殖场`, (p) => `${SOLE}${p.owner}肉鸡养殖场`, (p) => `${SOLE}${p.short}${p.surname}氏种植园`] },
  { kind: 'sole_trader', weight: 5, sectors: ['交通运输'], employees: [1, 4], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.owner}货物运输`, (p) => `${SOLE}${p.trade}搬运服务部`] },
  { kind: 'sole_trader', weight: 3, sectors: ['燃气'], highRisk: true, employees: [1, 4], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.trade}液化气配送点`] },
  { kind: 'sole_trader', weight: 2, sectors: ['危险化学品'], highRisk: true, employees: [1, 3], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.trade}烟花爆竹零售点`] },
  { kind: 'sole_trader', weight: 3, sectors: ['涉农', '工贸'], employees: [1, 5], uscc: 'maybe92', rural: true,
    names: [(p) => `${SOLE}${p.trade}农机修理部`] },
  { kind: 'sole_trader', weight: 3, sectors: ['文化旅游', '河道'], maybe: [['渔业船舶', 0.4]], employees: [1, 6], uscc: 'maybe92', rural: true,
    prefer: ['鱼塘村', '东河村'], names: [(p) => `${SOLE}${p.trade}休闲垂钓园`] },
  { kind: 'sole_trader', weight: 3, sectors: ['建筑施工'], employees: [2, 12], uscc: 'maybe92',
    names: [(p) => `${SOLE}${p.trade}装饰工程部`] },
  { kind: 'sole_trader', weight: 3, sectors: ['工贸'], employees: [2, 10], uscc: 'maybe92', rural: true,
    names: [(p) => `${SOLE}${p.trade}水泥制品厂`] },
];

/** 九小场所 (about 120). */
const VENUES: Template[] = [
  { kind: 'small_venue', venueType: 'shop', weight: 30, sectors: ['消防'], employees: [1, 6], uscc: 'maybe92',
    names: [(p) => `${p.trade}便利店`, (p) => `${p.trade}超市`, (p) => `${p.trade}五金店`, (p) => `${p.trade}副食店`, (p) => `${p.surname}记烟酒店`] },
  { kind: 'small_venue', venueType: 'shop', weight: 4, sectors: ['消防', '涉农'], employees: [1, 4], uscc: 'maybe92',
    names: [(p) => `${p.trade}农资店`] },
  { kind: 'small_venue', venueType: 'restaurant', weight: 28, sectors: ['消防', '燃气'], employees: [2, 12], uscc: 'maybe92',
    names: [(p) => `${p.trade}餐馆`, (p) => `${p.surname}记火锅`, (p) => `老${p.surname}面馆`, (p) => `${p.trade}小吃店`, (p) => `${p.short}豆花饭`, (p) => `${p.trade}烧烤`] },
  { kind: 'small_venue', venueType: 'hotel', weight: 8, sectors: ['消防', '文化旅游'], employees: [1, 8], uscc: 'maybe92',
    names: [(p) => `${p.trade}旅馆`, (p) => `${p.trade}宾馆`, (p) => `${p.trade}客栈`] },
  { kind: 'small_venue', venueType: 'karaoke', weight: 4, sectors: ['消防', '文化旅游'], employees: [3, 12], uscc: 'maybe92',
    names: [(p) => `${p.trade}KTV`, (p) => `${p.trade}歌城`] },
  { kind: 'small_venue', venueType: 'internet_cafe', weight: 3, sectors: ['消防', '文化旅游'], employees: [2, 6], uscc: 'maybe92',
    names: [(p) => `${p.trade}网吧`, (p) => `${p.trade}网咖`] },
  { kind: 'small_venue', venueType: 'beauty_bath', weight: 10, sectors: ['消防'], employees: [1, 8], uscc: 'maybe92',
    names: [(p) => `${p.trade}美发店`, (p) => `${p.trade}美容院`, (p) => `${p.trade}足浴店`] },
  { kind: 'small_venue', venueType: 'workshop', weight: 14, sectors: ['工贸', '消防'], employees: [1, 8], uscc: 'maybe92',
    names: [(p) => `${p.short}${p.surname}氏豆腐坊`, (p) => `${p.trade}面条加工坊`, (p) => `${p.trade}榨油坊`, (p) => `${p.trade}粮油加工坊`, (p) => `${p.short}打米坊`] },
  { kind: 'small_venue', venueType: 'clinic', weight: 10, sectors: ['医疗卫生', '消防'], employees: [1, 6], uscc: 'maybe92',
    names: [(p) => `${DEMO_TOWNSHIP}${p.trade}诊所`, (p) => `${p.village}卫生室`, (p) => `${p.trade}口腔诊所`, (p) => `${p.surname}氏中医诊所`] },
  { kind: 'small_venue', venueType: 'school', weight: 8, sectors: ['校园', '消防'], employees: [3, 15], uscc: 'maybe92',
    names: [(p) => `${DEMO_TOWNSHIP}${p.trade}幼儿园`, (p) => `${p.trade}托管中心`, (p) => `${p.trade}培训学校`] },
];

const KIND_MIX: [Template[], number][] = [
  [COMPANIES, 110],
  [SOLE_TRADERS, 70],
  [VENUES, 120],
];

function shortName(v: DemoVillage): string {
  return v.replace(/(社区|村)$/, '');
}

const isCommunity = (v: DemoVillage) => v.endsWith('社区');

export function makeUscc(rand: Rand, prefix: string): string {
  let body = `${prefix}${DEMO_ADMIN_CODE}`;
  while (body.length < 17) body += rand.pick([...USCC_ALPHABET]);
  return body + usccCheckChar(body)!;
}

function pickVillage(rand: Rand, t: Template): DemoVillage {
  if (t.prefer && rand.chance(0.6)) return rand.pick(t.prefer);
  const candidates = DEMO_VILLAGES.filter((v) => !(t.rural && isCommunity(v)));
  return rand.weighted(candidates.map((v) => [v, VILLAGE_WEIGHTS[v] ?? 1] as const));
}

function address(rand: Rand, v: DemoVillage): string {
  if (isCommunity(v)) return `${DEMO_TOWNSHIP}${v}${rand.pick(COMMUNITY_STREETS)}${rand.int(1, 180)}号`;
  return `${DEMO_TOWNSHIP}${v}${rand.int(1, 12)}组`;
}

function grade(rand: Rand, highRisk: boolean, employees: number): RiskGrade | null {
  if (rand.chance(0.02)) return null; // newly registered, not graded yet
  if (highRisk) return rand.weighted([['red', 2], ['orange', 4], ['yellow', 3], ['blue', 1]] as const);
  if (employees >= 30) return rand.weighted([['red', 0.3], ['orange', 1.5], ['yellow', 4], ['blue', 4]] as const);
  return rand.weighted([['red', 0.1], ['orange', 0.6], ['yellow', 3], ['blue', 6.3]] as const);
}

function build(rand: Rand, t: Template, village: DemoVillage, taken: Set<string>, usccTaken: Set<string>): DemoEnterprise {
  const owner = personName(rand);
  const parts = (): NameParts => ({ trade: rand.pick(TRADE_NAMES), village, short: shortName(village), surname: surname(rand), owner });
  let name = rand.pick(t.names)(parts());
  for (let i = 0; taken.has(name) && i < 20; i++) name = rand.pick(t.names)(parts());
  for (let n = 2; taken.has(name); n++) name = `${name.replace(/（\d+）$/, '')}（${n}）`;
  taken.add(name);

  const sectors = [...t.sectors];
  for (const [s, p] of t.maybe ?? []) if (rand.chance(p) && !sectors.includes(s)) sectors.push(s);

  const large = t.large !== undefined && rand.chance(t.large);
  const employeeCount = large ? rand.weighted([[rand.int(30, 99), 7], [rand.int(100, 300), 3]] as const) : rand.int(t.employees[0], t.employees[1]);

  let uscc: string | null = null;
  const prefix = t.uscc === 'maybe92' ? (rand.chance(t.kind === 'sole_trader' ? 0.6 : 0.4) ? '92' : null) : t.uscc;
  if (prefix) {
    do uscc = makeUscc(rand, prefix);
    while (usccTaken.has(uscc));
    usccTaken.add(uscc);
  }

  const highRisk = t.highRisk === true;
  const riskGrade = grade(rand, highRisk, employeeCount);
  const isKey = (highRisk && rand.chance(0.7)) || riskGrade === 'red' || employeeCount >= 50 || rand.chance(0.025);
  const status = rand.weighted([['operating', 90], ['suspended', 6], ['closed', 4]] as const);
  // A sole proprietor of a small shop is often the safety manager too (九小场所: "业主自己或明确1名").
  const ownerIsManager = t.kind !== 'company' && rand.chance(0.5);
  const manager = ownerIsManager ? owner : rand.chance(0.92) ? personName(rand) : null;
  const principalPhone = fakePhone(rand);

  return {
    name, uscc, kind: t.kind, venueType: t.venueType ?? null, village, address: address(rand, village), sectors, employeeCount,
    principalName: owner, principalPhone,
    safetyManagerName: manager, safetyManagerPhone: manager === null ? null : ownerIsManager ? principalPhone : fakePhone(rand),
    riskGrade, isKey, isHighRisk: highRisk, status,
  };
}

/**
 * About 300 enterprises. The first is always an operating machine shop in 明月村: the demo's
 * enterprise account is bound to it.
 */
export function generateDemoEnterprises(rand: Rand): DemoEnterprise[] {
  const taken = new Set<string>();
  const usccTaken = new Set<string>();
  const first = build(rand, COMPANIES[0]!, '明月村', taken, usccTaken);
  const out: DemoEnterprise[] = [{ ...first, status: 'operating', riskGrade: 'yellow', sectors: ['工贸', '特种设备'] }];
  for (const [templates, count] of KIND_MIX) {
    const n = count - (templates === COMPANIES ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const t = rand.weighted(templates.map((x) => [x, x.weight] as const));
      out.push(build(rand, t, pickVillage(rand, t), taken, usccTaken));
    }
  }
  return out;
}
