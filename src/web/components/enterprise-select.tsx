// The one search-as-you-type picker of an enterprise (GET /api/enterprises?q=): hazards,
// inspections, cases and the enterprise account of a user.
import { Select } from 'antd';
import { useMemo } from 'react';
import type { TEnterprise } from '../../contract/enterprises.ts';
import { useTypedSearch } from '../lib/use-typed-search.ts';
import { useEnterpriseSearch } from '../reference-data/search-enterprises.ts';

/** An enterprise known only by name, e.g. the one already linked to a user account. */
type NamedEnterprise = { id: string; name: string };

const labelOf = (e: TEnterprise | NamedEnterprise) => ('villageName' in e ? `${e.name}（${e.villageName}）` : e.name);

export function EnterpriseSelect({
  id, value, onChange, current, villageId, disabled, testId = 'hazard-enterprise',
}: {
  /** Form.Item's id, so its label names this input. */
  id?: string;
  value?: string | null;
  /** The picked enterprise comes with the id when it is known in full (its sectors, kind…). */
  onChange?: (id: string | null, enterprise: TEnterprise | null) => void;
  /** The enterprise already chosen (preselected, the user's own, or linked), shown by name before any search. */
  current?: TEnterprise | NamedEnterprise | null;
  /** Search within one village only. */
  villageId?: string | undefined;
  disabled?: boolean;
  testId?: string;
}) {
  const [q, setText, typingAhead] = useTypedSearch();
  const search = useEnterpriseSearch(q, { villageId, enabled: !disabled });
  // Results of an older query (typing not yet sent, or the previous page kept while fetching) are
  // never offered: only what matches the text as typed can be tapped.
  const stale = typingAhead || search.isPlaceholderData;
  const found = useMemo(() => (stale ? [] : (search.data?.items ?? [])), [search.data, stale]);
  const options = useMemo(() => {
    const opts = found.map((e) => ({ value: e.id, label: labelOf(e) }));
    if (current && !opts.some((o) => o.value === current.id)) opts.unshift({ value: current.id, label: labelOf(current) });
    return opts;
  }, [found, current]);
  return (
    <Select
      value={value ?? undefined}
      onChange={(id: string | undefined) => {
        const known = current && 'villageName' in current ? current : null;
        onChange?.(id ?? null, found.find((x) => x.id === id) ?? (known?.id === id ? known : null));
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear={!disabled}
      placeholder="输入单位名称、信用代码或负责人搜索"
      options={options}
      id={id}
      loading={search.isFetching || typingAhead}
      notFoundContent={search.isFetching || stale ? '搜索中…' : '没有找到单位'}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
