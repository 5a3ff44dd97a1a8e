// 接收/退回移送: the pending transfer above; a return needs its reason.
import { Form, Input, Radio } from 'antd';
import type { ActionFieldsProps } from '../../../../components/action-modal.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import type { HazardDetailData } from '../../api/keys.ts';
import { Summary } from './summaries.tsx';
import type { HazardActionForm } from './types.ts';

interface Values { accept?: boolean; reason?: string }

function DecideTransferFields({ record: h, form }: ActionFieldsProps<HazardDetailData>) {
  const accept = Form.useWatch('accept', form) as boolean | undefined;
  const pending = h.transfers.find((t) => t.status === 'pending');
  return (
    <>
      {pending && (
        <Summary
          items={[
            { key: 'from', label: '移送单位', children: pending.fromUnitName },
            { key: 'reason', label: '移送原因', children: pending.reason },
            { key: 'at', label: '移送时间', children: formatDateTime(pending.requestedAt) },
          ]}
        />
      )}
      <Form.Item name="accept" label="处理" required>
        <Radio.Group options={[{ value: true, label: '接收' }, { value: false, label: '退回' }]} data-testid="hazard-action-accept" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={accept === false ? '退回原因' : '说明'}
        required={accept === false}
        rules={accept === false ? [{ required: true, whitespace: true, message: '请填写退回原因' }] : []}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-reason" />
      </Form.Item>
    </>
  );
}

export const decideTransfer: HazardActionForm<'decide_transfer', Values> = {
  Fields: DecideTransferFields,
  initialValues: () => ({ accept: true }),
  body: (v, h) => ({ action: 'decide_transfer', version: h.version, accept: !!v.accept, reason: v.reason || null }),
};
