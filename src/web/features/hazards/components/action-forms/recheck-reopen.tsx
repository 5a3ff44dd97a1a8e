// 回头看重新整改: the recheck found the problem again.
import { ReasonField, type ReasonValues } from './reason.tsx';
import type { HazardActionForm } from './types.ts';

export const recheckReopen: HazardActionForm<'recheck_reopen', ReasonValues> = {
  Fields: () => <ReasonField label="重新整改原因" placeholder="回头看发现的问题" />,
  body: (v, h) => ({ action: 'recheck_reopen', version: h.version, reason: v.reason ?? '' }),
  danger: true,
};
