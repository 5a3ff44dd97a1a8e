// 公布为典型案例: the summary, and whether it was the crime of dangerous operation.
import { Checkbox, Form, Input } from 'antd';
import type { CaseActionForm } from './types.ts';

export const publish: CaseActionForm<'publish', { publicationSummary?: string; dangerousOperationCrime?: boolean }> = {
  Fields: () => (
    <>
      <Form.Item name="publicationSummary" label="案例摘要" required>
        <Input.TextArea rows={5} maxLength={4000} showCount placeholder="违法事实、处理结果及警示意义" data-testid="case-publicationSummary" />
      </Form.Item>
      <Form.Item name="dangerousOperationCrime" valuePropName="checked">
        <Checkbox data-testid="case-dangerousOperationCrime">危险作业罪（刑法第一百三十四条之一）</Checkbox>
      </Form.Item>
    </>
  ),
  initialValues: (c) => ({ dangerousOperationCrime: c.dangerousOperationCrime }),
  body: (v, c) => ({ action: 'publish', version: c.version, publicationSummary: v.publicationSummary ?? '', dangerousOperationCrime: !!v.dangerousOperationCrime }),
  width: 520,
};
