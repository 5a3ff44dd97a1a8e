import { Checkbox, Flex, Select } from 'antd';
import {
  ENTERPRISE_KINDS, ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS, RISK_GRADES, RISK_GRADE_LABELS,
} from '../../../../domain/enterprise-rules.ts';
import { useSectors } from '../../../reference-data/list-sectors.ts';
import { useVillages } from '../../../reference-data/list-units.ts';
import type { SearchPatch } from '../../../lib/search-params.ts';
import { SearchBox } from '../../../components/search-box.tsx';

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export function EnterpriseSearchBox({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  return <SearchBox value={value} onSearch={onSearch} placeholder="单位名称、信用代码或负责人" testId="enterprise-search" />;
}

export interface EnterpriseFiltersProps {
  values: Record<string, string>;
  onChange: (patch: SearchPatch) => void;
  vertical?: boolean;
}

export function EnterpriseFilters({ values, onChange, vertical }: EnterpriseFiltersProps) {
  const villages = useVillages();
  const sectors = useSectors();
  const width = vertical ? '100%' : 150;
  const select = (key: string, placeholder: string, options: { value: string; label: string }[], extra: object = {}) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={values[key] || undefined}
      onChange={(v: string | undefined) => onChange({ [key]: v })}
      options={options}
      style={{ width }}
      data-testid={`filter-${key}`}
      {...extra}
    />
  );
  return (
    <Flex gap={8} wrap vertical={vertical} className="filters">
      {select(
        'villageId',
        '所属村/社区',
        (villages.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
        { showSearch: { optionFilterProp: 'label' }, loading: villages.isLoading, notFoundContent: villages.isError ? '无法加载' : undefined },
      )}
      {select(
        'sectorId',
        '行业领域',
        (sectors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
        { showSearch: { optionFilterProp: 'label' }, loading: sectors.isLoading },
      )}
      {select('kind', '单位类型', ENTERPRISE_KINDS.map((k) => ({ value: k, label: ENTERPRISE_KIND_LABELS[k] })))}
      {select('riskGrade', '风险分级', RISK_GRADES.map((g) => ({ value: g, label: `${RISK_GRADE_LABELS[g]}色` })))}
      {select('isKey', '重点监管', YES_NO)}
      {select('isSmall', '小微企业', YES_NO)}
      {select('status', '经营状态', ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] })))}
      <Checkbox
        checked={values.includeVoided === 'true'}
        onChange={(e) => onChange({ includeVoided: e.target.checked ? 'true' : undefined })}
        data-testid="filter-includeVoided"
        style={{ alignSelf: vertical ? 'flex-start' : 'center' }}
      >
        含已作废
      </Checkbox>
    </Flex>
  );
}
