import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';

/** A page of the problems a preview found (the preview itself answers the first ones). */
export function listImportErrors(batchId: string, page: number, pageSize: number) {
  return api(hazardRoutes.importErrors, { params: { batchId }, query: { page, pageSize } });
}
