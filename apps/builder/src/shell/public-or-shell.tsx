import { Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { AppShell } from './app-shell';

/** A page anyone may open (the system status): inside the app shell when signed in, on its own otherwise. */
export function PublicOrShell() {
  const session = useSession();
  if (session.data) return <AppShell />;
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">Loa</span>
      </header>
      <main className="app__main">
        <Outlet />
      </main>
    </div>
  );
}
