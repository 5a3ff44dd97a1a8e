// 大盛镇's 秋冬季安全生产大排查 (seed 003): 2024-11-15 to 2025-02-28 in three stages, its 附件1 as unit
// self-check tasks for every department and village, two tasks of its own text, and a report cycle
// of the 14th and the month's last day. Its dates move with today (same length, same stage
// proportions, today in its second stage), so a fresh demo always shows live, due-soon and overdue
// work, with progress in every state.
import { randomUUID } from 'node:crypto';
import { addDays, daysBetween } from '../../domain/common/dates.ts';
import { parseDeadline } from '../../domain/campaigns/deadline-rule/index.ts';
import { shiftPeriod } from '../../domain/campaigns/campaign.ts';
import type { Tx } from '../../server/db/client.ts';
import { campaignStages, campaignTaskUnits, campaignTasks, campaigns } from '../../server/db/schema/index.ts';
import { DASHENG_SELF_CHECK } from './data/dasheng-self-check.ts';
import { fillProgress, type ProgressPeople } from './demo-progress.ts';
import type { Rand } from './prng.ts';

const SEED = { start: '2024-11-15', end: '2025-02-28' };
const STAGES = [
  { name: '自查自改', start: '2024-11-15', end: '2024-11-30', due: '各科室、村居指导生产经营单位按重点任务提示清单开展自查自改；各科室对照自查重点事项清单自查四个到位落实情况' },
  { name: '督促检查', start: '2024-12-01', end: '2025-01-31', due: '领导带队成立工作组，对科室、村居和生产经营单位进行督导检查，“看查问”检验排查整治成效' },
  { name: '巩固提升', start: '2025-02-01', end: '2025-02-28', due: '各科室、村居及时总结，提炼推广经验做法，健全长效机制' },
];
/** Where today falls in the campaign: 40 % through, i.e. in 督促检查. */
const ELAPSED = 0.4;
const cn = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日前`;

export interface DashengInput {
  districtId: string;
  townshipId: string;
  office: { id: string; name: string; unitName: string };
  /** The township's departments and villages. */
  units: readonly { id: string; name: string; kind: string }[];
  filerOf: ProgressPeople['filerOf'];
  today: string;
}

export async function seedDashengCampaign(tx: Tx, rand: Rand, o: DashengInput) {
  const { offsetDays } = shiftPeriod(SEED.start, SEED.end, ELAPSED, o.today);
  const shift = (d: string) => addDays(d, offsetDays);
  const period = { start: shift(SEED.start), end: shift(SEED.end) };
  const publishedAt = new Date(`${period.start}T01:00:00.000Z`);
  const id = randomUUID();
  await tx.insert(campaigns).values({
    id, districtId: o.districtId, townshipId: o.townshipId, name: '全镇秋冬季安全生产大排查', docNumber: '大盛府发〔2024〕31号',
    periodStart: period.start, periodEnd: period.end, publishedAt, reportCycleText: '每月14日和月底', remindDaysBefore: 3,
    note: '以“工作责任、隐患排查、问题整改、执法处罚”四个到位为导向（演示数据：日期随当天平移，当前处于督促检查阶段）。',
    createdBy: o.office.id, createdAt: publishedAt, updatedAt: publishedAt,
  });
  await tx.insert(campaignStages).values(STAGES.map((s, i) => ({ districtId: o.districtId, campaignId: id, ordinal: i + 1, name: s.name, startDate: shift(s.start), endDate: shift(s.end), due: s.due })));
  const selfCheckDue = cn(shift(STAGES[0]!.end));
  const rows = [
    { kind: 'task' as const, group: '一、自查自改', requirement: '指导生产经营单位按照安全生产重点任务提示清单（附件2）要求开展自查自改，及时研究解决突出重大问题，推动隐患整改闭环。', deadline: selfCheckDue },
    { kind: 'task' as const, group: '二、信息报送', requirement: '每月14日和月底分别报送科室、村居秋冬季安全生产大排查情况汇总表（附件3、附件4）。', deadline: '每月14日和月底' },
    { kind: 'task' as const, group: '三、巩固提升', requirement: '及时进行总结，提炼推广经验做法，健全长效机制，巩固专项行动成果。', deadline: cn(shift(STAGES[2]!.end)) },
    ...DASHENG_SELF_CHECK.map((s) => ({ kind: 'self_check' as const, group: `自查重点事项：${s.group}`, requirement: s.content, deadline: selfCheckDue })),
  ];
  const tasks = rows.map((r, i) => ({
    id: randomUUID(), districtId: o.districtId, campaignId: id, kind: r.kind, ordinal: i + 1, number: String(i + 1), groupName: r.group, action: '',
    requirement: r.requirement, unitsText: '各科室、村居', deadlineText: r.deadline, deadlineRule: parseDeadline(r.deadline, period),
    rowKey: `demo-${i + 1}`, createdAt: publishedAt, updatedAt: publishedAt,
  }));
  await tx.insert(campaignTasks).values(tasks);
  const assignments = tasks.flatMap((t) => o.units.map((u) => ({ taskId: t.id, unitId: u.id })));
  for (let i = 0; i < assignments.length; i += 500) {
    await tx.insert(campaignTaskUnits).values(assignments.slice(i, i + 500).map((a) => ({ ...a, districtId: o.districtId, campaignId: id, lead: true, assignedAt: publishedAt })));
  }
  const progress = await fillProgress(tx, rand, { id, districtId: o.districtId, periodStart: period.start, periodEnd: period.end, reportCycleText: '每月14日和月底', publishedDay: period.start },
    tasks, assignments, { filerOf: o.filerOf, office: o.office }, o.today, { confirmed: 0.66, submitted: 0.12, returned: 0.07, returnedOnce: 0.08, urged: 0.6 });
  return { campaignId: id, tasks: tasks.length, days: daysBetween(period.start, period.end), ...progress };
}
