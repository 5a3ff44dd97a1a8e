// 回头看重新整改: a closed hazard reopens; its close-out signature no longer holds.
import type { HazardHandler } from './hazard-action.ts';

export const recheckReopen: HazardHandler<'recheck_reopen'> = {
  input: ({ body }) => ({ action: 'recheck_reopen', reason: body.reason }),
  run: async ({ row: h, body }) => ({
    set: { closedAt: null, reopenCount: h.reopenCount + 1, signatureHash: null, verifierName: null, verifiedBy: null },
    event: { note: body.reason },
  }),
};
