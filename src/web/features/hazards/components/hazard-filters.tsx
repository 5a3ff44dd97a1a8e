import { Checkbox, DatePicker, Flex, Select, type SelectProps } from 'antd';
import {
  HAZARD_LEVELS, HAZARD_LEVEL_LABELS, HAZARD_SOURCES, HAZARD_SOURCE_LABELS,
} from '../../../../domain/hazard-machine.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';
import { dayjs } from '../../../lib/format.ts';
import type { SearchPatch } from '../../../lib/search-params.ts';
import { SearchBox } from '../../../components/search-box.tsx';

/** Yes/no filters say what they mean once chosen ("已挂牌", not "是"). */
const yesNo = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

export function HazardSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="编号、隐患描述或单位名称" testId="hazard-search" />;
}

export interface HazardFiltersProps {
  values: Record<string, string>;
  onChange: (patch: SearchPatch) => void;
  vertical?: boolean;
}

/** Every ledger filter except search and the status tabs; values are the URL's. */
export function HazardFilters({ values, onChange, vertical }: HazardFiltersProps) {
  const villages = useVillages();
  const departments = useUnits({ kind: 'department' });
  const sectors = useSectors();
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
      data-testid={`hazard-filter-${key}`}
      {...extra}
    />
  );
  const searchable = { showSearch: { optionFilterProp: 'label' } };
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {select('level', '隐患等级', HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] })))}
      {select('source', '隐患来源', HAZARD_SOURCES.map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] })))}
      {select(
        'villageId',
        '村/社区',
        (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
        { ...searchable, loading: villages.isLoading },
      )}
      {select(
        'responsibleUnitId',
        '责任单位',
        // The supervising unit: a department, or the village that reported and keeps it.
        [
          {
            label: '科室/站所',
            title: 'departments',
            options: (departments.data?.items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name })),
          },
          { label: '村/社区', title: 'villages', options: (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
        ],
        { ...searchable, loading: departments.isLoading, style: { width: vertical ? '100%' : 170 } },
      )}
      {select(
        'sectorId',
        '行业领域',
        (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
        { ...searchable, loading: sectors.isLoading },
      )}
      {select('listed', '挂牌督办', yesNo('已挂牌督办', '未挂牌督办'))}
      {select('transferred', '移送', yesNo('已移送', '未移送'))}
      {select('reopened', '回头看重新整改', yesNo('有重新整改', '无重新整改'), { style: { width: vertical ? '100%' : 150 } })}
      <DatePicker.RangePicker
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        placeholder={['发现日期起', '发现日期止']}
        inputReadOnly={vertical}
        style={{ width: vertical ? '100%' : 250 }}
        data-testid="hazard-filter-dates"
      />
      <Checkbox
        checked={values.includeVoided === 'true'}
        onChange={(e) => onChange({ includeVoided: e.target.checked ? 'true' : undefined })}
        data-testid="hazard-filter-includeVoided"
        style={{ alignSelf: vertical ? 'flex-start' : 'center' }}
      >
        含已作废
      </Checkbox>
    </Flex>
  );
}
