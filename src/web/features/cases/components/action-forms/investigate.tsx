// 调查: an optional note.
import { Form, Input } from 'antd';
import type { CaseActionForm } from './types.ts';

export const investigate: CaseActionForm<'investigate', { note?: string }> = {
  Fields: () => <Form.Item name="note" label="调查说明"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>,
  body: (v, c) => ({ action: 'investigate', version: c.version, note: v.note || null }),
  width: 520,
};
