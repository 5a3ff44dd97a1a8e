// The hazard a 不符合 item becomes at completion, pre-filled for the inspector to confirm or edit.
import { Alert, Card, DatePicker, Form, Input, Radio, Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { HAZARD_LEVELS, HAZARD_LEVEL_LABELS } from '../../../../domain/hazards/hazard-machine.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { dayjs } from '../../../lib/format.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import type { HazardFieldErrors, HazardForm } from './answer-state.ts';

export interface HazardDraftFormProps {
  value: HazardForm;
  onChange: (next: HazardForm) => void;
  errors: HazardFieldErrors;
  /** The enterprise's own sectors, listed first. */
  ownSectorIds: readonly string[];
  disabled?: boolean;
}

export function HazardDraftForm({ value, onChange, errors, ownSectorIds, disabled }: HazardDraftFormProps) {
  const sectors = useSectors();
  const isMobile = useIsMobile();
  const set = (patch: Partial<HazardForm>) => onChange({ ...value, ...patch });
  const field = (key: keyof HazardFieldErrors) =>
    errors[key] ? { validateStatus: 'error' as const, help: errors[key] } : {};

  const sectorOptions = useMemo<SelectProps['options']>(() => {
    const all = (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
    const own = all.filter((s) => ownSectorIds.includes(s.value));
    if (own.length === 0) return all;
    return [
      { label: '本单位行业领域', title: 'own', options: own },
      { label: '其他行业领域', title: 'other', options: all.filter((s) => !ownSectorIds.includes(s.value)) },
    ];
  }, [sectors.data, ownSectorIds]);

  return (
    <Card size="small" title="将生成的隐患（请核对）" className="form-section" data-testid="inspection-hazard-draft" styles={{ header: { background: '#fff2f0' } }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="完成检查时，按以下信息在隐患台账中生成一条隐患" />
      <Form layout="vertical" component="div" disabled={disabled}>
        <Form.Item label="隐患等级" required {...field('level')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={value.level}
            onChange={(e) => set({ level: e.target.value as HazardForm['level'] })}
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] }))}
            data-testid="inspection-hazard-level"
          />
        </Form.Item>
        <Form.Item label="隐患描述" required {...field('description')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={value.description}
            onChange={(e) => set({ description: e.target.value, autoDescription: false })}
            data-testid="inspection-hazard-description"
          />
        </Form.Item>
        <Form.Item label="隐患部位" required {...field('location')}>
          <Input maxLength={200} value={value.location} onChange={(e) => set({ location: e.target.value })} data-testid="inspection-hazard-location" />
        </Form.Item>
        <Form.Item label="行业领域" required {...field('sectorId')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择行业领域"
            value={value.sectorId || undefined}
            onChange={(v: string) => set({ sectorId: v })}
            options={sectorOptions}
            loading={sectors.isLoading}
            data-testid="inspection-hazard-sector"
          />
        </Form.Item>
        <Form.Item label="判定依据" {...field('criterion')}>
          <Input.TextArea rows={2} maxLength={500} value={value.criterion} onChange={(e) => set({ criterion: e.target.value })} data-testid="inspection-hazard-criterion" />
        </Form.Item>
        <Form.Item label="整改期限" extra="可不填，由整改方案确定" style={{ marginBottom: 0 }} {...field('dueDate')}>
          <DatePicker
            style={{ width: '100%', maxWidth: 260 }}
            value={value.dueDate ? dayjs(value.dueDate) : null}
            onChange={(d) => set({ dueDate: d ? d.format('YYYY-MM-DD') : null })}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            inputReadOnly={isMobile}
            data-testid="inspection-hazard-due-date"
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
