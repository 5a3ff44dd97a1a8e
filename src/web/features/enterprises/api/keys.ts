import type { RouteQuery } from '../../../../contract/route.ts';
import type { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type EnterpriseListQuery = RouteQuery<typeof enterpriseRoutes.list>;
export type EnterpriseFilterQuery = RouteQuery<typeof enterpriseRoutes.exportXlsx>;

export const enterpriseKeys = recordKeys<EnterpriseListQuery>('enterprises');
