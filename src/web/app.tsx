/**
 * The dashboard's shell: the login screen until a token is stored, then the header (plan, navigation,
 * role badge, log out) and the view of the URL. Every view is a URL under /app/; VIEWS is the one list
 * of them (navigation and routing both read it).
 */
import { type ReactNode, useEffect, useState } from 'react';
import { Link, navigate, useLocation } from './router';
import { SessionProvider, type SessionUser, useSession, whoAmI } from './session';
import { AttributionView } from './views/attribution';
import { CompareView } from './views/compare';
import { LedgerView } from './views/ledger';
import { LoginView } from './views/login';
import { MapView } from './views/map';
import { OverviewView } from './views/overview';
import { PledgeEditorView } from './views/pledge-editor';
import { SensitivityView } from './views/sensitivity';
import { TimelineView } from './views/timeline';
import { WhoDoesWhatView } from './views/who-does-what';

interface ViewEntry {
  readonly path: string;
  readonly title: string;
  readonly render: () => ReactNode;
}

export const VIEWS: readonly ViewEntry[] = [
  { path: '/overview', title: 'Overview', render: () => <OverviewView /> },
  { path: '/who-does-what', title: 'Who does what', render: () => <WhoDoesWhatView /> },
  { path: '/map', title: 'Map', render: () => <MapView /> },
  { path: '/timeline', title: 'Scenario timeline', render: () => <TimelineView /> },
  { path: '/compare', title: 'Compare', render: () => <CompareView /> },
  { path: '/attribution', title: 'Attribution & gaps', render: () => <AttributionView /> },
  { path: '/sensitivity', title: 'Sensitivity', render: () => <SensitivityView /> },
  { path: '/ledger', title: 'Ledger', render: () => <LedgerView /> },
  { path: '/pledges', title: 'Pledges', render: () => <PledgeEditorView /> },
];

export function App() {
  const [user, setUser] = useState<SessionUser | undefined | 'loading'>('loading');
  useEffect(() => {
    whoAmI().then(setUser, () => setUser(undefined));
  }, []);
  if (user === 'loading') return <p className="loading">Loading…</p>;
  if (user === undefined) return <LoginView onLogin={setUser} />;
  return (
    <SessionProvider user={user} onLogout={() => setUser(undefined)}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { path, query } = useLocation();
  const { user, plan, plans, logout } = useSession();
  const view = VIEWS.find((v) => v.path === path);
  useEffect(() => {
    if (view === undefined) navigate(`/overview${window.location.search}`, { replace: true });
  }, [view]);
  const planQuery = query.get('plan') === null ? '' : `?plan=${encodeURIComponent(query.get('plan') ?? '')}`;
  useEffect(() => {
    document.title = `${view?.title ?? 'Guarantor'} · ${plan?.plan.title ?? 'Guarantor'}`;
  }, [view, plan]);
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">Guarantor</span>
        <span
          className="plan-title"
          title={plan === undefined ? '' : `plan ${plan.id}, version ${plan.version}`}
        >
          {plan?.plan.title ?? (plans.length === 0 ? 'no plan in the ledger' : '…')}
        </span>
        <span className={`role-badge role-${user.role}`} data-testid="role-badge">
          {user.name} · {user.role}
          {user.actor === undefined ? '' : ` of ${user.actor}`}
        </span>
        <button type="button" className="link" onClick={() => void logout()}>
          Log out
        </button>
      </header>
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <Link
            key={v.path}
            href={`${v.path}${planQuery}`}
            aria-current={v.path === path ? 'page' : undefined}
          >
            {v.title}
          </Link>
        ))}
      </nav>
      <main data-view={view?.path.slice(1) ?? ''}>
        <h1>{view?.title}</h1>
        {view?.render()}
      </main>
    </div>
  );
}
