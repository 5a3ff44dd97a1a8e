// 添加 / 修改任务: its group, action, requirement, responsible units and 时限要求 (read as it is typed).
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { formErrorMessage } from '../../../components/form-errors.ts';
import { testId } from '../../../components/test-id.ts';
import type { CampaignDetailData, TaskData } from '../api/keys.ts';
import { useAssignableUnits, useCreateTask, useUpdateTask } from '../api/tasks.ts';
import { DeadlineHint } from './deadline-hint.tsx';

interface Values { number?: string; groupName?: string; action?: string; requirement: string; unitIds: string[]; deadlineText: string; target?: number | null }

export function TaskFormModal({ campaign, task, open, onClose }: { campaign: CampaignDetailData; task?: TaskData; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const units = useAssignableUnits(campaign.id, open);
  const create = useCreateTask(campaign.id);
  const update = useUpdateTask(campaign.id);
  const [error, setError] = useState<string | null>(null);
  const deadlineText = Form.useWatch('deadlineText', form) ?? '';
  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    const body = {
      number: v.number ?? '', groupName: v.groupName ?? '', action: v.action ?? '', requirement: v.requirement, unitIds: v.unitIds, deadlineText: v.deadlineText, target: v.target ?? null,
    };
    const onError = (e: unknown) => setError(formErrorMessage(form, e));
    if (task) update.mutate({ taskId: task.id, body: { ...body, version: task.version } }, { onSuccess: onClose, onError });
    else create.mutate(body, { onSuccess: onClose, onError });
  };
  return (
    <Modal
      title={task ? '修改任务' : '添加任务'} open={open} onCancel={onClose} onOk={() => void onOk()} width={680} okText="保存"
      confirmLoading={create.isPending || update.isPending} okButtonProps={{ ...testId('task-save') }} destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form} layout="vertical"
        initialValues={task ? { ...task, unitIds: task.units.map((u) => u.id) } : { unitIds: [] }}
      >
        <Form.Item name="number" label="序号"><Input maxLength={20} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="groupName" label="专项行动（分组）"><Input maxLength={200} placeholder="如：一、属地党委政府责任强化行动" /></Form.Item>
        <Form.Item name="action" label="行动任务"><Input.TextArea maxLength={2000} rows={2} /></Form.Item>
        <Form.Item name="requirement" label="工作要求" rules={[{ required: true, message: '请填写工作要求' }]}><Input.TextArea maxLength={2000} rows={3} data-testid="task-requirement" /></Form.Item>
        <Form.Item name="unitIds" label="责任单位" rules={[{ required: true, type: 'array', min: 1, message: '请选择责任单位' }]}>
          <Select
            mode="multiple" loading={units.isLoading} optionFilterProp="label" placeholder="选择科室、村（居）"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="task-units"
          />
        </Form.Item>
        <Form.Item name="deadlineText" label="时限要求" rules={[{ required: true, message: '请填写时限要求' }]} extra={<DeadlineHint text={deadlineText} period={{ start: campaign.periodStart, end: campaign.periodEnd }} />}>
          <Input maxLength={100} data-testid="task-deadline" />
        </Form.Item>
        <Form.Item name="target" label="每次应完成数量（选填）" extra="如“每月至少开展4次执法检查”填 4，报送时按本单位检查记录自动统计">
          <InputNumber min={1} max={10000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
