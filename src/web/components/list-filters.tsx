// What a list's filter panel is built from: selects, a date range and 含已作废 bound to keys of the
// URL's state, yes/no options that say what they mean, and unit options labelled alike on every list.
// The filters show their name as the placeholder only (a row of labels would double the bar's
// height); the same name is each control's accessible label, so that a screen reader and a voice
// command find it, and it stays once a value replaces the placeholder.
import { Checkbox, DatePicker, Select, type SelectProps } from 'antd';
import { useId } from 'react';
import { dayjs } from '../lib/format.ts';
import type { SearchPatch } from '../lib/search-params.ts';

/** A filter panel's props: the URL's values, how to change them, stacked (in the phone drawer) or not. */
export interface FilterPanelProps {
  values: Record<string, string>;
  onChange: (patch: SearchPatch) => void;
  vertical?: boolean;
}

/** Yes/no filters say what they mean once chosen ("已挂牌督办", not "是"). */
export const yesNo = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

type Named = { id: string; name: string };

/** Villages, townships, sectors: chosen by name. */
export const nameOptions = (items: readonly Named[] | undefined) => (items ?? []).map((u) => ({ value: u.id, label: u.name }));

/** Departments carry their township's name: two townships both have an 应急办. */
export const departmentOptions = (items: readonly (Named & { parentName: string | null })[] | undefined) =>
  (items ?? []).map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));

/**
 * A maker of clearable selects bound to one URL key each, `${testIdPrefix}${key}` as test id;
 * `width` (desktop) may be set per select, a stacked panel is always full width.
 */
export function filterSelect({ values, onChange, vertical }: FilterPanelProps, opts: { width: number; testIdPrefix: string }) {
  return (key: string, placeholder: string, options: SelectProps['options'], extra: SelectProps & { width?: number } = {}) => {
    const { width = opts.width, ...rest } = extra;
    return (
      <Select
        allowClear
        placeholder={placeholder}
        aria-label={placeholder}
        value={values[key] || undefined}
        onChange={(v: string | undefined) => onChange({ [key]: v })}
        options={options}
        style={{ width: vertical ? '100%' : width }}
        popupMatchSelectWidth={false}
        data-testid={`${opts.testIdPrefix}${key}`}
        {...rest}
      />
    );
  };
}

/** The from/to days of a list (YYYY-MM-DD in the URL); on a phone no keyboard pops up. */
export function DateRangeFilter({ values, onChange, vertical, placeholder, testId }: FilterPanelProps & { placeholder: [string, string]; testId?: string }) {
  const ids = useDateRangeIds();
  return (
    <>
      <DateRangeLabels ids={ids} labels={placeholder} />
      <DatePicker.RangePicker
        id={ids}
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        placeholder={placeholder}
        inputReadOnly={vertical}
        style={{ width: vertical ? '100%' : 250 }}
        data-testid={testId}
      />
    </>
  );
}

/** Ids for a RangePicker's two inputs (antd gives both the same aria-label, so each gets its own <label>). */
export function useDateRangeIds(): { start: string; end: string } {
  const id = useId();
  return { start: `${id}-start`, end: `${id}-end` };
}

/** The two inputs' labels of a RangePicker, for assistive technology only (their placeholders show the same words). */
export function DateRangeLabels({ ids, labels }: { ids: { start: string; end: string }; labels: readonly [string, string] }) {
  return (
    <>
      <label htmlFor={ids.start} className="sr-only">{labels[0]}</label>
      <label htmlFor={ids.end} className="sr-only">{labels[1]}</label>
    </>
  );
}

/** 含已作废: voided records are left out of a list unless this is ticked. */
export function IncludeVoidedFilter({ values, onChange, vertical, testId }: FilterPanelProps & { testId: string }) {
  return (
    <Checkbox
      checked={values.includeVoided === 'true'}
      onChange={(e) => onChange({ includeVoided: e.target.checked ? 'true' : undefined })}
      data-testid={testId}
      style={{ alignSelf: vertical ? 'flex-start' : 'center' }}
    >
      含已作废
    </Checkbox>
  );
}
