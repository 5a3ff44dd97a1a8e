// One figure of a form: computed (with the records behind it, and the unit's override if any) or
// entered by hand (an input when the unit may still edit).
import { Button, Flex, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CellData } from '../api/reports.ts';
import { showValue } from './labels.ts';

export type ManualValue = number | boolean | string | null;

export function CellRow({ label, cell, editable, manual, onManual, onOverride, onRestore }: {
  label: string; cell: CellData; editable: boolean; manual: ManualValue | undefined;
  onManual: (v: ManualValue) => void; onOverride: () => void; onRestore: () => void;
}) {
  const wan = cell.unit === '万元';
  const value = cell.kind === 'manual' && manual !== undefined ? manual : cell.value;
  let input: React.ReactNode = null;
  if (cell.kind === 'manual' && editable) {
    const common = { 'data-testid': `manual-${cell.key}`, 'aria-label': cell.label };
    if (cell.manualType === 'yesno') {
      input = <Radio.Group value={typeof value === 'boolean' ? value : undefined} onChange={(e) => onManual(e.target.value as boolean)} options={[{ label: '是', value: true }, { label: '否', value: false }]} {...common} />;
    } else if (cell.manualType === 'text') {
      input = <Input value={typeof value === 'string' ? value : ''} maxLength={500} onChange={(e) => onManual(e.target.value)} {...common} />;
    } else {
      input = (
        <InputNumber min={0} precision={wan ? 2 : 0} style={{ width: 140 }} addonAfter={cell.unit ?? undefined} {...common}
          value={typeof value === 'number' ? (wan ? value / 1_000_000 : value) : null}
          onChange={(v) => onManual(v === null ? null : wan ? Math.round(Number(v) * 1_000_000) : Number(v))} />
      );
    }
  }
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`cell-${cell.key}`}>
      <Flex vertical style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Typography.Text>{label}</Typography.Text>
        {cell.kind === 'manual' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{cell.pending ? `手工填写（系统暂无${cell.pending}）` : '手工填写'}</Typography.Text>}
        {cell.computedValue !== undefined && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>已修改，系统计算值 {showValue(cell.computedValue, cell.unit, cell.display)}；理由：{cell.overrideReason}</Typography.Text>
        )}
      </Flex>
      <Flex align="center" gap={8} wrap justify="flex-end">
        {input ?? (
          <Typography.Text strong style={{ fontSize: 18 }} data-testid={`value-${cell.key}`}>
            {showValue(value, cell.unit, cell.display)}{cell.unit && value !== null && typeof value !== 'boolean' && !cell.display ? <Typography.Text type="secondary" style={{ fontSize: 12 }}> {cell.unit}</Typography.Text> : null}
          </Typography.Text>
        )}
        {cell.records && (
          <Link to={cell.records.href} data-testid={`records-${cell.key}`}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>{cell.records.count} 条记录</Tag>
          </Link>
        )}
        {cell.kind === 'computed' && editable && (cell.computedValue === undefined
          ? <Button size="small" type="link" onClick={onOverride} data-testid={`override-${cell.key}`}>修改</Button>
          : <Button size="small" type="link" onClick={onRestore}>恢复计算值</Button>)}
      </Flex>
    </Flex>
  );
}
