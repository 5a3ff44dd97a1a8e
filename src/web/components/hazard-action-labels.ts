// Names of what can be done to a hazard, shared by the ledger (buttons, modals, timeline)
// and the audit log (hazard.<action>): the contract's, from the domain's labels.
import { HAZARD_WORKFLOW_ACTION_LABELS, type HAZARD_WORKFLOW_ACTIONS } from '../../contract/hazards.ts';

/** An action a person takes on a hazard through its action endpoint (what allowedActions offers, but 立案). */
export type AllowedAction = (typeof HAZARD_WORKFLOW_ACTIONS)[number];

/** Every workflow action a user may take on a hazard, by name. */
export const ACTION_LABELS: Record<AllowedAction, string> = HAZARD_WORKFLOW_ACTION_LABELS;
