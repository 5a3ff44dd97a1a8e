// 回头看通过: the rectification holds.
import { Form, Input } from 'antd';
import type { HazardActionForm } from './types.ts';

export const recheckPass: HazardActionForm<'recheck_pass', { note?: string }> = {
  Fields: () => (
    <Form.Item name="note" label="回头看情况" required>
      <Input.TextArea rows={3} maxLength={1000} showCount placeholder="复查情况，如：整改措施持续有效" data-testid="hazard-action-note" />
    </Form.Item>
  ),
  body: (v, h) => ({ action: 'recheck_pass', version: h.version, note: v.note ?? '' }),
};
