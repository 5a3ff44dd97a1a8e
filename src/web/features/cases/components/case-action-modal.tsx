// The modal of a case's actions: the shared action-modal shell with the case's form registry.
import { CaseActionRequest } from '../../../../contract/cases.ts';
import { CASE_SIDE_ACTION_LABELS, type CaseAllowedAction } from '../../../../domain/enforcement/case-policy.ts';
import { CASE_ACTION_LABELS } from '../../../../domain/enforcement/enforcement.ts';
import { ActionModal } from '../../../components/action-modal.tsx';
import { useActOnCase } from '../api/act-on-case.ts';
import type { CaseActionBody, CaseDetailData } from '../api/keys.ts';
import { CASE_ACTION_FORMS, type CaseFormAction } from './action-forms/registry.ts';

export const CASE_ACTION_TITLES: Record<CaseAllowedAction, string> = { ...CASE_ACTION_LABELS, ...CASE_SIDE_ACTION_LABELS };

export function CaseActionModal({ c, action, onClose }: { c: CaseDetailData; action: CaseFormAction | null; onClose: () => void }) {
  const act = useActOnCase();
  return (
    <ActionModal<CaseDetailData, CaseActionBody, undefined>
      record={c}
      action={action && { name: action, label: CASE_ACTION_TITLES[action], definition: CASE_ACTION_FORMS[action] }}
      context={undefined}
      schema={CaseActionRequest}
      send={(body) => act.mutateAsync({ id: c.id, body })}
      sending={act.isPending}
      testIdPrefix="case-action"
      okText="确定"
      onClose={onClose}
    />
  );
}
