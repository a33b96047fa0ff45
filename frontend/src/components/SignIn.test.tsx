import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { SignIn } from './SignIn';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('SignIn', () => {
  it('offers the organisation sign-in, and no development sign-in, where the gateway runs OpenID Connect', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { dev: false, oidc: true, login: '/api/auth/login' })));
    render(<SignIn onSignedIn={() => {}} />);
    const link = await screen.findByRole('link', { name: 'Sign in with your organisation' });
    expect(link).toHaveAttribute('href', '/api/auth/login');
    expect(screen.queryByRole('button', { name: 'Development sign-in' })).toBeNull();
  });

  it('offers the one-click development sign-in in a local run', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, { dev: true, oidc: false, login: null })));
    render(<SignIn onSignedIn={() => {}} />);
    expect(await screen.findByText(/Production signs in through your organisation/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Development sign-in' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in with your organisation' })).toBeNull();
  });
});
