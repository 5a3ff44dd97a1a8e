// A list's status tabs: 全部 first, then one tab per value, each with the count the server sent
// (none while loading). Choosing 全部 clears the filter.
import { Tabs } from 'antd';

const ALL = 'all';
/** The active key while none of the tabs is chosen (a toggle beside them is on instead). */
const NONE = '__none';

export function CountTabs({
  value, onChange, allCount, tabs, testIdPrefix, noneChosen = false,
}: {
  /** The chosen value; undefined is 全部. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  allCount: number | undefined;
  tabs: readonly { key: string; label: string; count: number | undefined }[];
  /** Each tab's label carries `${testIdPrefix}${key}` (all for 全部). */
  testIdPrefix?: string;
  noneChosen?: boolean;
}) {
  const label = (key: string, text: string, n: number | undefined) => (
    <span data-testid={testIdPrefix ? `${testIdPrefix}${key}` : undefined}>
      {text}
      {n !== undefined && <span className="tab-count">{n}</span>}
    </span>
  );
  return (
    <Tabs
      className={noneChosen ? 'status-tabs status-tabs-none' : 'status-tabs'}
      size="small"
      activeKey={noneChosen ? NONE : (value ?? ALL)}
      onChange={(k) => onChange(k === ALL ? undefined : k)}
      items={[{ key: ALL, label: label(ALL, '全部', allCount) }, ...tabs.map((t) => ({ key: t.key, label: label(t.key, t.label, t.count) }))]}
    />
  );
}
