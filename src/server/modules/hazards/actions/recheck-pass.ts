// 回头看通过: the closed hazard stays closed, the recheck is on record.
import type { HazardHandler } from './hazard-action.ts';

export const recheckPass: HazardHandler<'recheck_pass'> = {
  input: ({ body }) => ({ action: 'recheck_pass', note: body.note }),
  run: async ({ body }) => ({ event: { note: body.note } }),
};
