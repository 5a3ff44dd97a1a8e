// 报送工作落实情况: what was done, photos or documents, and for a quantified task the count, pre-
// filled from the inspections the unit already recorded in the window (linked, not retyped).
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { TStoredFile } from '../../../../contract/files.ts';
import { FileUploader } from '../../../components/file-uploader.tsx';
import { formErrorMessage } from '../../../components/form-errors.ts';
import type { OccurrenceData } from '../api/keys.ts';
import { useFileReport } from '../api/progress.ts';

interface Values { text: string; count?: number | null; inspectionIds: string[]; files: TStoredFile[] }

export function ReportForm({ occurrence: o }: { occurrence: OccurrenceData }) {
  const [form] = Form.useForm<Values>();
  const file = useFileReport(o.key);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const found = o.prefill.inspections;
  const onFinish = (v: Values) => {
    setError(null);
    file.mutate(
      { text: v.text, count: v.count ?? null, inspectionIds: v.inspectionIds ?? [], fileIds: (v.files ?? []).map((f) => f.id) },
      { onSuccess: () => form.resetFields(), onError: (e) => setError(formErrorMessage(form, e)) },
    );
  };
  return (
    <Card size="small" title={o.state === 'returned' ? '重新报送落实情况' : '报送落实情况'} style={{ marginTop: 16 }} data-testid="report-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form} layout="vertical" onFinish={onFinish}
        initialValues={{ count: o.target !== null || found.length > 0 ? found.length : null, inspectionIds: found.map((i) => i.id), files: [] }}
      >
        <Form.Item name="text" label="工作落实情况" rules={[{ required: true, min: 2, message: '请填写工作落实情况（至少2个字）' }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder="做了什么、覆盖多少单位、发现和整改了哪些问题" data-testid="report-text" />
        </Form.Item>
        {found.length > 0 && (
          <Form.Item name="inspectionIds" label={`本期本单位已完成的检查（${found.length} 次，已自动关联）`}>
            <Checkbox.Group options={found.map((i) => ({ value: i.id, label: `${i.at} ${i.enterpriseName}` }))} />
          </Form.Item>
        )}
        {(o.target !== null || found.length > 0) && (
          <Form.Item name="count" label={o.target !== null ? `完成数量（要求至少 ${o.target}）` : '完成数量'} extra={found.length > 0 ? '已按本单位检查记录预填，可修改' : undefined}>
            <InputNumber min={0} max={100000} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="files" label="照片或材料（选填）" valuePropName="value">
          <FileUploader purpose="report" kind="document" max={20} inputTestId="report-files" buttonText="添加照片或文件" onBusyChange={setBusy} />
        </Form.Item>
        <Flex gap={8} align="center">
          <Button type="primary" htmlType="submit" loading={file.isPending} disabled={busy} data-testid="report-submit">报送</Button>
          {busy && <Typography.Text type="secondary">附件上传中…</Typography.Text>}
        </Flex>
      </Form>
    </Card>
  );
}
