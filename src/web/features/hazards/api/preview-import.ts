import { useMutation } from '@tanstack/react-query';
import type { TImportMappingInput } from '../../../../contract/enterprises.ts';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';

/**
 * Uploads the workbook; the server checks every row and writes nothing yet. `mapping`: the person's
 * choices of columns and values (sent before the file, so the server reads them first).
 */
export function previewHazardImport(file: File, mapping?: TImportMappingInput) {
  const body = new FormData();
  if (mapping) body.append('mapping', JSON.stringify(mapping));
  body.append('file', file, file.name);
  return api(hazardRoutes.importPreview, { body });
}

export function usePreviewHazardImport() {
  return useMutation({ mutationFn: (file: File) => previewHazardImport(file) });
}

/** The same file again, read with the person's choices. */
export function useRemapHazardImport() {
  return useMutation({ mutationFn: ({ file, mapping }: { file: File; mapping: TImportMappingInput }) => previewHazardImport(file, mapping) });
}
