// 验收销号: the verifier checks the rectification, adds evidence and signs.
import { Alert, Form, Input } from 'antd';
import type { TStoredFile } from '../../../../../contract/files.ts';
import { FileUploader } from '../../../../components/file-uploader.tsx';
import { RectificationSummary } from './summaries.tsx';
import { type HazardActionForm, ids } from './types.ts';

interface Values { evidenceFileIds?: TStoredFile[]; note?: string; signerName?: string }

export const verifyPass: HazardActionForm<'verify_pass', Values> = {
  Fields: ({ record: h, onBusyChange }) => (
    <>
      <RectificationSummary h={h} />
      <Form.Item name="evidenceFileIds" label="验收证据（照片或文件）" extra="验收现场照片、验收记录等">
        <FileUploader purpose="evidence" kind="document" inputTestId="hazard-action-file-input" onBusyChange={onBusyChange} buttonText="拍照/上传" />
      </Form.Item>
      <Form.Item name="note" label="验收意见">
        <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-action-note" />
      </Form.Item>
      {/* Typed by the verifier each time, never filled in: an untouched dialog must not sign. */}
      <Form.Item name="signerName" label="验收人签名" rules={[{ required: true, whitespace: true, message: '请输入您的姓名以签名' }]} extra="请输入您本人的姓名，输入即为签名">
        <Input maxLength={32} placeholder="输入姓名以签名" autoComplete="off" data-testid="hazard-action-signer" />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="谁验收、谁签名、谁负责"
        description="验收须由报告整改完成以外的人员进行。提交即视为签名：系统记录验收人姓名、签名时间并对验收内容存证，销号后不可更改。"
      />
    </>
  ),
  initialValues: () => ({ evidenceFileIds: [] }),
  body: (v, h) => ({
    action: 'verify_pass', version: h.version, note: v.note || null, evidenceFileIds: ids(v.evidenceFileIds), signerName: v.signerName ?? '',
  }),
  okText: '签名并销号',
};
