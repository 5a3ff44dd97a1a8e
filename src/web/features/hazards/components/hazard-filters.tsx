import { Flex } from 'antd';
import {
  HAZARD_LEVELS, HAZARD_LEVEL_LABELS, HAZARD_SOURCES, HAZARD_SOURCE_LABELS,
} from '../../../../domain/hazards/hazard-machine.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useUnits, useVillages } from '../../../reference-data/list-units.ts';
import {
  DateRangeFilter, type FilterPanelProps, IncludeVoidedFilter, departmentOptions, filterSelect, nameOptions, yesNo,
} from '../../../components/list-filters.tsx';
import { SearchBox } from '../../../components/search-box.tsx';

export function HazardSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="编号、隐患描述或单位名称" testId="hazard-search" />;
}

/** Every ledger filter except search and the status tabs; values are the URL's. */
export function HazardFilters(props: FilterPanelProps) {
  const { vertical } = props;
  const villages = useVillages();
  const departments = useUnits({ kind: 'department' });
  const sectors = useSectors();
  const select = filterSelect(props, { width: 140, testIdPrefix: 'hazard-filter-' });
  const searchable = { showSearch: { optionFilterProp: 'label' } };
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {select('level', '隐患等级', HAZARD_LEVELS.map((l) => ({ value: l, label: HAZARD_LEVEL_LABELS[l] })))}
      {select('source', '隐患来源', HAZARD_SOURCES.map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] })))}
      {select('villageId', '村/社区', nameOptions(villages.data?.items), { ...searchable, loading: villages.isLoading })}
      {select(
        'responsibleUnitId',
        '责任单位',
        // The supervising unit: a department, or the village that reported and keeps it.
        [
          { label: '科室/站所', title: 'departments', options: departmentOptions(departments.data?.items) },
          { label: '村/社区', title: 'villages', options: nameOptions(villages.data?.items) },
        ],
        { ...searchable, loading: departments.isLoading, width: 170 },
      )}
      {select('sectorId', '行业领域', nameOptions(sectors.data?.items), { ...searchable, loading: sectors.isLoading })}
      {select('listed', '挂牌督办', yesNo('已挂牌督办', '未挂牌督办'))}
      {select('transferred', '移送', yesNo('已移送', '未移送'))}
      {select('reopened', '回头看重新整改', yesNo('有重新整改', '无重新整改'), { width: 150 })}
      <DateRangeFilter {...props} placeholder={['发现日期起', '发现日期止']} testId="hazard-filter-dates" />
      <IncludeVoidedFilter {...props} testId="hazard-filter-includeVoided" />
    </Flex>
  );
}
