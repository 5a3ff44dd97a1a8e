// 验收不通过: back to rectification, with what is still wrong.
import { ReasonField, type ReasonValues } from './reason.tsx';
import type { HazardActionForm } from './types.ts';

export const verifyFail: HazardActionForm<'verify_fail', ReasonValues> = {
  Fields: () => <ReasonField label="不通过原因" placeholder="说明哪些问题尚未整改到位" />,
  body: (v, h) => ({ action: 'verify_fail', version: h.version, reason: v.reason ?? '' }),
  danger: true,
};
