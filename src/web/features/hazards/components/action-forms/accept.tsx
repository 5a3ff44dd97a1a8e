// 审核同意方案: the plan above, an optional opinion.
import { Form, Input } from 'antd';
import { PlanSummary } from './summaries.tsx';
import type { HazardActionForm } from './types.ts';

export const accept: HazardActionForm<'accept', { note?: string }> = {
  Fields: ({ record: h }) => (
    <>
      <PlanSummary h={h} />
      <Form.Item name="note" label="审核意见">
        <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
      </Form.Item>
    </>
  ),
  body: (v, h) => ({ action: 'accept', version: h.version, note: v.note || null }),
};
