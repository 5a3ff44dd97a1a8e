// The enterprises an exposure names: several, picked by search (GET /api/enterprises?q=) among
// those the office sees; the names of those already picked stay shown while the next are searched.
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { MAX_EXPOSED_ENTERPRISES } from '../../../../domain/publicity/publicity.ts';
import { useTypedSearch } from '../../../lib/use-typed-search.ts';
import { useEnterpriseSearch } from '../../../reference-data/search-enterprises.ts';

type Named = { id: string; name: string };

export function EnterprisesSelect({ id, value, onChange, current }: {
  /** Form.Item's id, so its label names this input. */
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The enterprises the record names already, shown by name before any search. */
  current: readonly Named[];
}) {
  const [q, setText, typingAhead] = useTypedSearch();
  const search = useEnterpriseSearch(q, { enabled: true });
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(current.map((e) => [e.id, e.name])));
  // results of an older query are never offered (a tap would pick the wrong unit)
  const found = useMemo(() => (typingAhead || search.isPlaceholderData ? [] : (search.data?.items ?? [])), [search.data, search.isPlaceholderData, typingAhead]);
  const options = useMemo(() => {
    const opts = found.map((e) => ({ value: e.id, label: `${e.name}（${e.villageName}）` }));
    for (const v of value ?? []) if (!opts.some((o) => o.value === v)) opts.unshift({ value: v, label: known.get(v) ?? v });
    return opts;
  }, [found, value, known]);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value ?? []}
      maxCount={MAX_EXPOSED_ENTERPRISES}
      onChange={(ids: string[]) => {
        const next = new Map(known);
        for (const e of found) if (ids.includes(e.id)) next.set(e.id, e.name);
        setKnown(next);
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder="输入单位名称、信用代码或负责人搜索"
      options={options}
      loading={search.isFetching || typingAhead}
      notFoundContent={search.isFetching || typingAhead ? '搜索中…' : '没有找到单位'}
      aria-label="被曝光单位"
      data-testid="publicity-enterprises"
    />
  );
}
