import { Input } from 'antd';
import { useEffect, useState } from 'react';

/**
 * A list's search box: keeps its own text while typing, searches on Enter or the button. What it
 * searches (its placeholder) is its accessible label too: the placeholder goes once text is typed.
 */
export function SearchBox(props: { value: string | undefined; onSearch: (q: string) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  return (
    <Input.Search
      placeholder={props.placeholder}
      aria-label={`搜索：${props.placeholder}`}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => props.onSearch(v.trim())}
      maxLength={64}
      className="filter-search"
      data-testid={props.testId}
      enterButton
    />
  );
}
