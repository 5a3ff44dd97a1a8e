// Every action a case's allowedActions may name, and its form. A missing action is a type error:
// the registry's keys are the contract's allowedActions enum.
import type { CaseDetailData } from '../../api/keys.ts';
import { attach } from './attach.tsx';
import { close } from './close.tsx';
import { decide } from './decide.tsx';
import { execute } from './execute.tsx';
import { investigate } from './investigate.tsx';
import { publish } from './publish.tsx';
import type { CaseActionForm } from './types.ts';
import { unpublish } from './unpublish.tsx';

export type CaseFormAction = CaseDetailData['allowedActions'][number];

export const CASE_ACTION_FORMS: { [A in CaseFormAction]: CaseActionForm<A> } = {
  investigate, decide, execute, close, publish, unpublish, attach,
};
