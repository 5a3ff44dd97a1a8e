import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { type AnswerSaveBody, inspectionKeys } from './keys.ts';

/** One item's answer, all of it (photos included): the server answers with the whole record. */
export const saveInspectionAnswer = ({ id, itemKey, body }: { id: string; itemKey: string; body: AnswerSaveBody }) =>
  api(inspectionRoutes.saveAnswer, { params: { id, itemKey }, body });

export function useSaveInspectionAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveInspectionAnswer,
    onSuccess: (d) => {
      queryClient.setQueryData(inspectionKeys.detail(d.id), d);
      // Lists show the failed count of drafts too; refresh them when next shown.
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.lists(), refetchType: 'none' });
    },
  });
}
