// 审批延期: the pending request above, approve or not.
import { Form, Input, Radio } from 'antd';
import { formatDateTime } from '../../../../lib/format.ts';
import { Summary } from './summaries.tsx';
import type { HazardActionForm } from './types.ts';

export const decideExtension: HazardActionForm<'decide_extension', { approve?: boolean; note?: string }> = {
  Fields: ({ record: h }) => {
    const pending = h.extensions.find((x) => x.status === 'pending');
    return (
      <>
        {pending && (
          <Summary
            items={[
              { key: 'dates', label: '期限', children: `${pending.oldDueDate ?? '未设定'} → ${pending.newDueDate}` },
              { key: 'reason', label: '原因', children: pending.reason },
              { key: 'at', label: '申请时间', children: formatDateTime(pending.requestedAt) },
            ]}
          />
        )}
        <Form.Item name="approve" label="审批结果" required>
          <Radio.Group options={[{ value: true, label: '同意延期' }, { value: false, label: '不同意' }]} data-testid="hazard-action-approve" />
        </Form.Item>
        <Form.Item name="note" label="审批意见">
          <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
        </Form.Item>
      </>
    );
  },
  initialValues: () => ({ approve: true }),
  body: (v, h) => ({ action: 'decide_extension', version: h.version, approve: !!v.approve, note: v.note || null }),
};
