// 执行: every measure of the decision is recorded as executed on the day given.
import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../../../lib/format.ts';
import { type CaseActionForm, day, notFuture } from './types.ts';

export const execute: CaseActionForm<'execute', { executedOn?: Dayjs | null; note?: string }> = {
  Fields: () => (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="决定中的全部处理措施记为已执行" />
      <Form.Item name="executedOn" label="执行日期" required><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} /></Form.Item>
      <Form.Item name="note" label="执行情况"><Input.TextArea rows={3} maxLength={1000} placeholder="如：罚款已缴纳，已停产整顿" /></Form.Item>
    </>
  ),
  initialValues: () => ({ executedOn: dayjs() }),
  body: (v, c) => ({ action: 'execute', version: c.version, executedOn: day(v.executedOn), note: v.note || null }),
  width: 520,
};
