import { Flex } from 'antd';
import {
  ENTERPRISE_KINDS, ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS, RISK_GRADES, RISK_GRADE_LABELS,
} from '../../../../domain/enterprises/enterprise-rules.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useVillages } from '../../../reference-data/list-units.ts';
import { type FilterPanelProps, IncludeVoidedFilter, filterSelect, nameOptions, yesNo } from '../../../components/list-filters.tsx';
import { SearchBox } from '../../../components/search-box.tsx';

export function EnterpriseSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="单位名称、信用代码或负责人" testId="enterprise-search" />;
}

export function EnterpriseFilters(props: FilterPanelProps) {
  const { vertical } = props;
  const villages = useVillages();
  const sectors = useSectors();
  const select = filterSelect(props, { width: 150, testIdPrefix: 'filter-' });
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {select('villageId', '所属村/社区', nameOptions(villages.data?.items), {
        showSearch: { optionFilterProp: 'label' }, loading: villages.isLoading, notFoundContent: villages.isError ? '无法加载' : undefined,
      })}
      {select('sectorId', '行业领域', nameOptions(sectors.data?.items), { showSearch: { optionFilterProp: 'label' }, loading: sectors.isLoading })}
      {select('kind', '单位类型', ENTERPRISE_KINDS.map((k) => ({ value: k, label: ENTERPRISE_KIND_LABELS[k] })))}
      {select('riskGrade', '风险分级', RISK_GRADES.map((g) => ({ value: g, label: `${RISK_GRADE_LABELS[g]}色` })))}
      {select('isKey', '重点监管', yesNo('重点监管', '非重点监管'))}
      {select('isSmall', '小微企业', yesNo('小微企业', '非小微企业'))}
      {select('status', '经营状态', ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] })))}
      <IncludeVoidedFilter {...props} testId="filter-includeVoided" />
    </Flex>
  );
}
