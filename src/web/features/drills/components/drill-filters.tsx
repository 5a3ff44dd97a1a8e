// The drill list's filter panel: kind, verified or not, the dates held, voided records too.
import { Flex } from 'antd';
import { DateRangeFilter, type FilterPanelProps, IncludeVoidedFilter, filterSelect, yesNo } from '../../../components/list-filters.tsx';
import { enterpriseKindOptions } from './labels.tsx';
import type { ActivityCategory } from '../../../../domain/drills/drill-requirement.ts';

export function DrillFilters(props: FilterPanelProps & { category: ActivityCategory | undefined; staff: boolean }) {
  const select = filterSelect(props, { width: 130, testIdPrefix: 'drill-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {!props.staff && select('kind', '类型', enterpriseKindOptions(props.category))}
      {select('verified', '核实情况', yesNo('已核实', '未核实'))}
      <DateRangeFilter {...props} placeholder={['开展日期起', '开展日期止']} testId="drill-filter-dates" />
      <IncludeVoidedFilter {...props} testId="drill-filter-voided" />
    </Flex>
  );
}
