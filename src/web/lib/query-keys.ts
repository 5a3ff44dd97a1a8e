// react-query keys of a feature's records. Every key starts with the root, so invalidating the root
// refreshes all; every list's key starts with lists(), so a changed record refreshes each list
// whatever its filters.
export function recordKeys<ListQuery>(root: string) {
  return {
    all: [root] as const,
    lists: () => [root, 'list'] as const,
    list: (query: ListQuery) => [root, 'list', query] as const,
    detail: (id: string) => [root, 'detail', id] as const,
  };
}
