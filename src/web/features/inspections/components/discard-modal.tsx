// 删除草稿: a draft started by mistake goes away with a reason (kept in the audit log).
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { InspectionDiscard } from '../../../../contract/inspections.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDiscardInspection } from '../api/discard-inspection.ts';
import type { InspectionDetailData } from '../api/keys.ts';
import { inspectionListUrl } from './last-list-url.ts';

export function DiscardInspectionModal({ d, open, onClose }: { d: InspectionDetailData; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const discard = useDiscardInspection();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const onOk = async () => {
    setError(null);
    const check = parseWithSchema(form, InspectionDiscard, { version: d.version, reason: form.getFieldValue('reason') ?? '' });
    if (!check.ok) {
      if (check.unmatched.length) setError(check.unmatched.join('；'));
      return;
    }
    try {
      await discard.mutateAsync({ id: d.id, body: check.data });
      void message.success(`已删除草稿 ${d.number}`);
      onClose();
      navigate(inspectionListUrl(), { replace: true });
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void message.warning(e.message);
        onClose();
        return;
      }
      setError(formErrorMessage(form, e));
    }
  };

  return (
    <Modal
      title="删除检查草稿"
      open={open}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText="删除"
      okButtonProps={{ danger: true, loading: discard.isPending, ...testId('inspection-discard-submit') }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="删除后该草稿及已填写的内容不再显示；删除原因记入审计日志。" />
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="reason" label="删除原因" required>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：误选了被检查单位" data-testid="inspection-discard-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
