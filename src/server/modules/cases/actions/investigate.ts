// 开始调查.
import type { CaseHandler } from './case-action.ts';

export const investigate: CaseHandler<'investigate'> = {
  run: async ({ body }) => ({ event: { note: body.note } }),
};
