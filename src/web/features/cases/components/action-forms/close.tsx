// 结案: a note and the day.
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../../../lib/format.ts';
import { type CaseActionForm, day, notFuture } from './types.ts';

export const close: CaseActionForm<'close', { note?: string; closedOn?: Dayjs | null }> = {
  Fields: () => (
    <>
      <Form.Item name="note" label="结案说明" required><Input.TextArea rows={3} maxLength={1000} data-testid="case-close-note" /></Form.Item>
      <Form.Item name="closedOn" label="结案日期"><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} /></Form.Item>
    </>
  ),
  initialValues: () => ({ closedOn: dayjs() }),
  body: (v, c) => ({ action: 'close', version: c.version, note: v.note ?? '', closedOn: v.closedOn ? day(v.closedOn) : null }),
  width: 520,
};
