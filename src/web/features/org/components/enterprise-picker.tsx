import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useEnterpriseSearch } from '../api/search-enterprises.ts';

/** Search-as-you-type picker of one enterprise (by name, USCC or principal). */
export function EnterprisePicker({
  value, onChange, villageId, current, disabled,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  villageId?: string;
  /** The enterprise already linked, so it shows by name before any search. */
  current?: { id: string; name: string } | null;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const search = useEnterpriseSearch(q, villageId, !disabled);
  const options = useMemo(() => {
    const opts = (search.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.villageName}）` }));
    if (current && !opts.some((o) => o.value === current.id)) opts.unshift({ value: current.id, label: current.name });
    return opts;
  }, [search.data, current]);
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      placeholder="输入单位名称、信用代码或负责人搜索"
      options={options}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? '搜索中…' : '没有找到单位'}
      disabled={disabled}
      data-testid="user-enterprise"
    />
  );
}
