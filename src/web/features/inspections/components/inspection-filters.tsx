import { Flex } from 'antd';
import { INSPECTION_METHOD_TAGS, INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPES, INSPECTION_TYPE_LABELS } from '../../../../domain/inspections/inspection-rules.ts';
import {
  DateRangeFilter, type FilterPanelProps, departmentOptions, filterSelect, nameOptions, yesNo,
} from '../../../components/list-filters.tsx';
import { SearchBox } from '../../../components/search-box.tsx';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';

export function InspectionSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="检查编号或单位名称" testId="inspection-search" />;
}

/** Every list filter except search, the status tabs and 我参与的; values are the URL's. */
export function InspectionFilters(props: FilterPanelProps & { /** An enterprise sees only its own records: no village filter. */ ownEnterprise?: boolean }) {
  const { vertical, ownEnterprise } = props;
  const villages = useVillages({ enabled: !ownEnterprise });
  const departments = useUnits({ kind: 'department' }, { enabled: !ownEnterprise });
  const select = filterSelect(props, { width: 140, testIdPrefix: 'inspection-filter-' });
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {!ownEnterprise &&
        select('kind', '检查主体', [
          { value: 'authority', label: '监管检查' },
          { value: 'self', label: '企业自查' },
        ])}
      {select('type', '检查类型', INSPECTION_TYPES.map((t) => ({ value: t, label: INSPECTION_TYPE_LABELS[t] })), { width: 150 })}
      {!ownEnterprise && select('methodTag', '检查方式', INSPECTION_METHOD_TAGS.map((t) => ({ value: t, label: INSPECTION_METHOD_TAG_LABELS[t] })))}
      {!ownEnterprise &&
        select('villageId', '村/社区', nameOptions(villages.data?.items), { showSearch: { optionFilterProp: 'label' }, loading: villages.isLoading })}
      {!ownEnterprise &&
        select(
          'unitId',
          '检查单位',
          // Who inspected: a department, or a village's grid officers.
          [
            { label: '科室/站所', title: 'departments', options: departmentOptions(departments.data?.items) },
            { label: '村/社区', title: 'villages', options: nameOptions(villages.data?.items) },
          ],
          { showSearch: { optionFilterProp: 'label' }, loading: departments.isLoading, width: 170 },
        )}
      {select('hasFailed', '不符合项', yesNo('有不符合项', '无不符合项'))}
      <DateRangeFilter {...props} placeholder={['检查日期起', '检查日期止']} testId="inspection-filter-dates" />
    </Flex>
  );
}
