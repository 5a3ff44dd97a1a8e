// 作废: the hazard leaves the figures, nothing is deleted; pending requests are settled.
import type { HazardHandler } from './hazard-action.ts';
import { settlePending } from './settle-pending.ts';

export const voidHazard: HazardHandler<'void'> = {
  input: ({ body }) => ({ action: 'void', reason: body.reason }),
  async run(c) {
    const settled = await settlePending(c, '隐患已作废');
    return { set: { voidedAt: c.now, voidReason: c.body.reason, ...settled }, event: { note: c.body.reason } };
  },
};
