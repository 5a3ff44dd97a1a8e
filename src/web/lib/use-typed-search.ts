// A search-as-you-type picker's query: the typed text, trimmed, once typing pauses, so each
// keystroke does not ask the server.
import { useEffect, useState } from 'react';

const PAUSE_MS = 300;

/**
 * [the query to send, the picker's onSearch, whether the typed text is ahead of the query]: while
 * typing is ahead, a picker must not offer the results of an older query (a tap would pick the
 * wrong unit).
 */
export function useTypedSearch(): [string, (text: string) => void, boolean] {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), PAUSE_MS);
    return () => clearTimeout(t);
  }, [text]);
  return [q, setText, text.trim() !== q];
}
