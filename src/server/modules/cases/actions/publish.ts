// 公布为典型执法案例 (with the 危险作业罪 flag the forms count); the guard refuses it before a decision.
import type { CaseHandler } from './case-action.ts';

export const publish: CaseHandler<'publish'> = {
  run: async ({ body, now }) => ({
    set: { published: true, publishedAt: now, publicationSummary: body.publicationSummary, dangerousOperationCrime: body.dangerousOperationCrime },
    event: { note: body.publicationSummary, data: { dangerousOperationCrime: body.dangerousOperationCrime } },
  }),
};
