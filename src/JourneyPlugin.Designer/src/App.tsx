import { openShortcutsHelp, ShortcutsHelp } from './lib/ShortcutsHelp';
import { ToastProvider } from './lib/toast';
import { navigate, usePath } from './lib/router';
import { JourneysPage } from './pages/JourneysPage';
import { EditorPage } from './pages/EditorPage';
import { RunsPage } from './pages/RunsPage';
import { ConnectionsPage } from './pages/ConnectionsPage';

const sections = [
  { path: '/', label: 'Journeys', match: (p: string) => p === '/' || p.startsWith('/journeys') },
  { path: '/runs', label: 'Runs', match: (p: string) => p.startsWith('/runs') },
  { path: '/connections', label: 'Connections', match: (p: string) => p.startsWith('/connections') },
];

export function App() {
  const path = usePath();
  const journey = /^\/journeys\/([^/]+)$/.exec(path);
  const run = /^\/runs\/([^/]+)$/.exec(path);
  return (
    <ToastProvider>
      <div className="app">
        <header className="topbar">
          <a className="brand" href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
            <span className="brand-mark" aria-hidden>
              <svg viewBox="0 0 32 32" width="22" height="22"><rect width="32" height="32" rx="8" fill="currentColor" /><path d="M9 21c3-9 11-9 14-1" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" /></svg>
            </span>
            JourneyPlugin
          </a>
          <nav className="nav">
            {sections.map((s) => (
              <a key={s.path} href={s.path} className={s.match(path) ? 'active' : ''} onClick={(e) => { e.preventDefault(); navigate(s.path); }}>
                {s.label}
              </a>
            ))}
          </nav>
          <div className="topbar-right">
            <button className="topbar-help" onClick={openShortcutsHelp} title="Keyboard shortcuts (?)" data-testid="shortcuts-button">Shortcuts <kbd>?</kbd></button>
            <a href="/reference" target="_blank" rel="noreferrer" className="muted-link">API reference</a>
          </div>
        </header>
        <main className="main">
          {journey ? <EditorPage key={journey[1]} definitionId={decodeURIComponent(journey[1])} />
            : run ? <RunsPage runId={decodeURIComponent(run[1])} />
            : path.startsWith('/runs') ? <RunsPage />
            : path.startsWith('/connections') ? <ConnectionsPage />
            : <JourneysPage />}
        </main>
        <ShortcutsHelp path={path} />
      </div>
    </ToastProvider>
  );
}
