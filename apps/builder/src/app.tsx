import { StatusPage } from './status/status-page';

export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">Loa</span>
      </header>
      <main className="app__main">
        <StatusPage />
      </main>
    </div>
  );
}
