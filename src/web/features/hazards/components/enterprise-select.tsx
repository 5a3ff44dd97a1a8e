import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TEnterprise } from '../../../../contract/enterprises.ts';
import { useEnterpriseSearch } from '../api/search-enterprises.ts';

export type PickedEnterprise = Pick<TEnterprise, 'id' | 'name' | 'villageName' | 'sectorIds' | 'sectorNames'>;

/** Search-as-you-type picker of an enterprise in the user's scope (GET /api/enterprises?q=), for hazards and inspections. */
export function EnterpriseSelect({
  value, onChange, current, disabled, testId = 'hazard-enterprise',
}: {
  value?: string | null;
  onChange?: (id: string | null, enterprise: PickedEnterprise | null) => void;
  /** The enterprise already chosen (preselected or the user's own), shown by name. */
  current?: PickedEnterprise | null;
  disabled?: boolean;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const search = useEnterpriseSearch(q, !disabled);
  const found = useMemo(() => search.data?.items ?? [], [search.data]);
  const options = useMemo(() => {
    const opts = found.map((e) => ({ value: e.id, label: `${e.name}（${e.villageName}）` }));
    if (current && !opts.some((o) => o.value === current.id)) opts.unshift({ value: current.id, label: `${current.name}（${current.villageName}）` });
    return opts;
  }, [found, current]);
  return (
    <Select
      value={value ?? undefined}
      onChange={(id: string | undefined) => {
        const e = found.find((x) => x.id === id) ?? (current?.id === id ? current : null);
        onChange?.(id ?? null, e ?? null);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear={!disabled}
      placeholder="输入单位名称、信用代码或负责人搜索"
      options={options}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? '搜索中…' : '没有找到单位'}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
