// Leaders' activities (领导活动) of the demo. 黔江区 › 邻鄂镇: its 书记, 镇长 and two 分管负责人 (accounts
// with posts, generated names), the requirements of its 2023 campaign read from 附件1 rows 4–8 and
// linked to those tasks, and their activities over the campaign with some windows missed, so the
// compliance table and the tasks' progress show both. 大盛镇: the `leader` account's (镇长) recent
// activities and one requirement of the live campaign, so its home shows what is due this month.
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import { suggestRequirement } from '../../domain/supervision/suggest.ts';
import type { ActivityKind, LeaderPost } from '../../domain/supervision/leadership.ts';
import type { DbOrTx } from '../../server/db/client.ts';
import { leadershipActivities, leadershipRequirements, users } from '../../server/db/schema/index.ts';
import { personName } from './demo-names.ts';
import type { Rand } from './prng.ts';

/** The rows of seed 000 附件1 that ask the leaders for activities: their occurrences follow the records. */
export const LINE_LEADER_ROWS: ReadonlySet<string> = new Set(['4', '5', '6', '7', '8']);
export const LINE_LEADER_ACCOUNTS = [
  { username: 'lineshuji', post: 'party_secretary' as const, title: '党委书记' },
  { username: 'linezhenzhang', post: 'government_head' as const, title: '镇长' },
  { username: 'linefg1', post: 'deputy' as const, title: '分管安全生产副镇长' },
  { username: 'linefg2', post: 'deputy' as const, title: '分管城建副镇长' },
];

type Leader = { id: string; name: string; post: LeaderPost };
type ActivityRow = typeof leadershipActivities.$inferInsert;
const at = (day: string, hour = 10) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000);
/** "（2）党委主要负责人要…。" → the words without the item number. */
const labelOf = (requirement: string) => requirement.replace(/^[（(]\d+[)）]\s*/, '').replace(/[。；;]$/, '');

function activity(o: { districtId: string; townshipId: string; unitId: string; createdBy: string; campaignId: string | null }, a: {
  kind: ActivityKind; day: string; topic: string; place: string; leaders: readonly Leader[]; summary?: string;
}): ActivityRow {
  return {
    id: randomUUID(), districtId: o.districtId, townshipId: o.townshipId, unitId: o.unitId, level: 'township', kind: a.kind, heldOn: a.day,
    topic: a.topic, place: a.place, leaders: a.leaders.map((l) => ({ userId: l.id, name: l.name, post: l.post })), leaderUserIds: a.leaders.map((l) => l.id),
    campaignId: o.campaignId, summary: a.summary ?? null, createdBy: o.createdBy, createdAt: at(a.day, 17), updatedAt: at(a.day, 17),
  };
}

const RESEARCH_TOPICS = ['汛期地质灾害和道路交通安全调研检查', '燃气使用安全专题调度', '建筑施工工地安全调研检查', '九小场所消防安全专题调度', '非煤矿山和工贸企业调研检查', '节前安全生产专题调度'];
const ANALYSIS_TOPICS = ['分管领域安全生产形势研判', '分管行业领域重大风险分析', '排查整治重点任务推进分析'];
const MONTHS = ['05', '06', '07', '08', '09', '10', '11', '12'];

export async function seedLineLeadership(db: DbOrTx, rand: Rand, o: {
  districtId: string; townshipId: string; campaignId: string; officeId: string; passwordHash: string;
  tasks: readonly { id: string; number: string; requirement: string; deadlineText: string }[];
}) {
  const created = new Date('2023-05-01T01:00:00.000Z');
  const leaders: Leader[] = LINE_LEADER_ACCOUNTS.map((a) => ({ id: randomUUID(), name: personName(rand), post: a.post }));
  await db.insert(users).values(LINE_LEADER_ACCOUNTS.map((a, i) => ({
    id: leaders[i]!.id, districtId: o.districtId, username: a.username, displayName: leaders[i]!.name, role: 'leader' as const, unitId: o.townshipId,
    leaderPost: a.post, passwordHash: o.passwordHash, createdAt: created, updatedAt: created,
  })));
  // The office reads the requirements from the task list (识别) and links each to its task.
  const rowsInOrder = o.tasks.filter((t) => LINE_LEADER_ROWS.has(t.number)).sort((a, b) => Number(a.number) - Number(b.number));
  const reqs = rowsInOrder.flatMap((t, i) => {
    const s = suggestRequirement({ requirement: t.requirement, deadlineText: t.deadlineText });
    if (!s) throw new Error(`demo: row ${t.number} reads as no requirement`);
    const when = new Date(Date.parse('2023-05-19T03:00:00.000Z') + i * 60_000);
    return [{
      districtId: o.districtId, campaignId: o.campaignId, label: labelOf(t.requirement), posts: s.posts, kinds: s.kinds, frequencyText: s.frequencyText,
      taskId: t.id, createdBy: o.officeId, createdAt: when, updatedAt: when,
    }];
  });
  await db.insert(leadershipRequirements).values(reqs);

  const [secretary, mayor, deputy1, deputy2] = leaders as [Leader, Leader, Leader, Leader];
  const base = { districtId: o.districtId, townshipId: o.townshipId, unitId: o.townshipId, createdBy: o.officeId, campaignId: o.campaignId };
  const rows: ActivityRow[] = [
    activity(base, { kind: 'meeting', day: '2023-05-19', topic: '重大事故隐患专项排查整治2023行动动员部署会', place: '镇政府三楼会议室', leaders: [secretary, mayor, deputy1, deputy2], summary: '印发工作方案，明确各科室、村（居）任务分工和时限。' }),
    activity(base, { kind: 'study', day: '2023-06-05', topic: '专题学习安全生产“十五条硬措施”', place: '镇政府三楼会议室', leaders: [secretary, mayor, deputy1, deputy2] }),
    activity(base, { kind: 'briefing_heard', day: '2023-08-10', topic: '听取专项行动情况汇报（第一次）', place: '镇党委会议室', leaders: [secretary] }),
    activity(base, { kind: 'briefing_heard', day: '2023-11-15', topic: '听取专项行动情况汇报（第二次）', place: '镇党委会议室', leaders: [secretary] }),
  ];
  for (const m of MONTHS) {
    const day = (lo: number, hi: number) => `2023-${m}-${String(m === '05' ? rand.int(22, 30) : rand.int(lo, hi)).padStart(2, '0')}`;
    // 主要负责人: together each month; the 书记 missed September.
    rows.push(activity(base, { kind: 'research_inspection', day: day(8, 25), topic: rand.pick(RESEARCH_TOPICS), place: rand.pick(['杉岭村', '双龙村', '石门村', '长丰村', '邻鄂社区']), leaders: m === '09' ? [mayor] : [secretary, mayor] }));
    // 分管负责人: each month, the second missed July and October.
    rows.push(activity(base, { kind: 'research_inspection', day: day(5, 26), topic: rand.pick(RESEARCH_TOPICS), place: rand.pick(['杉岭村', '双龙村', '石门村', '长丰村']), leaders: m === '07' || m === '10' ? [deputy1] : [deputy1, deputy2] }));
    // 形势研判: monthly, none in August.
    if (m !== '08') rows.push(activity(base, { kind: 'situation_analysis', day: day(20, 28), topic: rand.pick(ANALYSIS_TOPICS), place: '镇政府二楼会议室', leaders: [deputy1, deputy2] }));
  }
  await db.insert(leadershipActivities).values(rows);
  return { leaders: leaders.length, requirements: reqs.length, activities: rows.length };
}

/** 大盛: the 镇长's recent activities (none yet this month) and the live campaign's monthly requirement of the main leaders. */
export async function seedDashengLeadership(db: DbOrTx, rand: Rand, o: {
  districtId: string; townshipId: string; campaignId: string; officeId: string; leader: { id: string; name: string }; today: string; periodStart: string;
}) {
  const when = new Date(`${o.periodStart}T02:00:00.000Z`);
  await db.insert(leadershipRequirements).values({
    districtId: o.districtId, campaignId: o.campaignId, label: '党政主要负责人每月开展1次调研检查或专题调度', posts: ['party_secretary', 'government_head'],
    kinds: ['research_inspection', 'site_supervision'], frequencyText: '每月1次', taskId: null, createdBy: o.officeId, createdAt: when, updatedAt: when,
  });
  const mayor: Leader = { id: o.leader.id, name: o.leader.name, post: 'government_head' };
  const base = { districtId: o.districtId, townshipId: o.townshipId, unitId: o.townshipId, createdBy: o.leader.id, campaignId: o.campaignId };
  const monthStart = `${o.today.slice(0, 8)}01`;
  const before = (days: number) => addDays(monthStart, -days);
  const rows: ActivityRow[] = [
    activity(base, { kind: 'meeting', day: addDays(o.periodStart, 1), topic: '全镇秋冬季安全生产大排查动员部署会', place: '镇政府大会议室', leaders: [mayor], summary: '部署自查自改、督促检查、巩固提升三个阶段的工作。' }),
    activity(base, { kind: 'research_inspection', day: before(rand.int(3, 12)), topic: '明月村九小场所消防安全调研检查', place: '明月村', leaders: [mayor] }),
    activity(base, { kind: 'site_supervision', day: before(rand.int(35, 45)), topic: '督导第一督导工作组检查千盏村', place: '千盏村', leaders: [mayor] }),
    activity(base, { kind: 'enterprise_talk', day: before(rand.int(15, 25)), topic: '到企业宣讲“十五条硬措施”', place: '明月村', leaders: [mayor] }),
  ].filter((r) => r.heldOn! <= o.today);
  await db.insert(leadershipActivities).values(rows);
  return { activities: rows.length };
}
