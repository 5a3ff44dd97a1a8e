// The finding's actions, one small form each, for the shared action-modal shell: the unit's
// 整改情况 (measures and photos), the group's 验收 and 退回.
import { Form, Input } from 'antd';
import type { TStoredFile } from '../../../../contract/files.ts';
import type { FindingAction } from '../../../../domain/supervision/finding-workflow.ts';
import type { ActionFormDefinition } from '../../../components/action-modal.tsx';
import { FileUploader } from '../../../components/file-uploader.tsx';
import type { FindingActionBody, FindingData } from '../api/supervision.ts';

type Def<V extends object> = ActionFormDefinition<FindingData, FindingActionBody, undefined, V>;

const answer: Def<{ measures?: string; files?: TStoredFile[] }> = {
  Fields: ({ onBusyChange }) => (
    <>
      <Form.Item name="measures" label="整改措施" required>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="已采取的整改措施和完成情况" data-testid="finding-measures" />
      </Form.Item>
      <Form.Item name="files" label="整改照片或材料">
        <FileUploader purpose="evidence" kind="document" inputTestId="finding-file-input" buttonText="拍照或选择文件" onBusyChange={onBusyChange} />
      </Form.Item>
    </>
  ),
  initialValues: (f) => ({ measures: f.measures ?? '', files: [] }),
  body: (v, f) => ({ action: 'answer', version: f.version, measures: v.measures ?? '', fileIds: (v.files ?? []).map((x) => x.id) }),
};

const accept: Def<{ note?: string }> = {
  Fields: () => (
    <Form.Item name="note" label="验收意见">
      <Input.TextArea rows={3} maxLength={1000} placeholder="可不填" data-testid="finding-accept-note" />
    </Form.Item>
  ),
  body: (v, f) => ({ action: 'accept', version: f.version, note: v.note || null }),
  okText: '验收销号',
  width: 520,
};

const ret: Def<{ reason?: string }> = {
  Fields: () => (
    <Form.Item name="reason" label="退回原因" required>
      <Input.TextArea rows={3} maxLength={1000} placeholder="说明还需补充或整改的内容" data-testid="finding-return-reason" />
    </Form.Item>
  ),
  body: (v, f) => ({ action: 'return', version: f.version, reason: v.reason ?? '' }),
  danger: true,
  width: 520,
};

const withdraw: Def<{ reason?: string }> = {
  Fields: () => (
    <Form.Item name="reason" label="撤回原因" required extra="撤回后该问题不再要求单位整改，记录保留">
      <Input.TextArea rows={3} maxLength={1000} placeholder="如：重复登记、不属于该单位" data-testid="finding-withdraw-reason" />
    </Form.Item>
  ),
  body: (v, f) => ({ action: 'withdraw', version: f.version, reason: v.reason ?? '' }),
  danger: true,
  width: 520,
};

export const FINDING_ACTION_FORMS: Record<FindingAction, Def<object>> = {
  answer: answer as Def<object>, accept: accept as Def<object>, return: ret as Def<object>, withdraw: withdraw as Def<object>,
};
