import type { RouteQuery } from '../../../../contract/route.ts';
import type { enterpriseRoutes } from '../../../../contract/enterprises.ts';

export { type EnterpriseListQuery, enterpriseKeys } from '../../../reference-data/get-enterprise.ts';
export type EnterpriseFilterQuery = RouteQuery<typeof enterpriseRoutes.exportXlsx>;
