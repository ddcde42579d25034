import { useCallback, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { SearchRequests, type SearchChange } from './search-requests';

/**
 * The address's query and a way to change it that builds each change on the previous one. React Router's own setter
 * (even its function form) starts from the query the last render saw, so two changes made before the page renders
 * again (two fields filled in quick succession) would each start from the same query, and the second would undo the
 * first. The router commits its updates as transitions, so only a committed query (a layout effect) is trusted: a
 * render React throws away, or an urgent render that still shows the old query, changes nothing.
 */
export function useSearchUpdater(): [URLSearchParams, (change: SearchChange) => void] {
  const [search, setSearch] = useSearchParams();
  const requests = useRef<SearchRequests | null>(null);
  requests.current ??= new SearchRequests(search);
  useLayoutEffect(() => {
    requests.current?.arrived(search);
  }, [search]);

  const update = useCallback(
    (change: SearchChange) => {
      if (!requests.current) return;
      setSearch(requests.current.request(change), { replace: true });
    },
    [setSearch],
  );
  return [search, update];
}
