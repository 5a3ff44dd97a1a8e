// A list's status tabs: 全部 first, then one tab per value, each with the count the server sent
// (none while loading). Choosing 全部 clears the filter.
//
// On a phone the tabs do not fit: antd's Tabs then puts a 更多 button inside its role="tablist",
// which may hold tabs only, pointing at a popup that does not exist until opened (axe: critical).
// There the tabs are a row of our own that scrolls sideways under the finger instead, with the same
// roles (tablist, tab, aria-selected) and the keyboard of the ARIA tabs pattern.
import { Tabs } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { useIsMobile } from './use-is-mobile.ts';

const ALL = 'all';
/** More tabs than this may not fit a desktop's list beside the menu. */
const MAX_ANTD_TABS = 6;
/** The active key while none of the tabs is chosen (a toggle beside them is on instead). */
const NONE = '__none';

interface CountTabsProps {
  /** The chosen value; undefined is 全部. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  allCount: number | undefined;
  tabs: readonly { key: string; label: string; count: number | undefined }[];
  /** Each tab's label carries `${testIdPrefix}${key}` (all for 全部). */
  testIdPrefix?: string;
  noneChosen?: boolean;
  /** What the tabs choose, for assistive technology (状态 unless said). */
  ariaLabel?: string;
}

export function CountTabs({
  value, onChange, allCount, tabs, testIdPrefix, noneChosen = false, ariaLabel = '状态',
}: CountTabsProps) {
  const isMobile = useIsMobile();
  const label = (key: string, text: string, n: number | undefined) => (
    <span data-testid={testIdPrefix ? `${testIdPrefix}${key}` : undefined}>
      {text}
      {n !== undefined && <span className="tab-count">{n}</span>}
    </span>
  );
  const items = [{ key: ALL, label: label(ALL, '全部', allCount) }, ...tabs.map((t) => ({ key: t.key, label: label(t.key, t.label, t.count) }))];
  const activeKey = noneChosen ? NONE : (value ?? ALL);
  const choose = (k: string) => onChange(k === ALL ? undefined : k);
  // Many tabs (the eight kinds of leaders' activities) overflow a desktop's row too: the same row of our own.
  if (isMobile || tabs.length > MAX_ANTD_TABS) return <ScrollingTabs items={items} activeKey={activeKey} onChoose={choose} ariaLabel={ariaLabel} />;
  return (
    <Tabs
      className={noneChosen ? 'status-tabs status-tabs-none' : 'status-tabs'}
      size="small"
      activeKey={activeKey}
      onChange={choose}
      items={items}
    />
  );
}

/**
 * A row of tabs that scrolls sideways (a phone), looking like antd's small Tabs. Arrow keys, Home
 * and End move the focus between the tabs, Enter or Space chooses one (manual activation: each
 * choice loads the list again); only the chosen tab, or the first, is in the Tab order.
 */
function ScrollingTabs({ items, activeKey, onChoose, ariaLabel }: {
  items: { key: string; label: ReactNode }[];
  activeKey: string;
  onChoose: (key: string) => void;
  ariaLabel: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const active = items.findIndex((t) => t.key === activeKey);
  const focusable = active >= 0 ? active : 0;

  // The chosen tab in view (chosen from a link, it may be off to the right); the row scrolls, not the page.
  useEffect(() => {
    const row = list.current;
    const tab = row?.children[focusable] as HTMLElement | undefined;
    if (!row || !tab) return;
    const left = tab.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + tab.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = left - 16;
  }, [focusable]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
    const at = tabs.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    tabs[(next + tabs.length) % tabs.length]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={ariaLabel} className="status-tabs scrolling-tabs" onKeyDown={onKeyDown}>
      {items.map((t, i) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          aria-selected={i === active}
          tabIndex={i === focusable ? 0 : -1}
          className={i === active ? 'scrolling-tab scrolling-tab-active' : 'scrolling-tab'}
          onClick={() => onChoose(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
