import { useMutation } from '@tanstack/react-query';
import type { TImportMappingInput } from '../../../../contract/enterprises.ts';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/**
 * Uploads the workbook; the server checks every row and writes nothing yet. `mapping`: the person's
 * choices of columns and values (sent before the file, so the server reads them first).
 */
export function previewImport(file: File, mapping?: TImportMappingInput) {
  const body = new FormData();
  if (mapping) body.append('mapping', JSON.stringify(mapping));
  body.append('file', file, file.name);
  return api(enterpriseRoutes.importPreview, { body });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: (file: File) => previewImport(file) });
}

/** The same file again, read with the person's choices. */
export function useRemapImport() {
  return useMutation({ mutationFn: ({ file, mapping }: { file: File; mapping: TImportMappingInput }) => previewImport(file, mapping) });
}
