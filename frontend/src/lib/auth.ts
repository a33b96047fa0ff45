// The bearer token the gateway expects on the socket and on REST. A local run signs in with one click
// (POST /api/dev/token, dev profile only); a token can also be handed in as #token=… (./copilot token).

const KEY = 'copilot.token';

export interface Identity { user: string; tenant: string; exp?: number }

export function decodeToken(token: string): Identity | null {
  try {
    const part = token.split('.')[1];
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')));
    return { user: String(json.sub ?? json.upn ?? json.preferred_username ?? '?'), tenant: String(json.tenant ?? '?'), exp: json.exp };
  } catch {
    return null;
  }
}

function usable(token: string | null): token is string {
  if (!token) return false;
  const id = decodeToken(token);
  return !!id && (id.exp == null || id.exp * 1000 > Date.now() + 5000);
}

/** The token from the URL (taken once, then removed from the address bar) or from storage. */
export function loadToken(): string | null {
  const m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    localStorage.setItem(KEY, token);
    const rest = window.location.hash.replace(/(?:^|[#&])token=[^&]+/, '').replace(/^#?&?/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? '#' + rest : ''));
  }
  const stored = localStorage.getItem(KEY);
  return usable(stored) ? stored : null;
}

export function saveToken(token: string): void {
  localStorage.setItem(KEY, token);
}

export function signOut(): void {
  localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = 'HTTP_' + res.status;
  let message = res.statusText || 'Request failed';
  try {
    const body = await res.json();
    code = body.code ?? code;
    message = body.message ?? message;
  } catch { /* not JSON */ }
  return new ApiError(res.status, code, message);
}

export interface SignInMethods { dev: boolean; oidc: boolean; login: string | null }

/** Which sign-ins the gateway offers; when it cannot say, the development sign-in is offered (it answers 404 where off). */
export async function signInMethods(): Promise<SignInMethods> {
  try {
    const res = await fetch('/api/auth/methods', { headers: { Accept: 'application/json' } });
    if (res.ok) {
      const body = await res.json();
      return { dev: body.dev === true, oidc: body.oidc === true, login: typeof body.login === 'string' ? body.login : null };
    }
  } catch { /* an older gateway, or none */ }
  return { dev: true, oidc: false, login: null };
}

export async function devSignIn(user?: string, tenant?: string): Promise<string> {
  const body: Record<string, string> = {};
  if (user) body.user = user;
  if (tenant) body.tenant = tenant;
  const res = await fetch('/api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw await errorOf(res);
  const text = await res.text();
  let token = text.trim();
  try {
    const json = JSON.parse(text);
    token = typeof json === 'string' ? json : json.token ?? json.accessToken ?? json.access_token;
  } catch { /* a bare token */ }
  if (!token || !decodeToken(token)) throw new ApiError(500, 'BAD_TOKEN', 'The sign-in answered without a token');
  saveToken(token);
  return token;
}

export async function apiGet<T>(path: string, token: string): Promise<T> {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  if (!res.ok) throw await errorOf(res);
  return res.json() as Promise<T>;
}

/**
 * Downloads a document with the bearer token (a plain link cannot carry it): fetch as a blob, then
 * save it through a temporary object URL.
 */
export async function downloadWithToken(url: string, token: string, filename: string): Promise<void> {
  const res = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
  if (!res.ok) throw await errorOf(res);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}
