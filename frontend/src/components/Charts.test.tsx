import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SensitivityTornado, tornadoBars, type Drivers } from './Charts';

const drivers: Drivers = {
  netRecovery: 250000,
  peakUtilization: 0.92,
  sensitivities: [
    { inputPath: 'rent', label: 'Facility rent', value: 30000, raisedValue: 33000, netRecoveryChange: -3000, peakUtilizationChange: 0 },
    { inputPath: 'humanAgents', label: 'Human agents', value: 40, raisedValue: 44, netRecoveryChange: -12000, peakUtilizationChange: -0.084 },
    { inputPath: 'buckets.bucket1.balance', label: 'Balance in bucket 1', value: 1e6, raisedValue: 1.1e6, netRecoveryChange: 25000, peakUtilizationChange: 0.03 },
    { inputPath: 'aiCost', label: 'AI cost per minute', value: 0.1, raisedValue: 0.11, netRecoveryChange: 0, peakUtilizationChange: null },
  ],
};

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('tornadoBars', () => {
  it('sorts by magnitude, drops inputs that do not move the metric, and keeps the first few', () => {
    expect(tornadoBars(drivers, 'netRecovery').map((b) => [b.path, b.change])).toEqual([
      ['buckets.bucket1.balance', 25000], ['humanAgents', -12000], ['rent', -3000]]);
    expect(tornadoBars(drivers, 'peakUtilization').map((b) => b.path)).toEqual(['humanAgents', 'buckets.bucket1.balance']);
    expect(tornadoBars(drivers, 'netRecovery', 1)).toHaveLength(1);
  });
});

describe('SensitivityTornado', () => {
  it('draws the session\'s drivers, switches metric, and fetches again when the version changes', async () => {
    const fetchMock = vi.fn(async () => answer(200, drivers));
    vi.stubGlobal('fetch', fetchMock);
    const { rerender } = render(<SensitivityTornado sessionId="roi-1" version={3} token="t0k" />);
    const chart = await screen.findByTestId('tornado-chart');
    expect(chart).toHaveAttribute('aria-label', 'Balance in bucket 1: +$25K; Human agents: -$12K; Facility rent: -$3,000');
    expect(fetchMock).toHaveBeenCalledWith('/api/sessions/roi-1/drivers', expect.objectContaining({
      headers: expect.objectContaining({ Authorization: 'Bearer t0k' }) }));

    await userEvent.click(screen.getByRole('button', { name: 'Peak utilization' }));
    expect(screen.getByRole('button', { name: 'Peak utilization' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('tornado-chart')).toHaveAttribute('aria-label', 'Human agents: -8.4 pts; Balance in bucket 1: +3.0 pts');

    fetchMock.mockImplementation(async () => answer(200, { ...drivers, sensitivities: drivers.sensitivities.slice(0, 1) }));
    rerender(<SensitivityTornado sessionId="roi-1" version={4} token="t0k" />);
    await waitFor(() => expect(screen.getByTestId('tornado-empty')).toHaveTextContent('No input moves peak utilization'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Net recovery' }));
    expect(screen.getByTestId('tornado-chart')).toHaveAttribute('aria-label', 'Facility rent: -$3,000');
  });

  it('says why when the gateway cannot serve the drivers, and draws nothing made up', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(503, { code: 'UNAVAILABLE', message: 'The calculator cannot answer now; try again.' })));
    render(<SensitivityTornado sessionId="roi-1" version={1} token="t" />);
    expect(await screen.findByTestId('tornado-missing')).toHaveTextContent('Sensitivities unavailable: The calculator cannot answer now');
    expect(screen.queryByTestId('tornado-chart')).toBeNull();
  });
});
