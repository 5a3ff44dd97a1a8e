// 双报告: a major hazard's discovery or rectification reported to the department or the government.
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const recordDualReport: HazardHandler<'record_dual_report'> = {
  async run({ tx, actor, row: h, body, now }) {
    await repo.insertReport(tx, {
      districtId: h.districtId, hazardId: h.id, kind: body.kind, recipient: body.recipient, reportedAt: new Date(body.reportedAt),
      reportedBy: body.reportedBy, reportedTo: body.reportedTo, method: body.method, createdBy: actor.userId, createdAt: now,
    });
    return { event: { note: `${body.reportedBy} → ${body.reportedTo}（${body.method}）`, data: { kind: body.kind, recipient: body.recipient } } };
  },
};
