// The enforcement case's action handlers, one per action of the request contract.
import type { TCaseActionRequest } from '../../../../contract/cases.ts';
import type { CaseWorkflowFacts, CaseWorkflowInput } from '../../../../domain/enforcement/case-workflow.ts';
import type { CaseStatus } from '../../../../domain/enforcement/enforcement.ts';
import type { ActionHandlers } from '../../../kernel/run-action.ts';
import type { CaseRow } from '../cases.repository.ts';
import { attach } from './attach.ts';
import { close } from './close.ts';
import { decide } from './decide.ts';
import { execute } from './execute.ts';
import { investigate } from './investigate.ts';
import { publish } from './publish.ts';
import { unpublish } from './unpublish.ts';

export const caseActionHandlers: ActionHandlers<CaseRow, CaseWorkflowFacts, TCaseActionRequest, CaseStatus, CaseWorkflowInput> = {
  investigate, decide, execute, close, publish, unpublish, attach,
};
