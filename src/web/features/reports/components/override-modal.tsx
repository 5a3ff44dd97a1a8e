// 修改计算值: the unit states the figure it reports and why; the computed one is kept beside it.
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import type { CellData } from '../api/reports.ts';
import { showValue } from './labels.ts';

export function OverrideModal({ cell, onCancel, onOk }: { cell: CellData | null; onCancel: () => void; onOk: (o: { value: number; reason: string }) => void }) {
  const [form] = Form.useForm<{ value: number; reason: string }>();
  const wan = cell?.unit === '万元';
  // a 是/否 figure is reported as 是 (1) or 否 (0)
  const yesno = cell?.display === 'yesno';
  const computed = cell?.computedValue ?? (typeof cell?.value === 'number' ? cell.value : 0);
  return (
    <Modal title={`修改“${cell?.label ?? ''}”`} open={cell !== null} okText="确定" cancelText="取消" onCancel={onCancel} destroyOnHidden
      onOk={() => void form.validateFields().then((v) => onOk({ value: wan ? Math.round(v.value * 1_000_000) : v.value, reason: v.reason.trim() }))}>
      <Typography.Paragraph type="secondary">系统按台账计算为 {showValue(computed, cell?.unit ?? null, cell?.display)} {cell?.unit}。如台账有遗漏，请先补录台账；确需修改时请说明理由，原计算值会一并保留。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ value: yesno ? (computed > 0 ? 0 : 1) : wan ? computed / 1_000_000 : computed }}>
        {yesno ? (
          <Form.Item name="value" label="上报为" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group options={[{ label: '是', value: 1 }, { label: '否', value: 0 }]} data-testid="override-value" />
          </Form.Item>
        ) : (
          <Form.Item name="value" label={`上报数值（${cell?.unit ?? ''}）`} rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber min={0} precision={wan ? 2 : 0} style={{ width: '100%' }} data-testid="override-value" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="修改理由" rules={[{ required: true, whitespace: true, message: '请填写修改理由' }, { min: 2, message: '至少2个字' }, { max: 500 }]}>
          <Input.TextArea rows={2} data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
