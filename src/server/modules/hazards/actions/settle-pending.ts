// A hazard that is closed or voided settles the requests still waiting on it: a pending extension
// is rejected and a pending transfer returned, each with its own timeline event.
import type { HazardStatus } from '../../../../domain/hazards/hazard-machine.ts';
import type { Actor } from '../../../http/actor.ts';
import type { Tx } from '../../../db/client.ts';
import type { RecordEventInput } from '../../../kernel/record-events.ts';
import * as repo from '../hazards.repository.ts';

export async function settlePending(
  c: { tx: Tx; actor: Actor; now: Date; row: repo.HazardRow; emit: (e: RecordEventInput) => Promise<void> },
  why: string,
): Promise<{ pendingExtensionId: null; pendingTransferId: null }> {
  const { tx, actor, now, row: h } = c;
  const status: HazardStatus = h.status;
  if (h.pendingExtensionId) {
    const note = `${why}，延期申请自动失效`;
    await repo.decideExtension(tx, h.pendingExtensionId, { status: 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: note });
    await c.emit({ action: 'reject_extension', from: status, to: status, note, data: { extensionId: h.pendingExtensionId } });
  }
  if (h.pendingTransferId) {
    const reason = `${why}，移送自动撤回`;
    await repo.decideTransfer(tx, h.pendingTransferId, { status: 'returned', decidedBy: actor.userId, decidedAt: now, decisionReason: reason });
    await c.emit({ action: 'return_transfer', from: status, to: status, note: reason, data: { transferId: h.pendingTransferId } });
  }
  return { pendingExtensionId: null, pendingTransferId: null };
}
