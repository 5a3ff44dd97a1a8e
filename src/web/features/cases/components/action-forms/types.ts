// The type of a case action's form (one file per action here, gathered in registry.ts) and the
// small helpers the forms share.
import type { Dayjs } from 'dayjs';
import type { ActionFormDefinition } from '../../../../components/action-modal.tsx';
import { dayjs } from '../../../../lib/format.ts';
import type { CaseActionBody, CaseDetailData } from '../../api/keys.ts';

/** The action endpoint's actions (the body's discriminant). */
export type CaseBodyAction = CaseActionBody['action'];

/** The form of action A, whose values are V (a case's forms need nothing besides the case). */
export type CaseActionForm<A extends CaseBodyAction, V extends object = object> = ActionFormDefinition<
  CaseDetailData, Extract<CaseActionBody, { action: A }>, undefined, V
>;

export const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
/** A case's dates (decided, executed, closed) are never in the future. */
export const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
