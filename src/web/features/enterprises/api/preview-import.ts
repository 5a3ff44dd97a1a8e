import { useMutation } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/** Uploads the workbook; the server checks every row and writes nothing yet. */
export function previewImport(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api(enterpriseRoutes.importPreview, { body });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}
