import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';

type SearchChange = (current: URLSearchParams) => URLSearchParams;

/**
 * The address's query and a way to change it that builds each change on the previous one. React Router's own setter
 * (even its function form) starts from the query the last render saw, so two changes made before the page renders
 * again (two fields filled in quick succession) would each start from the same query, and the second would undo the
 * first.
 */
export function useSearchUpdater(): [URLSearchParams, (change: SearchChange) => void] {
  const [search, setSearch] = useSearchParams();
  const requested = useRef<{ seen: URLSearchParams; pending: string[]; latest: URLSearchParams }>({
    seen: search,
    pending: [],
    latest: search,
  });
  const state = requested.current;
  if (state.seen !== search) {
    state.seen = search;
    const arrived = state.pending.indexOf(search.toString());
    if (arrived === -1) {
      // Moved by something else (a link, the back button): start again from where it is now.
      state.pending = [];
      state.latest = search;
    } else {
      state.pending = state.pending.slice(arrived + 1);
      if (state.pending.length === 0) state.latest = search;
    }
  }

  const update = useCallback(
    (change: SearchChange) => {
      const next = change(new URLSearchParams(requested.current.latest));
      requested.current.latest = next;
      requested.current.pending.push(next.toString());
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  return [search, update];
}
