import { useMutation } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';

/** Uploads a template workbook; the server checks it and writes nothing yet. */
export function previewChecklistImport(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api(checklistRoutes.importPreview, { body });
}

export function usePreviewChecklistImport() {
  return useMutation({ mutationFn: previewChecklistImport });
}
