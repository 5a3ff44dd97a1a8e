import { useMutation } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';

/** Uploads a ledger workbook; the server checks every row and writes nothing yet. */
export function previewHazardImport(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api(hazardRoutes.importPreview, { body });
}

export function usePreviewHazardImport() {
  return useMutation({ mutationFn: previewHazardImport });
}
