import { useEffect, useState, type FormEvent } from 'react';
import { Building2, LogIn, KeyRound } from 'lucide-react';
import { decodeToken, devSignIn, signInMethods, saveToken, type SignInMethods } from '../lib/auth';

/**
 * The ways in this gateway offers (GET /api/auth/methods): the organisation's identity provider (OpenID Connect,
 * production), one click for a local run (dev profile); a pasted token (./copilot token) works too.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => { signInMethods().then(setMethods); }, []);
  const [user, setUser] = useState('');
  const [tenant, setTenant] = useState('');
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await devSignIn(user.trim() || undefined, tenant.trim() || undefined));
    } catch (err) {
      setError(err instanceof Error ? `Development sign-in failed: ${err.message}` : 'Development sign-in failed');
    } finally {
      setBusy(false);
    }
  };

  const usePasted = (e: FormEvent) => {
    e.preventDefault();
    const token = pasted.trim();
    if (!decodeToken(token)) {
      setError('That is not a bearer token (a JWT has three dot-separated parts).');
      return;
    }
    saveToken(token);
    onSignedIn(token);
  };

  const field = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200';
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">Copilot Suite</h1>
        <p className="mt-1 text-sm text-slate-600">The Collections ROI calculator with its copilot, and the Live Call Copilot agent desk.</p>
        {methods?.oidc && methods.login && (
          <a href={methods.login} className="mt-6 inline-flex w-full items-center justify-center gap-2 rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2">
            <Building2 aria-hidden className="h-4 w-4" /> Sign in with your organisation
          </a>
        )}
        {(methods == null || methods.dev) && (
        <form onSubmit={signIn} className="mt-6 space-y-3">
          <button
            type="submit"
            disabled={busy}
            className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 disabled:opacity-60"
          >
            <LogIn aria-hidden className="h-4 w-4" /> {busy ? 'Signing in…' : 'Development sign-in'}
          </button>
          <details className="text-sm text-slate-700">
            <summary className="cursor-pointer select-none">Sign in as someone else</summary>
            <div className="mt-2 grid grid-cols-2 gap-3">
              <label className="block">User<input className={field} value={user} onChange={(e) => setUser(e.target.value)} placeholder="default" /></label>
              <label className="block">Tenant<input className={field} value={tenant} onChange={(e) => setTenant(e.target.value)} placeholder="default" /></label>
            </div>
          </details>
        </form>
        )}
        <form onSubmit={usePasted} className="mt-4 border-t border-slate-200 pt-4">
          <label className="block text-sm text-slate-700">
            Or paste a bearer token (<code>./copilot token</code>)
            <input className={field} value={pasted} onChange={(e) => setPasted(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="mt-2 inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            <KeyRound aria-hidden className="h-4 w-4" /> Use token
          </button>
        </form>
        {error && <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
        {methods && !methods.oidc && <p className="mt-4 text-xs text-slate-600">Production signs in through your organisation's identity provider (OpenID Connect).</p>}
      </div>
    </main>
  );
}
