import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopilotToggle, type CopilotServerState } from './AgentDesk';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** copilot-service's view through the gateway, switched by what the desk sends, as the real one would be. */
function server(initial: CopilotServerState) {
  let current = initial;
  const fetchMock = vi.fn(async () => answer(200, current));
  return { fetchMock, set: (s: Partial<CopilotServerState>) => { current = { ...current, ...s }; } };
}

afterEach(() => vi.unstubAllGlobals());

describe('CopilotToggle', () => {
  it('shows the state the server holds, with the context in force, not a local flag', async () => {
    const s = server({ callId: 'c-1', copilot: 'ENABLED', context: { contractType: 'REAL_ESTATE', selectedPlan: 'PREMIER', selectedState: 'TX', role: 'SELLER' } });
    vi.stubGlobal('fetch', s.fetchMock);
    render(<CopilotToggle client={{ send: vi.fn() }} callId="c-1" token="t" />);
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Live copilot' })).toHaveAttribute('aria-checked', 'true'));
    expect(s.fetchMock).toHaveBeenCalledWith('/api/calls/c-1/copilot', expect.anything());
    expect(screen.getByLabelText('Contract type')).toHaveValue('REAL_ESTATE');
    expect(screen.getByLabelText('Plan')).toHaveValue('PREMIER');
    expect(screen.getByLabelText('State')).toHaveValue('TX');
    expect(screen.getByLabelText('Role')).toHaveValue('SELLER');
  });

  it('says when the copilot expired, and switching on waits for the server to confirm', async () => {
    const s = server({ callId: 'c-2', copilot: 'EXPIRED', enabledUntil: '2026-11-23T10:00:00Z', context: null });
    vi.stubGlobal('fetch', s.fetchMock);
    const client = { send: vi.fn() };
    render(<CopilotToggle client={client} callId="c-2" token="t" confirmMs={30} />);
    const toggle = await screen.findByRole('switch', { name: 'Live copilot' });
    await waitFor(() => expect(toggle).toHaveTextContent('Expired'));
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('copilot-state-note')).toHaveTextContent('Went off after no activity');

    await userEvent.click(toggle);
    expect(client.send).toHaveBeenCalledWith({ type: 'copilot_enable', sessionId: 'c-2', contractType: 'HOMEOWNER', selectedPlan: 'PLUS', selectedState: 'CA' });
    expect(toggle).toHaveTextContent('Turning on…');
    expect(toggle).toHaveAttribute('aria-checked', 'false'); // not before the server says so
    await userEvent.click(toggle); // a second click while waiting sends nothing
    expect(client.send).toHaveBeenCalledTimes(1);
    s.set({ copilot: 'ENABLED', enabledUntil: '2099-01-01T00:00:00Z' });
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    expect(toggle).toHaveTextContent('On');

    await userEvent.click(toggle);
    expect(client.send).toHaveBeenLastCalledWith({ type: 'copilot_disable', sessionId: 'c-2' });
    s.set({ copilot: 'DISABLED', enabledUntil: null });
    await waitFor(() => expect(toggle).toHaveTextContent('Off'));
  });

  it('tells the agent when the server never confirms, and what it holds', async () => {
    const s = server({ callId: 'c-3', copilot: 'DISABLED' });
    vi.stubGlobal('fetch', s.fetchMock);
    render(<CopilotToggle client={{ send: vi.fn() }} callId="c-3" token="t" confirmMs={20} confirmWithinMs={100} />);
    const toggle = await screen.findByRole('switch', { name: 'Live copilot' });
    await waitFor(() => expect(s.fetchMock).toHaveBeenCalled());
    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId('copilot-state-note')).toHaveTextContent('did not confirm the switch on'));
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toHaveTextContent('Off');
  });

  it('a call the copilot has not seen yet reads as such', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(404, { code: 'NOT_FOUND', message: 'No call c-4 is known.' })));
    render(<CopilotToggle client={{ send: vi.fn() }} callId="c-4" token="t" />);
    expect(await screen.findByText('This call has not reached the copilot yet.')).toBeInTheDocument();
  });
});
