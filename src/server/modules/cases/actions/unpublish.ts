// 撤回公布.
import type { CaseHandler } from './case-action.ts';

export const unpublish: CaseHandler<'unpublish'> = {
  run: async () => ({ set: { published: false, publishedAt: null } }),
};
