// Every action a hazard's allowedActions may name, and its form. A missing action is a type error:
// the registry's keys are the contract's allowedActions enum, less those that open no form here.
import type { HazardDetailData } from '../../api/keys.ts';
import { accept } from './accept.tsx';
import { decideExtension } from './decide-extension.tsx';
import { decideTransfer } from './decide-transfer.tsx';
import { edit } from './edit.tsx';
import { list } from './list.tsx';
import { recheckPass } from './recheck-pass.tsx';
import { recheckReopen } from './recheck-reopen.tsx';
import { recordDualReport } from './record-dual-report.tsx';
import { reportRectification } from './report-rectification.tsx';
import { requestExtension } from './request-extension.tsx';
import { submitPlan } from './submit-plan.tsx';
import { transfer } from './transfer.tsx';
import type { HazardActionForm } from './types.ts';
import { verifyFail } from './verify-fail.tsx';
import { verifyPass } from './verify-pass.tsx';
import { voidHazard } from './void.tsx';

/** Allowed actions that are no form of the action endpoint: 立案 opens the case form (its own page). */
export type HazardLinkAction = 'open_case';
/** The actions with a form here (each is a body of the action endpoint, or HazardActionForm refuses it). */
export type HazardFormAction = Exclude<HazardDetailData['allowedActions'][number], HazardLinkAction>;

export const HAZARD_ACTION_FORMS: { [A in HazardFormAction]: HazardActionForm<A> } = {
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
