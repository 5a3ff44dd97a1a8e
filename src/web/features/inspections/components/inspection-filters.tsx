import { DatePicker, Flex, Select, type SelectProps } from 'antd';
import { INSPECTION_METHOD_TAGS, INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPES, INSPECTION_TYPE_LABELS } from '../../../../domain/inspection-rules.ts';
import { SearchBox } from '../../../components/search-box.tsx';
import { dayjs } from '../../../lib/format.ts';
import type { SearchPatch } from '../../../lib/search-params.ts';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';

export function InspectionSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="检查编号或单位名称" testId="inspection-search" />;
}

export interface InspectionFiltersProps {
  values: Record<string, string>;
  onChange: (patch: SearchPatch) => void;
  vertical?: boolean;
  /** An enterprise sees only its own records: no village filter. */
  ownEnterprise?: boolean;
}

/** Every list filter except search, the status tabs and 我参与的; values are the URL's. */
export function InspectionFilters({ values, onChange, vertical, ownEnterprise }: InspectionFiltersProps) {
  const villages = useVillages({ enabled: !ownEnterprise });
  const departments = useUnits({ kind: 'department' }, { enabled: !ownEnterprise });
  const width = vertical ? '100%' : 140;
  const select = (key: string, placeholder: string, options: SelectProps['options'], extra: object = {}) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={values[key] || undefined}
      onChange={(v: string | undefined) => onChange({ [key]: v })}
      options={options}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={`inspection-filter-${key}`}
      {...extra}
    />
  );
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {!ownEnterprise &&
        select('kind', '检查主体', [
          { value: 'authority', label: '监管检查' },
          { value: 'self', label: '企业自查' },
        ])}
      {select('type', '检查类型', INSPECTION_TYPES.map((t) => ({ value: t, label: INSPECTION_TYPE_LABELS[t] })), {
        style: { width: vertical ? '100%' : 150 },
      })}
      {!ownEnterprise && select('methodTag', '检查方式', INSPECTION_METHOD_TAGS.map((t) => ({ value: t, label: INSPECTION_METHOD_TAG_LABELS[t] })))}
      {!ownEnterprise &&
        select(
          'villageId',
          '村/社区',
          (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          { showSearch: { optionFilterProp: 'label' }, loading: villages.isLoading },
        )}
      {!ownEnterprise &&
        select(
          'unitId',
          '检查单位',
          // Who inspected: a department, or a village's grid officers.
          [
            {
              label: '科室/站所',
              title: 'departments',
              options: (departments.data?.items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name })),
            },
            { label: '村/社区', title: 'villages', options: (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
          ],
          { showSearch: { optionFilterProp: 'label' }, loading: departments.isLoading, style: { width: vertical ? '100%' : 170 } },
        )}
      {select('hasFailed', '不符合项', [
        { value: 'true', label: '有不符合项' },
        { value: 'false', label: '无不符合项' },
      ])}
      <DatePicker.RangePicker
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        placeholder={['检查日期起', '检查日期止']}
        inputReadOnly={vertical}
        style={{ width: vertical ? '100%' : 250 }}
        data-testid="inspection-filter-dates"
      />
    </Flex>
  );
}
