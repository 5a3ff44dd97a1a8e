import type { RouteQuery } from '../../../../contract/route.ts';
import type { enterpriseRoutes } from '../../../../contract/enterprises.ts';

export type EnterpriseListQuery = RouteQuery<typeof enterpriseRoutes.list>;
export type EnterpriseFilterQuery = RouteQuery<typeof enterpriseRoutes.exportXlsx>;

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  lists: () => ['enterprises', 'list'] as const,
  list: (query: EnterpriseListQuery) => ['enterprises', 'list', query] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
};
