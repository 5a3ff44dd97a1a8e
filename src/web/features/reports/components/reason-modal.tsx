// The reason the office gives when it returns, excuses or reopens a submission.
import { Form, Input, Modal } from 'antd';

export function ReasonModal({ title, placeholder, open, loading, onCancel, onOk }: {
  title: string; placeholder: string; open: boolean; loading: boolean; onCancel: () => void; onOk: (reason: string) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal title={title} open={open} okText="确定" cancelText="取消" confirmLoading={loading} onCancel={onCancel} destroyOnHidden
      onOk={() => void form.validateFields().then((v) => onOk(v.reason.trim()))}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 500, message: '不超过500字' }]}>
          <Input.TextArea rows={3} placeholder={placeholder} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
