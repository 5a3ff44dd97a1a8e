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
      <Form.Item name="signerName" label="验收人签名" required>
        <Input maxLength={32} data-testid="hazard-action-signer" />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="谁验收、谁签名、谁负责"
        description="提交即视为签名：系统记录验收人姓名、签名时间和验收内容的哈希摘要，销号后不可更改。"
      />
    </>
  ),
  initialValues: (_h, { me }) => ({ signerName: me.displayName, evidenceFileIds: [] }),
  body: (v, h) => ({
    action: 'verify_pass', version: h.version, note: v.note || null, evidenceFileIds: ids(v.evidenceFileIds), signerName: v.signerName ?? '',
  }),
  okText: '签名并销号',
};
