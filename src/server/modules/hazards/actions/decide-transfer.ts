// 接收或退回移送: accepting moves responsibility to the receiving unit; returning needs a reason.
import { transferDecisionRefusal } from '../../../../domain/hazards/hazard-assignment.ts';
import { conflict, invalid } from '../../../http/errors.ts';
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const decideTransfer: HazardHandler<'decide_transfer'> = {
  async run({ tx, actor, row: h, body, now }) {
    const t = h.pendingTransferId ? await repo.findTransfer(tx, h.pendingTransferId) : null;
    if (!t) throw conflict('没有待接收的移送');
    const reasonProblem = transferDecisionRefusal(body.accept, body.reason);
    if (reasonProblem) throw invalid({ reason: [reasonProblem] });
    await repo.decideTransfer(tx, t.id, { status: body.accept ? 'accepted' : 'returned', decidedBy: actor.userId, decidedAt: now, decisionReason: body.reason ?? null });
    return {
      set: body.accept ? { pendingTransferId: null, responsibleUnitId: t.toUnitId, transferCount: h.transferCount + 1 } : { pendingTransferId: null },
      event: { action: body.accept ? 'accept_transfer' : 'return_transfer', note: body.reason ?? null, data: { transferId: t.id } },
    };
  },
};
