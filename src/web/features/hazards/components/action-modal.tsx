// The modal of a hazard's actions: the shared action-modal shell with the hazard's form registry.
import { HazardActionRequest } from '../../../../contract/hazards.ts';
import { ActionModal } from '../../../components/action-modal.tsx';
import { useCurrentUser } from '../../../lib/auth.ts';
import { useActOnHazard } from '../api/act-on-hazard.ts';
import type { HazardActionBody, HazardDetailData } from '../api/keys.ts';
import { HAZARD_ACTION_FORMS, type HazardFormAction } from './action-forms/registry.ts';
import type { HazardFormContext } from './action-forms/types.ts';
import { ACTION_LABELS, type ActionPreset } from './labels.ts';

export function HazardActionModal({
  hazard, action, preset = {}, onClose,
}: {
  hazard: HazardDetailData;
  action: HazardFormAction | null;
  preset?: ActionPreset;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const act = useActOnHazard();
  return (
    <ActionModal<HazardDetailData, HazardActionBody, HazardFormContext>
      record={hazard}
      action={action && { name: action, label: ACTION_LABELS[action], definition: HAZARD_ACTION_FORMS[action] }}
      context={{ me, preset }}
      schema={HazardActionRequest}
      send={(body) => act.mutateAsync({ id: hazard.id, body })}
      sending={act.isPending}
      testIdPrefix="hazard-action"
      okText="提交"
      // The plan's fields come back as "plan.owner" and the like.
      fieldKey={(key) => key.replace(/^plan\./, '')}
      onClose={onClose}
    />
  );
}
