// The demo's 宣传/曝光 records (decision 020). 大盛镇: a year up to the demo's day of mainstream
// columns (a TV column that ended, a radio column still running, a newspaper page), its own WeChat
// account's column (not mainstream), exposures every other month naming its enterprises (some of
// them also exposed by an enforcement measure, so the 调度表 counts each once) and reports; one
// record voided. 渝北区's own: a TV column and an exposure. 邻鄂镇: its 2023 campaign's column and
// reports. Deterministic: its own seeded stream, dates relative to the demo's day; links point at
// example.com, no person is named.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import type { PublicityChannel, PublicityKind } from '../../domain/publicity/publicity.ts';
import type { DbOrTx } from '../../server/db/client.ts';
import { enforcementCases, enforcementMeasures, enterprises, publicityRecords, recordEvents } from '../../server/db/schema/index.ts';
import { Rand, mulberry32 } from './prng.ts';

export const PUBLICITY_SEED = 0x5eed_0013;
type Row = typeof publicityRecords.$inferInsert;
interface Keeper { id: string; name: string; unitName: string }

const link = (path: string) => `https://news.example.com/${path}`;
const at = (day: string, hour = 16) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000);

function record(o: { districtId: string; townshipId: string | null; unitId: string; keeper: Keeper }, r: {
  kind: PublicityKind; channel: PublicityChannel; mainstream: boolean; outlet: string | null; publishedOn: string; endsOn?: string | null; title: string;
  link?: string | null; enterpriseIds?: string[]; summary?: string | null; voidReason?: string;
}): Row {
  const created = at(r.publishedOn);
  return {
    id: randomUUID(), districtId: o.districtId, townshipId: o.townshipId, unitId: o.unitId, kind: r.kind, channel: r.channel, mainstream: r.mainstream,
    outlet: r.outlet, publishedOn: r.publishedOn, endsOn: r.endsOn ?? null, title: r.title, link: r.link ?? null, enterpriseIds: r.enterpriseIds ?? [],
    summary: r.summary ?? null, createdBy: o.keeper.id, createdAt: created, updatedAt: created,
    ...(r.voidReason ? { voidedAt: new Date(created.getTime() + 86400_000), voidReason: r.voidReason, voidedBy: o.keeper.id } : {}),
  };
}

/** Each record's timeline as its office's writes would leave it: 登记, and 作废 for a voided one. */
async function insertWithEvents(db: DbOrTx, rows: Row[], keeperOf: (r: Row) => Keeper) {
  if (rows.length === 0) return;
  await db.insert(publicityRecords).values(rows);
  await db.insert(recordEvents).values(rows.flatMap((r) => {
    const k = keeperOf(r);
    const who = { districtId: r.districtId, entityType: 'publicity_record', entityId: r.id!, actorId: k.id, actorName: k.name, actorUnitName: k.unitName };
    return [
      { ...who, at: r.createdAt!, action: 'create', fromStatus: null, toStatus: 'active', note: r.title },
      ...(r.voidedAt ? [{ ...who, at: r.voidedAt, action: 'void', fromStatus: 'active', toStatus: 'voided', note: r.voidReason ?? null }] : []),
    ];
  }));
}

const EXPOSURE_TITLES = [
  '曝光一批重大事故隐患整改不力的生产经营单位', '燃气安全专项检查发现问题单位曝光', '九小场所消防安全隐患曝光台',
  '违规动火作业单位曝光', '企业主要负责人未履行安全生产职责典型问题曝光', '安全生产“打非治违”典型问题曝光',
];
const REPORT_TITLES = [
  '大盛镇召开秋冬季安全生产大排查动员部署会', '“燃气安全进万家”宣传活动走进明月村', '大盛镇开展“安全生产月”集中宣传咨询日活动',
  '大盛镇组织九小场所经营者安全培训', '大盛镇开展汛期地质灾害和道路交通安全检查', '大盛镇召开安全生产形势分析会',
];

/**
 * 大盛镇 and 渝北区's own records, before the reports (whose 调度表 figures count them). `today` is the
 * demo's day; every record is on or before it.
 */
export async function seedDemoPublicity(db: DbOrTx, o: { districtId: string; townshipId: string; township: Keeper; district: Keeper; today: string }) {
  const rand = new Rand(mulberry32(PUBLICITY_SEED));
  const day = (n: number) => addDays(o.today, -n);
  // the township's enterprises by name; those an enforcement measure exposed first, so exposures overlap them
  const all = await db.select({ id: enterprises.id }).from(enterprises)
    .where(and(eq(enterprises.townshipId, o.townshipId), isNull(enterprises.voidedAt))).orderBy(asc(enterprises.name));
  const measured = await db.selectDistinct({ id: enforcementCases.enterpriseId, name: enterprises.name }).from(enforcementMeasures)
    .innerJoin(enforcementCases, eq(enforcementCases.id, enforcementMeasures.caseId)).innerJoin(enterprises, eq(enterprises.id, enforcementCases.enterpriseId))
    .where(and(eq(enforcementCases.townshipId, o.townshipId), inArray(enforcementMeasures.kind, ['exposure', 'summons', 'joint_sanction'])))
    .orderBy(asc(enterprises.name));
  const pickSome = (n: number) => {
    const out = new Set<string>();
    while (out.size < Math.min(n, all.length)) out.add(rand.pick(all).id);
    return [...out];
  };
  const t = { districtId: o.districtId, townshipId: o.townshipId, unitId: o.townshipId, keeper: o.township };
  const rows: Row[] = [
    record(t, { kind: 'media_column', channel: 'tv', mainstream: true, outlet: '渝北区融媒体中心', publishedOn: day(360), endsOn: day(200), title: '《安全大家谈》大盛镇专题', link: link('yubei/tv/anquan-dajiatan'), summary: '每周一期，讲解九小场所、燃气和电动自行车安全常识。' }),
    record(t, { kind: 'media_column', channel: 'radio', mainstream: true, outlet: '渝北区融媒体中心', publishedOn: day(180), title: '《平安大盛》安全生产专题广播', summary: '每周三、周五早间播出，曝光隐患、解读“十五条硬措施”。' }),
    record(t, { kind: 'media_column', channel: 'wechat', mainstream: false, outlet: '大盛发布', publishedOn: day(300), title: '“大盛安全课堂”专栏', link: link('dasheng/wechat/anquan-ketang') }),
    record(t, { kind: 'media_column', channel: 'newspaper', mainstream: true, outlet: '渝北时报', publishedOn: day(95), title: '安全生产专版：大盛镇重大事故隐患专项排查整治', link: link('yubei/paper/zhuanban') }),
    record(t, { kind: 'media_column', channel: 'tv', mainstream: true, outlet: '渝北区融媒体中心', publishedOn: day(40), title: '《安全大家谈》大盛镇专题', voidReason: '重复登记' }),
  ];
  EXPOSURE_TITLES.forEach((title, i) => {
    // every other month back from a fortnight ago; the latest names the enterprises a measure also exposed
    const n = 14 + i * 60;
    const named = i === 0 && measured.length ? [...new Set([...measured.slice(0, 2).map((m) => m.id), ...pickSome(2)])] : pickSome(rand.int(2, 4));
    if (named.length === 0) return;
    rows.push(record(t, {
      kind: 'exposure', channel: i % 2 === 0 ? 'wechat' : 'website', mainstream: false, outlet: i % 2 === 0 ? '大盛发布' : '大盛镇人民政府网站',
      publishedOn: day(n), title, link: link(`dasheng/baoguang/${i + 1}`), enterpriseIds: named, summary: '责令限期整改，整改情况将跟踪曝光。',
    }));
  });
  REPORT_TITLES.forEach((title, i) => {
    rows.push(record(t, {
      // every third on the township's own account, the others in the district's media
      kind: 'report', channel: i % 3 === 2 ? 'wechat' : rand.pick(['tv', 'website', 'newspaper'] as const), mainstream: i % 3 !== 2, outlet: i % 3 !== 2 ? '渝北区融媒体中心' : '大盛发布',
      publishedOn: day(20 + i * 55 + rand.int(0, 10)), title, link: link(`dasheng/news/${i + 1}`),
    }));
  });
  const d = { districtId: o.districtId, townshipId: null, unitId: o.districtId, keeper: o.district };
  const district: Row[] = [
    record(d, { kind: 'media_column', channel: 'tv', mainstream: true, outlet: '渝北区融媒体中心', publishedOn: day(250), title: '《安全生产在行动》专题栏目', link: link('yubei/tv/zai-xingdong'), summary: '全区重大事故隐患专项排查整治行动专题，每周播出。' }),
  ];
  const listed = pickSome(3);
  if (listed.length) district.push(record(d, { kind: 'exposure', channel: 'newspaper', mainstream: true, outlet: '渝北时报', publishedOn: day(50), title: '全区第一批重大事故隐患挂牌督办和曝光单位', enterpriseIds: listed }));
  await insertWithEvents(db, [...rows, ...district], (r) => (r.townshipId ? o.township : o.district));
  return { township: rows.length, district: district.length, exposures: rows.filter((r) => r.kind === 'exposure').length };
}

/** 邻鄂镇's 2023 campaign: a column on the district's TV over the campaign and its reports. */
export async function seedLinePublicity(db: DbOrTx, o: { districtId: string; townshipId: string; office: Keeper }) {
  const t = { districtId: o.districtId, townshipId: o.townshipId, unitId: o.townshipId, keeper: o.office };
  const rows: Row[] = [
    record(t, { kind: 'media_column', channel: 'tv', mainstream: true, outlet: '黔江区融媒体中心', publishedOn: '2023-06-01', endsOn: '2023-12-31', title: '《邻鄂安全》重大事故隐患专项排查整治专题', link: link('qianjiang/tv/line-anquan') }),
    record(t, { kind: 'report', channel: 'website', mainstream: true, outlet: '黔江区融媒体中心', publishedOn: '2023-05-20', title: '邻鄂镇召开重大事故隐患专项排查整治2023行动动员部署会', link: link('qianjiang/news/line-dongyuan') }),
    record(t, { kind: 'report', channel: 'wechat', mainstream: false, outlet: '邻鄂发布', publishedOn: '2023-06-16', title: '邻鄂镇开展“安全生产月”宣传咨询日活动' }),
  ];
  await insertWithEvents(db, rows, () => o.office);
  return { records: rows.length };
}
