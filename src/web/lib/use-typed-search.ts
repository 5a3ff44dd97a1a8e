// A search-as-you-type picker's query: the typed text, trimmed, once typing pauses, so each
// keystroke does not ask the server.
import { useEffect, useState } from 'react';

const PAUSE_MS = 300;

/** [the query to send, the picker's onSearch]. */
export function useTypedSearch(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), PAUSE_MS);
    return () => clearTimeout(t);
  }, [text]);
  return [q, setText];
}
