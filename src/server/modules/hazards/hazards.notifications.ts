// Who is told of what happens to a hazard: the unit that must act next, the enterprise that
// rectifies, or the unit whose request was decided. Written to the outbox in the action's (or the
// report's) transaction; the notifications module delivers them.
import type { THazardActionRequest } from '../../../contract/hazards.ts';
import type { HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import type { NotificationKind } from '../../../domain/notifications/notifications.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import type { NotificationInput } from '../notifications/index.ts';
import * as repo from './hazards.repository.ts';

type HazardNotice = Pick<repo.HazardRow, 'id' | 'districtId' | 'number' | 'description' | 'responsibleUnitId' | 'enterpriseId' | 'level' | 'dueDate'>;

const short = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);

function notice(h: HazardNotice, actor: Actor, kind: NotificationKind, body: string, audience: NotificationInput['audience']): NotificationInput {
  return {
    districtId: h.districtId, kind, title: `${h.number} ${short(h.description)}`, body: `${actor.unitName} ${actor.displayName}：${body}`,
    href: `/hazards/${h.id}`, entity: { type: 'hazard', id: h.id }, audience, actorId: actor.userId,
  };
}

const unitAndEnterprise = (h: HazardNotice) => ({ unitIds: [h.responsibleUnitId], enterpriseIds: [h.enterpriseId] });

/** A new hazard is the responsible unit's and, unless it was fixed on the spot, its enterprise's to rectify. */
export function hazardReportedNotices(h: HazardNotice & { status: HazardStatus }, actor: Actor): NotificationInput[] {
  const due = h.dueDate ? `，整改期限 ${h.dueDate}` : '';
  if (h.status === 'awaiting_verification') return [notice(h, actor, 'hazard.rectification_reported', '即查即改，待验收', { unitIds: [h.responsibleUnitId] })];
  return [notice(h, actor, 'hazard.assigned', `报告了一条${h.level === 'major' ? '重大' : '一般'}隐患${due}`, unitAndEnterprise(h))];
}

/** The notices of one action of the loop (called by the kernel inside the action's transaction). */
export async function hazardActionNotices(c: { tx: Tx; actor: Actor; row: repo.HazardRow; body: THazardActionRequest; to: HazardStatus }): Promise<NotificationInput[]> {
  const { tx, actor, row: h, body } = c;
  switch (body.action) {
    case 'transfer':
      return [notice(h, actor, 'hazard.transfer_requested', `申请移交至本单位：${body.reason}`, { unitIds: [body.toUnitId] })];
    case 'decide_transfer': {
      const t = h.pendingTransferId ? await repo.findTransfer(tx, h.pendingTransferId) : null;
      if (!t) return [];
      return body.accept
        ? [notice(h, actor, 'hazard.transfer_accepted', '已接收移交', { unitIds: [t.fromUnitId] })]
        : [notice(h, actor, 'hazard.transfer_returned', `退回移交${body.reason ? `：${body.reason}` : ''}`, { unitIds: [t.fromUnitId] })];
    }
    case 'verify_fail':
      return [notice(h, actor, 'hazard.verify_failed', `验收未通过：${body.reason}`, unitAndEnterprise(h))];
    case 'recheck_reopen':
      return [notice(h, actor, 'hazard.reopened', `回头看发现问题，重新整改：${body.reason}`, unitAndEnterprise(h))];
    case 'report_rectification':
      return [notice(h, actor, 'hazard.rectification_reported', '报告整改完成，请验收', { unitIds: [h.responsibleUnitId] })];
    case 'submit_plan':
      // A major hazard's plan waits for the supervising department's acceptance.
      return h.level === 'major' ? [notice(h, actor, 'hazard.plan_submitted', '提交了整改方案，请审核', { unitIds: [h.responsibleUnitId] })] : [];
    case 'request_extension':
      return [notice(h, actor, 'hazard.extension_requested', `申请延期至 ${body.newDueDate}：${body.reason}`, { unitIds: [h.responsibleUnitId] })];
    case 'decide_extension':
      return [notice(h, actor, 'hazard.extension_decided', body.approve ? '批准了延期申请' : '驳回了延期申请', unitAndEnterprise(h))];
    case 'list':
      return [notice(h, actor, 'hazard.listed', `挂牌督办（${body.documentNo}，督办领导 ${body.leaderName}）`, unitAndEnterprise(h))];
    default:
      return [];
  }
}
