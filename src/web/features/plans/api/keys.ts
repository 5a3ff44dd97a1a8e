import type { planRoutes } from '../../../../contract/plans.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type PlanListQuery = RouteQuery<typeof planRoutes.list>;
export type PlanCreateBody = RouteBody<typeof planRoutes.create>;
export type PlanDetailData = RouteResponse<typeof planRoutes.get>;
export type EntryListQuery = RouteQuery<typeof planRoutes.entries>;
export type EntryCreateBody = RouteBody<typeof planRoutes.addEntry>;

/** Every plan query starts with 'plans': an entry change refreshes the plan's figures too. */
export const planKeys = {
  all: ['plans'] as const,
  list: (q: PlanListQuery) => ['plans', 'list', q] as const,
  plan: (id: string) => ['plans', 'plan', id] as const,
  detail: (id: string) => ['plans', 'plan', id, 'detail'] as const,
  entries: (id: string, q: EntryListQuery) => ['plans', 'plan', id, 'entries', q] as const,
  keyUncovered: (id: string, page: number) => ['plans', 'plan', id, 'key-uncovered', page] as const,
};
