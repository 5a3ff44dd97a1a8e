// The side panel of the binding page: what one blank cell (or a grid form's column) holds: a
// figure counted by a metric with its parameters, a figure the unit enters by hand, or (a sheet
// form) the unit's name.
import { Alert, Button, Checkbox, Flex, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { MANUAL_TYPES, MANUAL_TYPE_LABELS, type ManualType } from '../../../../domain/reports/template.ts';
import type { MetricInfo } from '../api/workbooks.ts';

export interface Bound {
  indicator: string;
  label: string;
  unit: string | null;
  source: { kind: 'computed'; metric: string; params?: Record<string, string>; display?: 'yesno' } | { kind: 'manual'; type: ManualType };
}

type Kind = 'computed' | 'manual' | 'unit';

export function BindingPanel({ title, initial, isUnitName, proposed, indicator, metrics, allowUnitName, onApply, onClear }: {
  title: string;
  initial: Bound | null;
  isUnitName: boolean;
  /** The label proposed from the sheet's texts. */
  proposed: string;
  indicator: string;
  metrics: MetricInfo[];
  allowUnitName: boolean;
  onApply: (b: Bound | 'unit') => void;
  onClear: () => void;
}) {
  const [kind, setKind] = useState<Kind>(isUnitName ? 'unit' : initial?.source.kind ?? 'computed');
  const [metric, setMetric] = useState(initial?.source.kind === 'computed' ? initial.source.metric : '');
  const [params, setParams] = useState<Record<string, string>>(initial?.source.kind === 'computed' ? initial.source.params ?? {} : {});
  const [type, setType] = useState<ManualType>(initial?.source.kind === 'manual' ? initial.source.type : 'number');
  const [yesno, setYesno] = useState(initial?.source.kind === 'computed' && initial.source.display === 'yesno');
  const [label, setLabel] = useState(initial?.label ?? proposed);
  const [unit, setUnit] = useState(initial?.unit ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const m = metrics.find((x) => x.key === metric);

  const apply = () => {
    if (kind === 'unit') return onApply('unit');
    if (!label.trim()) return setProblem('请填写指标名称（导出时不显示，用于填报页面）');
    if (kind === 'computed') {
      if (!m) return setProblem('请选择统计口径');
      const missing = m.params.find((p) => p.required && !params[p.name]);
      if (missing) return setProblem(`请选择“${missing.label}”`);
      const clean = Object.fromEntries(Object.entries(params).filter(([k, v]) => v && m.params.some((p) => p.name === k)));
      return onApply({
        indicator, label: label.trim(), unit: yesno ? null : m.unit,
        source: { kind: 'computed', metric: m.key, ...(Object.keys(clean).length ? { params: clean } : {}), ...(yesno ? { display: 'yesno' as const } : {}) },
      });
    }
    return onApply({ indicator, label: label.trim(), unit: type === 'amount' ? '万元' : unit.trim() || null, source: { kind: 'manual', type } });
  };

  return (
    <Flex vertical gap={12} data-testid="binding-panel">
      <Typography.Text strong>{title}</Typography.Text>
      <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value as Kind); setProblem(null); }} optionType="button" buttonStyle="solid" size="small" data-testid="binding-kind"
        options={[{ value: 'computed', label: '自动统计' }, { value: 'manual', label: '手工填写' }, ...(allowUnitName ? [{ value: 'unit', label: '填报单位名称' }] : [])]} />
      {kind === 'unit' && <Typography.Text type="secondary">导出时在此格写入填报单位（汇总表写入本镇名称）。</Typography.Text>}
      {kind === 'computed' && (
        <>
          <label htmlFor="binding-metric">统计口径</label>
          <Select id="binding-metric" showSearch value={metric || undefined} placeholder="选择要统计的指标" data-testid="binding-metric" optionFilterProp="label"
            onChange={(v: string) => { setMetric(v); setParams({}); setProblem(null); const x = metrics.find((y) => y.key === v); if (x && !initial && !label.trim()) setLabel(x.label); }}
            options={metrics.map((x) => ({ value: x.key, label: `${x.label}（${x.unit}）` }))} />
          {m && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.description}</Typography.Text>}
          {m?.params.map((p) => (
            <Space key={p.name} orientation="vertical" size={4} style={{ width: '100%' }}>
              <label htmlFor={`param-${p.name}`}>{p.label}{p.required ? '（必选）' : '（可不选）'}</label>
              {p.values ? (
                <Select id={`param-${p.name}`} allowClear mode={p.list ? 'multiple' : undefined} data-testid={`binding-param-${p.name}`} placeholder={p.required ? '请选择' : '不限'}
                  value={p.list ? (params[p.name] ? params[p.name]!.split(',') : []) : params[p.name] || undefined}
                  onChange={(v: string | string[] | undefined) => setParams({ ...params, [p.name]: Array.isArray(v) ? v.join(',') : v ?? '' })}
                  options={p.values.map((o) => ({ value: o.value, label: o.label }))} style={{ width: '100%' }} />
              ) : (
                <Input id={`param-${p.name}`} value={params[p.name] ?? ''} maxLength={100} data-testid={`binding-param-${p.name}`} onChange={(e) => setParams({ ...params, [p.name]: e.target.value.trim() })} />
              )}
            </Space>
          ))}
          {m && m.unit !== '万元' && (
            <Checkbox checked={yesno} onChange={(e) => setYesno(e.target.checked)} data-testid="binding-yesno">按“是/否”填写（有记录为“是”），用于“是否……”类指标</Checkbox>
          )}
        </>
      )}
      {kind === 'manual' && (
        <>
          <label htmlFor="binding-type">填写内容</label>
          <Select id="binding-type" value={type} onChange={(v: ManualType) => setType(v)} data-testid="binding-type" options={MANUAL_TYPES.map((t) => ({ value: t, label: MANUAL_TYPE_LABELS[t] }))} />
          {(type === 'number') && (
            <>
              <label htmlFor="binding-unit">计量单位</label>
              <Input id="binding-unit" value={unit} maxLength={10} placeholder="如：次、人、家" onChange={(e) => setUnit(e.target.value)} data-testid="binding-unit" />
            </>
          )}
        </>
      )}
      {kind !== 'unit' && (
        <>
          <label htmlFor="binding-label">指标名称（填报页面显示）</label>
          <Input id="binding-label" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} data-testid="binding-label" />
        </>
      )}
      {problem && <Alert type="warning" showIcon title={problem} />}
      <Flex gap={8} wrap>
        <Button type="primary" onClick={apply} data-testid="binding-apply">确定</Button>
        {(initial || isUnitName) && <Button danger onClick={onClear} data-testid="binding-clear">取消绑定</Button>}
      </Flex>
    </Flex>
  );
}
