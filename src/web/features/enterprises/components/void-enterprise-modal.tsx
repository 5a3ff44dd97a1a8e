import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { VoidRequest } from '../../../../contract/common.ts';
import type { TEnterprise } from '../../../../contract/enterprises.ts';
import { formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { isApiError } from '../../../lib/api.ts';
import { testId } from '../../../components/test-id.ts';
import { useVoidEnterprise } from '../api/void-enterprise.ts';

/** 作废: asks for the reason; the record stays, marked void, for the reports and the audit trail. */
export function VoidEnterpriseModal({ enterprise, open, onClose }: { enterprise: TEnterprise; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const voider = useVoidEnterprise();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const onOk = async () => {
    setError(null);
    const { reason } = await form.validateFields();
    const check = parseWithSchema(form, VoidRequest, { reason, version: enterprise.version });
    if (!check.ok) return;
    voider.mutate(
      { id: enterprise.id, body: check.data },
      {
        onSuccess: () => {
          void message.success('已作废');
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'CONFLICT')) {
            void message.warning(e.message);
            onClose();
            return;
          }
          setError(formErrorMessage(form, e));
        },
      },
    );
  };

  return (
    <Modal
      title={`作废「${enterprise.name}」`}
      open={open}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText="确认作废"
      okButtonProps={{ danger: true, loading: voider.isPending, ...testId('void-confirm') }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="作废后该单位不再出现在默认列表中，记录和历史仍保留。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="作废原因"
          rules={[{ required: true, whitespace: true, message: '请填写作废原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：重复录入、已注销、查无此单位" data-testid="void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
