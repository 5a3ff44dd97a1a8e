import { Flex } from 'antd';
import { MEASURE_KINDS, MEASURE_KIND_LABELS } from '../../../../domain/enforcement/enforcement.ts';
import {
  DateRangeFilter, type FilterPanelProps, departmentOptions, filterSelect, nameOptions, yesNo,
} from '../../../components/list-filters.tsx';
import { SearchBox } from '../../../components/search-box.tsx';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';

export function CaseSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="案件编号、案由或单位名称" testId="case-search" />;
}

/** Every case filter except search and the status tabs; values are the URL's. */
export function CaseFilters(props: FilterPanelProps) {
  const villages = useVillages();
  const departments = useUnits({ kind: 'department' });
  const townships = useUnits({ kind: 'township' });
  const select = filterSelect(props, { width: 140, testIdPrefix: 'case-filter-' });
  const searchable = { showSearch: { optionFilterProp: 'label' } };
  const unitOptions = [
    { label: '科室/站所', title: 'departments', options: departmentOptions(departments.data?.items) },
    { label: '镇/街道', title: 'townships', options: nameOptions(townships.data?.items) },
  ];
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('measureKind', '处理措施', MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_LABELS[k] })))}
      {select('dualPenalty', '一案双罚', yesNo('一案双罚', '非一案双罚'))}
      {select('published', '典型案例', yesNo('已公布典型案例', '未公布'))}
      {select('dangerousOperationCrime', '危险作业罪', yesNo('危险作业罪', '非危险作业罪'))}
      {select('unitId', '办案单位', unitOptions, { ...searchable, width: 170 })}
      {select('villageId', '村/社区', nameOptions(villages.data?.items), searchable)}
      <DateRangeFilter {...props} placeholder={['立案日期起', '立案日期止']} testId="case-filter-dates" />
    </Flex>
  );
}
