import { DatePicker, Flex, Select, type SelectProps } from 'antd';
import { MEASURE_KINDS, MEASURE_KIND_LABELS } from '../../../../domain/enforcement.ts';
import { SearchBox } from '../../../components/search-box.tsx';
import { dayjs } from '../../../lib/format.ts';
import type { SearchPatch } from '../../../lib/search-params.ts';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';

const yesNo = (yes: string, no: string) => [{ value: 'true', label: yes }, { value: 'false', label: no }];

export function CaseSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="案件编号、案由或单位名称" testId="case-search" />;
}

/** Every case filter except search and the status tabs; values are the URL's. */
export function CaseFilters({ values, onChange, vertical }: { values: Record<string, string>; onChange: (p: SearchPatch) => void; vertical?: boolean }) {
  const villages = useVillages();
  const departments = useUnits({ kind: 'department' });
  const townships = useUnits({ kind: 'township' });
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
      data-testid={`case-filter-${key}`}
      {...extra}
    />
  );
  const searchable = { showSearch: { optionFilterProp: 'label' } };
  const unitOptions = [
    { label: '科室/站所', title: 'departments', options: (departments.data?.items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name })) },
    { label: '镇/街道', title: 'townships', options: (townships.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
  ];
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {select('measureKind', '处理措施', MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_LABELS[k] })))}
      {select('dualPenalty', '一案双罚', yesNo('一案双罚', '非一案双罚'))}
      {select('published', '典型案例', yesNo('已公布典型案例', '未公布'))}
      {select('dangerousOperationCrime', '危险作业罪', yesNo('危险作业罪', '非危险作业罪'))}
      {select('unitId', '办案单位', unitOptions, { ...searchable, style: { width: vertical ? '100%' : 170 } })}
      {select('villageId', '村/社区', (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })), searchable)}
      <DatePicker.RangePicker
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        placeholder={['立案日期起', '立案日期止']}
        inputReadOnly={vertical}
        style={{ width: vertical ? '100%' : 250 }}
        data-testid="case-filter-dates"
      />
    </Flex>
  );
}
