// The type of a hazard action's form (one file per action here, gathered in registry.ts) and the
// small helpers the forms share.
import type { Dayjs } from 'dayjs';
import type { TMe } from '../../../../../contract/auth.ts';
import type { TStoredFile } from '../../../../../contract/files.ts';
import type { ActionFormDefinition } from '../../../../components/action-modal.tsx';
import type { HazardActionBody, HazardDetailData } from '../../api/keys.ts';
import type { ActionPreset } from '../labels.ts';

/** What a form's initial values may depend on besides the hazard. */
export interface HazardFormContext {
  me: Pick<TMe, 'displayName'>;
  /** Values the page presets, e.g. the 双报告 cell that was clicked. */
  preset: ActionPreset;
}

/** The action endpoint's actions (the body's discriminant). */
export type HazardBodyAction = HazardActionBody['action'];

/** The form of action A, whose values are V. */
export type HazardActionForm<A extends HazardBodyAction, V extends object = object> = ActionFormDefinition<
  HazardDetailData, Extract<HazardActionBody, { action: A }>, HazardFormContext, V
>;

export const ids = (files: readonly TStoredFile[] | undefined) => (files ?? []).map((f) => f.id);
export const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
