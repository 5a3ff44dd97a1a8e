// 作废: the record stays, out of the figures.
import { Alert } from 'antd';
import { ReasonField, type ReasonValues } from './reason.tsx';
import type { HazardActionForm } from './types.ts';

export const voidHazard: HazardActionForm<'void', ReasonValues> = {
  Fields: () => (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="作废后隐患不再计入统计，记录和历史仍保留。" />
      <ReasonField label="作废原因" placeholder="如：重复录入、查实不属于隐患" />
    </>
  ),
  body: (v, h) => ({ action: 'void', version: h.version, reason: v.reason ?? '' }),
  okText: '确认作废',
  danger: true,
};
