import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { QueryState } from './query-state';

/** Renders the signed-in part of the app, or sends the visitor to /login and back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending || session.isError)
    return <QueryState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
