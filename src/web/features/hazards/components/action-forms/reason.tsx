// The reason field several actions ask for (作废, 验收不通过, 回头看重新整改, 延期, 移送).
import { Form, Input } from 'antd';

export interface ReasonValues { reason?: string }

export function ReasonField({ label, placeholder }: { label: string; placeholder?: string }) {
  return (
    <Form.Item name="reason" label={label} required>
      <Input.TextArea rows={3} maxLength={1000} showCount placeholder={placeholder} data-testid="hazard-action-reason" />
    </Form.Item>
  );
}
