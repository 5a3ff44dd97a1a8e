// 上传文书: PDFs or photos added to the case's documents.
import { Form } from 'antd';
import type { TStoredFile } from '../../../../../contract/files.ts';
import { FileUploader } from '../../../../components/file-uploader.tsx';
import type { CaseActionForm } from './types.ts';

export const attach: CaseActionForm<'attach', { fileIds?: TStoredFile[] }> = {
  Fields: ({ onBusyChange }) => (
    <Form.Item name="fileIds" label="文书（PDF 或照片）" required>
      <FileUploader purpose="case" kind="document" inputTestId="case-file-input" buttonText="选择文件" onBusyChange={onBusyChange} />
    </Form.Item>
  ),
  initialValues: () => ({ fileIds: [] }),
  body: (v, c) => ({ action: 'attach', version: c.version, fileIds: (v.fileIds ?? []).map((f) => f.id) }),
  width: 520,
};
