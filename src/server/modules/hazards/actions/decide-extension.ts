// 延期审批: approved moves the due date; either way the request and its decision stay on record.
import { conflict } from '../../../http/errors.ts';
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const decideExtension: HazardHandler<'decide_extension'> = {
  async run({ tx, actor, row: h, body, now }) {
    const ext = h.pendingExtensionId ? await repo.findExtension(tx, h.pendingExtensionId) : null;
    if (!ext) throw conflict('没有待审批的延期申请');
    await repo.decideExtension(tx, ext.id, { status: body.approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: body.note ?? null });
    return {
      set: { pendingExtensionId: null, ...(body.approve ? { dueDate: ext.newDueDate } : {}) },
      event: {
        action: body.approve ? 'approve_extension' : 'reject_extension', note: body.note ?? null,
        data: { extensionId: ext.id, oldDueDate: ext.oldDueDate, newDueDate: ext.newDueDate },
      },
    };
  },
};
