// The demo's 工作落实情况: for each occurrence of a published campaign, what its unit did, as a
// township's units do it: most report on time and are confirmed, some are returned once and report
// again, some wait for confirmation, some never report (and are urged). Rows are written directly,
// with their timeline events, like the rest of the demo; occurrences come from the same domain
// expansion the server uses.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiDayStart } from '../../domain/common/dates.ts';
import { expandDeadline, parseDeadline, type DeadlineRule } from '../../domain/campaigns/deadline-rule/index.ts';
import { taskDues } from '../../domain/campaigns/occurrences.ts';
import type { Tx } from '../../server/db/client.ts';
import { occurrenceUrges, progressReports, recordEvents } from '../../server/db/schema/index.ts';
import type { Rand } from './prng.ts';

export interface ProgressCampaign {
  id: string;
  districtId: string;
  periodStart: string;
  periodEnd: string;
  reportCycleText: string;
  publishedDay: string;
}
export interface ProgressTask { id: string; requirement: string; deadlineRule: unknown }
export interface ProgressPeople {
  /** A user of each unit who files (none: the unit's reports are filed by nobody we know; skipped). */
  filerOf: (unitId: string) => { id: string; name: string; unitName: string } | undefined;
  office: { id: string; name: string; unitName: string };
}
export interface ProgressMix {
  /** Of the occurrences due before today: shares reported-and-confirmed, awaiting, returned (not refiled), never reported. */
  confirmed: number;
  submitted: number;
  returned: number;
  /** Of the confirmed: the share that was returned once first. */
  returnedOnce: number;
  /** Of those never reported: the share the office urged. */
  urged: number;
}

const TEXTS = [
  '已按要求组织开展，形成工作台账，相关材料已归档。',
  '已召开专题会议部署，逐项明确责任人和完成时限，现已全部落实。',
  '已完成辖区内排查，建立问题清单，能立即整改的已当场整改，其余已明确整改措施和期限。',
  '已对照要求开展自查，发现问题已整改完毕，并组织了回头看。',
  '已组织专题学习和培训，参训人员签到表及照片已留存。',
];
const RETURN_REASONS = ['请补充具体数据（检查单位数、发现问题数）', '请附相关佐证材料', '落实情况过于笼统，请写明具体做法'];
const at = (day: string, hour: number) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000);

export async function fillProgress(tx: Tx, rand: Rand, c: ProgressCampaign, tasks: readonly ProgressTask[], assignments: readonly { taskId: string; unitId: string }[], people: ProgressPeople, today: string, mix: ProgressMix) {
  const period = { start: c.periodStart, end: c.periodEnd };
  const cycle = expandDeadline(parseDeadline(c.reportCycleText, period), period);
  const reports: (typeof progressReports.$inferInsert)[] = [];
  const events: (typeof recordEvents.$inferInsert)[] = [];
  const urges: (typeof occurrenceUrges.$inferInsert)[] = [];
  const acks = new Map<string, { at: Date; by: string }>();
  for (const t of tasks) {
    const rule = t.deadlineRule as DeadlineRule;
    const dues = taskDues(rule.kind, expandDeadline(rule, period), cycle);
    for (const a of assignments.filter((x) => x.taskId === t.id)) {
      const filer = people.filerOf(a.unitId);
      // Most units acknowledge within a day of publication; a few late, a few never.
      const ackRoll = rand.next();
      if (filer && ackRoll < 0.93) acks.set(`${t.id}|${a.unitId}`, { at: at(addDays(c.publishedDay, ackRoll < 0.85 ? 1 : rand.int(3, 6)), 10), by: filer.id });
      for (const d of dues) {
        if (!filer || d.due > addDays(today, 10)) continue;
        // Due in the coming days: a few units have reported early (one was returned), the rest still owe.
        const early = d.due >= today;
        const roll = rand.next();
        const outcome = early
          ? (roll < 0.25 ? 'submitted' : roll < 0.4 ? 'returned' : 'none')
          : roll < mix.confirmed ? 'confirmed' : roll < mix.confirmed + mix.submitted ? 'submitted' : roll < mix.confirmed + mix.submitted + mix.returned ? 'returned' : 'none';
        const base = { districtId: c.districtId, campaignId: c.id, taskId: t.id, unitId: a.unitId, due: d.due, inspectionIds: [] as string[] };
        const latest = early ? addDays(today, -1) : d.due;
        const filedDay = addDays(latest, -rand.int(0, 3)) < d.from ? d.from : addDays(latest, -rand.int(0, 3));
        const filed = at(filedDay, rand.int(9, 17));
        const file = (revision: number, when: Date, status: 'submitted' | 'confirmed' | 'returned', review?: { at: Date; reason?: string }) => {
          const id = randomUUID();
          // Filing answers the task: a unit that reports has acknowledged it by then.
          const ackKey = `${t.id}|${a.unitId}`;
          const acked = acks.get(ackKey);
          if (!acked || acked.at > when) acks.set(ackKey, { at: when, by: filer.id });
          reports.push({
            ...base, id, revision, status, text: rand.pick(TEXTS), filedBy: filer.id, filedAt: when, createdAt: when, updatedAt: review?.at ?? when,
            reviewedBy: review ? people.office.id : null, reviewedAt: review?.at ?? null, reviewReason: review?.reason ?? null, version: review ? 2 : 1,
          });
          events.push({ districtId: c.districtId, entityType: 'progress_report', entityId: id, at: when, actorId: filer.id, actorName: filer.name, actorUnitName: filer.unitName, action: 'file', fromStatus: null, toStatus: 'submitted' });
          if (review) {
            events.push({
              districtId: c.districtId, entityType: 'progress_report', entityId: id, at: review.at, actorId: people.office.id, actorName: people.office.name,
              actorUnitName: people.office.unitName, action: status === 'returned' ? 'return' : 'confirm', fromStatus: 'submitted', toStatus: status, note: review.reason ?? null,
            });
          }
        };
        const reviewAt = (when: Date, days: number) => new Date(Math.min(when.getTime() + days * 86400_000, at(today, 8).getTime()));
        if (outcome === 'confirmed') {
          if (rand.chance(mix.returnedOnce)) {
            file(1, filed, 'returned', { at: reviewAt(filed, 1), reason: rand.pick(RETURN_REASONS) });
            const again = reviewAt(filed, 2);
            file(2, again, 'confirmed', { at: reviewAt(again, 1) });
          } else {
            file(1, filed, 'confirmed', { at: reviewAt(filed, rand.int(1, 3)) });
          }
        } else if (outcome === 'submitted') {
          file(1, filed, 'submitted');
        } else if (outcome === 'returned') {
          file(1, filed, 'returned', { at: reviewAt(filed, 1), reason: rand.pick(RETURN_REASONS) });
        } else if (!early && rand.chance(mix.urged)) {
          urges.push({ ...base, note: '请尽快报送落实情况', byId: people.office.id, byName: people.office.name, at: at(addDays(d.due, 1), 9) });
        }
      }
    }
  }
  for (let i = 0; i < reports.length; i += 300) await tx.insert(progressReports).values(reports.slice(i, i + 300));
  for (let i = 0; i < events.length; i += 300) await tx.insert(recordEvents).values(events.slice(i, i + 300));
  if (urges.length) await tx.insert(occurrenceUrges).values(urges);
  // One statement for every acknowledgment.
  const ackRows = [...acks].map(([key, when]) => {
    const [taskId, unitId] = key.split('|') as [string, string];
    return sql`(${taskId}::uuid, ${unitId}::uuid, ${when.at.toISOString()}::timestamptz, ${when.by}::uuid)`;
  });
  for (let i = 0; i < ackRows.length; i += 500) {
    await tx.execute(sql`update campaign_task_units u set acknowledged_at = v.at, acknowledged_by = v.by
      from (values ${sql.join(ackRows.slice(i, i + 500), sql`, `)}) as v(task_id, unit_id, at, by) where u.task_id = v.task_id and u.unit_id = v.unit_id`);
  }
  return { reports: reports.length, urges: urges.length };
}
