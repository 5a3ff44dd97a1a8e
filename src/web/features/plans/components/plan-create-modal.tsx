import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import { useCreatePlan } from '../api/create-plan.ts';
import { shanghaiDay } from '../../../../domain/common/dates.ts';

interface Values { unitId: string; year: number; name: string; note?: string }

export function PlanCreateModal({ open, onClose, units }: { open: boolean; onClose: () => void; units: { id: string; name: string }[] }) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  // The township's year, not the browser's (they differ around New Year outside China).
  const year = Number(shanghaiDay(new Date()).slice(0, 4));
  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    create.mutate({ unitId: v.unitId, year: v.year, name: v.name, note: v.note ?? null }, {
      onSuccess: (p) => {
        onClose();
        navigate(paths.plans.detail(p.id));
      },
      onError: (e) => setError(formErrorMessage(form, e)),
    });
  };
  return (
    <Modal title="新建年度计划" open={open} onCancel={onClose} onOk={() => void onOk()} confirmLoading={create.isPending} okButtonProps={{ ...testId('plan-create-ok') }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ unitId: units.length === 1 ? units[0]!.id : undefined, year, name: `${year}年度监督检查计划` }}>
        <Form.Item name="unitId" label="计划单位" rules={[{ required: true, message: '请选择计划单位' }]}>
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="plan-unit" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label="说明"><Input.TextArea maxLength={2000} rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
