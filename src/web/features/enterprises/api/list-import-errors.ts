import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/** A page of the problems a preview found (the preview itself answers the first ones). */
export function listImportErrors(batchId: string, page: number, pageSize: number) {
  return api(enterpriseRoutes.importErrors, { params: { batchId }, query: { page, pageSize } });
}
