// 移送: the responsible unit hands the hazard up (village → township department → district
// department); it stays responsible until the receiving unit accepts.
import { TRANSFER_TARGET_MESSAGE, isTransferTarget } from '../../../../domain/hazards/hazard-assignment.ts';
import { invalid } from '../../../http/errors.ts';
import * as repo from '../hazards.repository.ts';
import type { HazardHandler } from './hazard-action.ts';

export const transfer: HazardHandler<'transfer'> = {
  async run({ tx, actor, row: h, body, now }) {
    const target = await repo.findUnitRow(tx, body.toUnitId);
    const from = await repo.findUnitRow(tx, h.responsibleUnitId);
    if (!from || !target || target.districtId !== h.districtId || !isTransferTarget(from, target, h)) {
      throw invalid({ toUnitId: [from ? TRANSFER_TARGET_MESSAGE(from) : '只能移送给上级部门'] });
    }
    const t = await repo.insertTransfer(tx, {
      districtId: h.districtId, hazardId: h.id, fromUnitId: h.responsibleUnitId, toUnitId: target.id, reason: body.reason,
      status: 'pending', requestedBy: actor.userId, requestedAt: now,
    });
    return { set: { pendingTransferId: t.id }, event: { note: `移送${target.name}：${body.reason}`, data: { transferId: t.id, toUnitId: target.id } } };
  },
};
