// The hazard's action handlers, one per action of the request contract.
import type { ActionHandlers } from '../../../kernel/run-action.ts';
import type { THazardActionRequest } from '../../../../contract/hazards.ts';
import type { HazardStatus } from '../../../../domain/hazards/hazard-machine.ts';
import type { HazardWorkflowFacts, HazardWorkflowInput } from '../../../../domain/hazards/hazard-workflow.ts';
import type { HazardRow } from '../hazards.repository.ts';
import { accept } from './accept.ts';
import { decideExtension } from './decide-extension.ts';
import { decideTransfer } from './decide-transfer.ts';
import { edit } from './edit.ts';
import { list } from './list.ts';
import { recheckPass } from './recheck-pass.ts';
import { recheckReopen } from './recheck-reopen.ts';
import { recordDualReport } from './record-dual-report.ts';
import { reportRectification } from './report-rectification.ts';
import { requestExtension } from './request-extension.ts';
import { submitPlan } from './submit-plan.ts';
import { transfer } from './transfer.ts';
import { verifyFail } from './verify-fail.ts';
import { verifyPass } from './verify-pass.ts';
import { voidHazard } from './void.ts';

export const hazardActionHandlers: ActionHandlers<HazardRow, HazardWorkflowFacts, THazardActionRequest, HazardStatus, HazardWorkflowInput> = {
  submit_plan: submitPlan,
  accept,
  report_rectification: reportRectification,
  verify_pass: verifyPass,
  verify_fail: verifyFail,
  recheck_pass: recheckPass,
  recheck_reopen: recheckReopen,
  void: voidHazard,
  request_extension: requestExtension,
  decide_extension: decideExtension,
  transfer,
  decide_transfer: decideTransfer,
  list,
  record_dual_report: recordDualReport,
  edit,
};
