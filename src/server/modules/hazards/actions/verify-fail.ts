// 验收不通过: back to rectifying, with the reason.
import type { HazardHandler } from './hazard-action.ts';

export const verifyFail: HazardHandler<'verify_fail'> = {
  input: ({ body }) => ({ action: 'verify_fail', reason: body.reason }),
  run: async ({ body }) => ({ event: { note: body.reason } }),
};
