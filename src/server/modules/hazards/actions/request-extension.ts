// 申请延期: a new due date asked for, decided by the supervising side; the old one stays on record.
import { extensionDateRefusal } from '../../../../domain/hazards/hazard-assignment.ts';
import { invalid } from '../../../http/errors.ts';
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const requestExtension: HazardHandler<'request_extension'> = {
  async run({ tx, actor, row: h, body, now, today }) {
    const dateProblem = extensionDateRefusal(body.newDueDate, h.dueDate, today);
    if (dateProblem) throw invalid({ newDueDate: [dateProblem] }, dateProblem);
    const ext = await repo.insertExtension(tx, {
      districtId: h.districtId, hazardId: h.id, oldDueDate: h.dueDate, newDueDate: body.newDueDate, reason: body.reason,
      status: 'pending', requestedBy: actor.userId, requestedAt: now,
    });
    return {
      set: { pendingExtensionId: ext.id },
      event: { note: `申请延期至${body.newDueDate}：${body.reason}`, data: { extensionId: ext.id, oldDueDate: h.dueDate, newDueDate: body.newDueDate } },
    };
  },
};
