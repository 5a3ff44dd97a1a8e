// What the product tells people, as data: the kinds of notification with their Chinese labels,
// the group-robot message a district's 企业微信/政务微信 group receives, and how a failed delivery
// is retried. Pure: the server writes, dispatches and sends (modules/notifications).

export const NOTIFICATION_KINDS = [
  'hazard.assigned', 'hazard.transfer_requested', 'hazard.transfer_returned', 'hazard.transfer_accepted',
  'hazard.verify_failed', 'hazard.reopened', 'hazard.plan_submitted', 'hazard.rectification_reported',
  'hazard.extension_requested', 'hazard.extension_decided', 'hazard.listed',
  'hazard.due_soon', 'hazard.overdue',
  'inspection.awaiting_signature',
  'case.step',
  'campaign.published', 'campaign.report_filed', 'campaign.report_confirmed', 'campaign.report_returned', 'campaign.urged',
  'campaign.due_soon', 'campaign.overdue',
  'report.submit', 'report.approve', 'report.return', 'report.excuse', 'report.reopen', 'report.due_soon', 'report.overdue',
  'finding.created', 'finding.answered', 'finding.accepted', 'finding.returned', 'finding.withdrawn', 'finding.due_soon', 'finding.overdue', 'leadership.due_soon', 'leadership.overdue',
  'tip.received', 'tip.assigned', 'tip.due_soon', 'tip.overdue', 'reward.proposed', 'reward.approved', 'reward.rejected', 'reward.claimed',
  'drill.due_soon', 'drill.missed',
  'system.backup_failed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'hazard.assigned': '新隐患交办',
  'hazard.transfer_requested': '隐患移交待接收',
  'hazard.transfer_returned': '隐患移交被退回',
  'hazard.transfer_accepted': '隐患移交已接收',
  'hazard.verify_failed': '验收未通过',
  'hazard.reopened': '回头看发现问题',
  'hazard.plan_submitted': '整改方案待审核',
  'hazard.rectification_reported': '整改完成待验收',
  'hazard.extension_requested': '延期申请待审批',
  'hazard.extension_decided': '延期申请已审批',
  'hazard.listed': '隐患挂牌督办',
  'hazard.due_soon': '隐患即将到期',
  'hazard.overdue': '隐患已逾期',
  'inspection.awaiting_signature': '检查记录待签名',
  'case.step': '执法案件进展',
  'campaign.published': '专项行动任务下达',
  'campaign.report_filed': '落实情况待确认',
  'campaign.report_confirmed': '落实情况已确认',
  'campaign.report_returned': '落实情况被退回',
  'campaign.urged': '任务催办',
  'campaign.due_soon': '专项行动任务即将到期',
  'campaign.overdue': '专项行动任务已逾期',
  'report.submit': '报表待审核',
  'report.approve': '报表已审核',
  'report.return': '报表被退回',
  'report.excuse': '报表免报',
  'report.reopen': '报表已重新开放',
  'report.due_soon': '报表即将到期',
  'report.overdue': '报表已逾期未报',
  'finding.created': '督导检查发现问题待整改',
  'finding.answered': '督导问题整改待验收',
  'finding.accepted': '督导问题已验收销号',
  'finding.returned': '督导问题整改被退回',
  'finding.withdrawn': '督导问题已撤回',
  'finding.due_soon': '督导问题即将到期',
  'finding.overdue': '督导问题已逾期',
  'tip.received': '收到群众举报',
  'tip.assigned': '群众举报请核查',
  'tip.due_soon': '群众举报即将超过核查时限',
  'tip.overdue': '群众举报已超过核查时限',
  'reward.proposed': '举报奖励待审批',
  'reward.approved': '举报奖励已批准',
  'reward.rejected': '举报奖励未获批准',
  'reward.claimed': '举报人申领奖励',
  'leadership.due_soon': '领导活动本期即将到期',
  'leadership.overdue': '领导活动上期未完成',
  'drill.due_soon': '演练/培训本期即将到期',
  'drill.missed': '演练/培训上期未完成',
  'system.backup_failed': '每日备份失败',
};

/** Reminders are about deadlines: the same kind is sent again only for a new deadline. */
export const reminderKey = (kind: 'hazard.due_soon' | 'hazard.overdue', hazardId: string, dueDate: string) => `${kind}:${hazardId}:${dueDate}`;

/** The message a 企业微信/政务微信 group robot accepts (msgtype markdown; the same on both). */
export function groupRobotMessage(n: { kind: NotificationKind; title: string; body?: string | null; link?: string | null }): {
  msgtype: 'markdown'; markdown: { content: string };
} {
  const lines = [`**【${NOTIFICATION_KIND_LABELS[n.kind]}】${n.title}**`];
  if (n.body) lines.push(`> ${n.body.replace(/\n/g, '\n> ')}`);
  if (n.link) lines.push(`[查看详情](${n.link})`);
  // The robot refuses content over 4096 bytes; Chinese is 3 bytes a character in UTF-8.
  let content = lines.join('\n');
  const bytes = (t: string) => new TextEncoder().encode(t).length;
  while (bytes(content) > 4000) content = `${content.slice(0, Math.floor(content.length * 0.9))}…`;
  return { msgtype: 'markdown', markdown: { content } };
}

/** A delivery is tried this many times in all before it is marked failed. */
export const WEBHOOK_MAX_ATTEMPTS = 6;
const BACKOFF_SECONDS = [30, 120, 600, 1800, 3600];

/** When to try again after `attempts` failed tries, or null when it has had all its tries. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const s = BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)] ?? 30;
  return new Date(now.getTime() + s * 1000);
}

/** Whether the robot's answer says it took the message: HTTP 2xx and errcode 0 (or none). */
export function robotAccepted(status: number, body: unknown): { ok: true } | { ok: false; error: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` };
  if (body && typeof body === 'object' && 'errcode' in body) {
    const b = body as { errcode: unknown; errmsg?: unknown };
    if (b.errcode !== 0) return { ok: false, error: `errcode ${String(b.errcode)}: ${String(b.errmsg ?? '')}`.slice(0, 500) };
  }
  return { ok: true };
}
