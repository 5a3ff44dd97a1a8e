// Add or edit one required frequency: its name, the posts it binds, the kinds of activity that
// count, the phrase ("每月1次", "每3个月1次", "至少1次") and the task whose progress it feeds.
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { RequirementCreate, type TRequirement } from '../../../../contract/leadership.ts';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, LEADER_POSTS, LEADER_POST_LABELS } from '../../../../domain/supervision/leadership.ts';
import { testId } from '../../../components/test-id.ts';
import { clearErrorsOnChange, formErrorMessage, parseWithSchema } from '../../../components/form-errors.ts';
import { useCampaignTasks, useSaveRequirement } from '../api/leadership.ts';

export type RequirementDraft = Partial<Pick<TRequirement, 'id' | 'version' | 'label' | 'posts' | 'kinds' | 'frequencyText' | 'task'>>;
type Values = { label?: string; posts?: string[]; kinds?: string[]; frequencyText?: string; taskId?: string | null };

export function RequirementModal({ campaignId, draft, onClose }: { campaignId: string; draft: RequirementDraft; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const tasks = useCampaignTasks(campaignId);
  const save = useSaveRequirement(campaignId);
  const [error, setError] = useState<string | null>(null);
  const onOk = () => {
    const v = form.getFieldsValue(true) as Values;
    const checked = parseWithSchema(form, RequirementCreate, { ...v, taskId: v.taskId ?? null });
    if (!checked.ok) return setError(checked.unmatched.join('；') || null);
    save.mutate({ id: draft.id, version: draft.version, body: checked.data }, { onSuccess: onClose, onError: (e) => setError(formErrorMessage(form, e)) });
  };
  return (
    <Modal open title={draft.id ? '修改频次要求' : '添加频次要求'} okText="保存" cancelText="取消" onOk={onOk} onCancel={onClose}
      okButtonProps={{ loading: save.isPending, ...testId('requirement-save') }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onValuesChange={(c) => clearErrorsOnChange(form)(c as Record<string, unknown>)}
        initialValues={{ label: draft.label ?? '', posts: draft.posts ?? [], kinds: draft.kinds ?? [], frequencyText: draft.frequencyText ?? '每月1次', taskId: draft.task?.id ?? null }}>
        <Form.Item name="label" label="名称" required><Input maxLength={100} placeholder="如：主要负责人每月开展1次调研检查或专题调度" /></Form.Item>
        <Form.Item name="posts" label="领导职务" required>
          <Checkbox.Group options={LEADER_POSTS.map((p) => ({ value: p, label: LEADER_POST_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="kinds" label="计入的活动类型" required>
          <Select mode="multiple" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="frequencyText" label="频次要求" required extra="如：每月1次、每3个月1次、至少1次、2023年5月20日前">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="taskId" label="关联任务" extra="关联后，该任务各期的落实情况按领导活动记录自动确认">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="不关联"
            options={(tasks.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.number ? `${t.number}. ` : ''}${t.requirement}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
