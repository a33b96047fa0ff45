import { useEffect, useMemo, useState } from 'react';
import { Calculator, Headset, LogOut } from 'lucide-react';
import { decodeToken, loadToken, signOut } from './lib/auth';
import { GatewayClient, socketUrl } from './lib/protocol';
import { SignIn } from './components/SignIn';
import { ConnectionBadge } from './components/ConnectionBadge';
import { CalculatorPage } from './components/CalculatorPage';
import { AgentDesk } from './components/AgentDesk';
import { SocketErrors } from './components/SocketErrors';

type Route = 'calculator' | 'desk';

function routeOf(hash: string): Route {
  return hash.startsWith('#/desk') ? 'desk' : 'calculator';
}

export default function App() {
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));

  useEffect(() => {
    const on = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  const client = useMemo(() => (token ? new GatewayClient({ url: socketUrl(), token }) : null), [token]);
  useEffect(() => {
    if (!client) return;
    client.connect();
    // Exposed for diagnostics and for the end-to-end test that drops the connection on purpose.
    (window as unknown as { copilotClient?: GatewayClient }).copilotClient = client;
    return () => client.close();
  }, [client]);

  if (!token || !client) return <SignIn onSignedIn={setToken} />;
  const who = decodeToken(token);

  const tab = (r: Route, label: string, Icon: typeof Calculator) => (
    <a
      href={r === 'desk' ? '#/desk' : '#/calculator'}
      aria-current={route === r ? 'page' : undefined}
      className={`inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
        route === r ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
    >
      <Icon aria-hidden className="h-4 w-4" />
      {label}
    </a>
  );

  return (
    <div className="flex min-h-screen flex-col">
      {/* The address's hash is the route, so the skip link moves focus itself instead of following #main. */}
      <a href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }} className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-3 px-4 py-2">
          <span className="mr-2 text-base font-semibold text-slate-900">Copilot Suite</span>
          <nav aria-label="Main" className="flex gap-1">
            {tab('calculator', 'ROI calculator', Calculator)}
            {tab('desk', 'Agent desk', Headset)}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <ConnectionBadge client={client} />
            <span className="hidden text-sm text-slate-600 sm:inline" title="Signed in">
              {who?.user} · {who?.tenant}
            </span>
            <button
              type="button"
              onClick={() => { signOut(); setToken(null); }}
              className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            >
              <LogOut aria-hidden className="h-4 w-4" /> Sign out
            </button>
          </div>
        </div>
      </header>
      <SocketErrors client={client} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-4">
        {route === 'calculator' ? <CalculatorPage client={client} token={token} /> : <AgentDesk client={client} token={token} />}
      </main>
    </div>
  );
}
