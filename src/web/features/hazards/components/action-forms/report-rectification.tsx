// 报告整改完成: after photos and what was done.
import { Form, Input } from 'antd';
import type { TStoredFile } from '../../../../../contract/files.ts';
import { FileUploader } from '../../../../components/file-uploader.tsx';
import { type HazardActionForm, ids } from './types.ts';

interface Values { afterPhotoIds?: TStoredFile[]; note?: string }

export const reportRectification: HazardActionForm<'report_rectification', Values> = {
  Fields: ({ onBusyChange }) => (
    <>
      <Form.Item name="afterPhotoIds" label="整改后照片" required>
        <FileUploader purpose="after" inputTestId="hazard-action-photo-input" onBusyChange={onBusyChange} />
      </Form.Item>
      <Form.Item name="note" label="整改情况" required>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="说明采取的整改措施和结果" data-testid="hazard-action-note" />
      </Form.Item>
    </>
  ),
  initialValues: () => ({ afterPhotoIds: [] }),
  body: (v, h) => ({ action: 'report_rectification', version: h.version, note: v.note ?? '', afterPhotoIds: ids(v.afterPhotoIds) }),
};
