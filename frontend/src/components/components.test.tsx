import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import contract from '../../../libs/testing/src/main/resources/contracts/calculator-catalog.json';
import { indexCatalog } from '../lib/catalog';
import type { Catalog, SuggestionCard } from '../lib/types';
import { InputField } from './InputField';
import { SuggestionCardView } from './AgentDesk';
import { CopilotPanel, EXAMPLE_PROMPTS } from './CopilotPanel';
import { initialChatState } from '../lib/chatState';

const defs = indexCatalog(contract as unknown as Catalog);

describe('InputField', () => {
  it('refuses an out-of-bounds value in place, shows the bound, and sends nothing', async () => {
    const onCommit = vi.fn();
    render(<InputField path="targetOccupancy" def={defs.get('targetOccupancy')} value={0.85} version={1} onCommit={onCommit} />);
    const input = screen.getByLabelText('Target occupancy');
    expect(input).toHaveValue('85');
    await userEvent.clear(input);
    await userEvent.type(input, '150{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Out of bounds: 1% – 100%');
    await userEvent.clear(input);
    await userEvent.type(input, '90{Enter}');
    expect(onCommit).toHaveBeenCalledWith('targetOccupancy', 0.9);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server\'s refusal with the bounds it names', () => {
    render(<InputField path="humanAgents" def={defs.get('humanAgents')} value={30} version={1} onCommit={() => {}}
      rejection={{ code: 'OUT_OF_BOUNDS', message: 'Human agents must be between 0 and 100000', min: 0, max: 100000 }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Human agents must be between 0 and 100000 (allowed 0 – 100,000)');
  });

  it('sends nothing when the value did not change, and Escape drops the draft', async () => {
    const onCommit = vi.fn();
    render(<InputField path="rent" def={defs.get('rent')} value={30000} version={1} onCommit={onCommit} />);
    const input = screen.getByLabelText('Facility rent');
    await userEvent.clear(input);
    await userEvent.type(input, '30000{Enter}');
    await userEvent.type(input, '5{Escape}');
    expect(input).toHaveValue('30000');
    expect(onCommit).not.toHaveBeenCalled();
  });
});

const card: SuggestionCard = {
  cardId: 'k1', item: 'Dishwasher', question: 'Is my dishwasher covered?', decision: 'PARTIAL',
  script: 'Your Plus plan covers the dishwasher up to $1,500.',
  evidence: [{ docId: 'plan-plus', section: 'Limits', item: 'Dishwasher', quote: 'Dishwasher repairs are capped at $1,500 per contract term.' }],
  confidence: 'HIGH', mode: 'offline',
};

describe('SuggestionCardView', () => {
  it('shows the decision badge, the script with a copy button, and the quoted clause on demand', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<SuggestionCardView card={card} />);
    expect(screen.getByTestId('decision')).toHaveTextContent('Partial');
    expect(screen.getByTestId('script')).toHaveTextContent('covers the dishwasher up to $1,500');
    const quote = screen.getByText(/capped at \$1,500/);
    expect(quote).not.toBeVisible();
    const toggle = screen.getByRole('button', { name: /Evidence \(1\)/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(quote).toBeVisible();
    expect(screen.getByText('plan-plus › Limits › Dishwasher')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Copy script' }));
    expect(writeText).toHaveBeenCalledWith(card.script);
  });

  it('says lower confidence only when the card is LOW, and who wrote the script', () => {
    const { rerender } = render(<SuggestionCardView card={card} />);
    expect(screen.queryByTestId('low-confidence')).toBeNull();
    expect(screen.getByTestId('card-mode')).toHaveTextContent('offline');
    rerender(<SuggestionCardView card={{ ...card, confidence: 'LOW', mode: 'gemini' }} />);
    expect(screen.getByTestId('low-confidence')).toHaveTextContent('lower confidence');
    expect(screen.getByTestId('card-mode')).toHaveTextContent('Gemini');
  });

  it('reads Yes and No plainly', () => {
    const { rerender } = render(<SuggestionCardView card={{ ...card, decision: 'YES' }} />);
    expect(screen.getByTestId('decision')).toHaveTextContent('Yes, covered');
    rerender(<SuggestionCardView card={{ ...card, decision: 'NO' }} />);
    expect(screen.getByTestId('decision')).toHaveTextContent('No, not covered');
  });
});

describe('CopilotPanel', () => {
  it('sends an example prompt in one click, shows old → new, a download and the brain', async () => {
    const onSend = vi.fn();
    const state = {
      ...initialChatState,
      brain: 'offline',
      messages: [
        { id: 'm1', role: 'user' as const, text: 'Increase agent count to 50' },
        { id: 'r1', role: 'assistant' as const, text: 'Done.', changes: [{ path: 'humanAgents', before: 30, after: 50 }, { path: 'buckets.bucket2.contactRate', before: 0.18, after: 0.2 }],
          artifacts: [{ id: 'a1', title: 'Executive summary', url: '/api/sessions/s/artifacts/a1' }] },
      ],
    };
    render(<CopilotPanel state={state} defs={defs} token="t" onSend={onSend} onUndo={() => {}} onApply={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: EXAMPLE_PROMPTS[1] }));
    expect(onSend).toHaveBeenCalledWith('Reduce human salary by 15%');
    const changes = screen.getAllByTestId('change');
    expect(changes[0]).toHaveTextContent('Human agents:30→50');
    expect(within(changes[1]).getByText('18%')).toBeInTheDocument();
    expect(within(changes[1]).getByText('20%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Download Executive summary/ })).toBeInTheDocument();
    expect(screen.getByTestId('brain')).toHaveTextContent('Offline brain');
  });
});
