import { describe, expect, it } from 'vitest';
import jsonpatch from 'fast-json-patch';
import { applyDelta, initialChatState, insightActions, reduceChat, threadToMessages, mergeThread, type ChatSessionState } from './chatState';
import type { ServerMessage } from './protocol';
import type { CalculatorSnapshot } from './types';

function snapshot(version: number, humanAgents: number, rent = 30000): CalculatorSnapshot {
  return {
    version,
    inputs: { humanAgents, rent, buckets: { bucket1: { accounts: 12000, strategy: 'HUMAN' } } },
    outputs: { peakUtilization: 1.14 * (30 / humanAgents), netRecovery: 3_000_000, buckets: { bucket1: { recovered: 1, cost: 2 } } },
  } as unknown as CalculatorSnapshot;
}

const agui = (event: Record<string, unknown>, seq?: number): ServerMessage => ({ type: 'agui', sessionId: 's', seq, event });

function run(state: ChatSessionState, ...frames: ServerMessage[]): ChatSessionState {
  return frames.reduce((s, f) => reduceChat(s, f, 1000), state);
}

describe('calculator state over AG-UI', () => {
  it('takes a snapshot, then moves forward with an RFC 6902 delta and flashes what moved', () => {
    const v1 = snapshot(1, 30);
    const v2 = snapshot(2, 50, 27000);
    const delta = jsonpatch.compare(v1, v2);
    const s = run(initialChatState, agui({ type: 'STATE_SNAPSHOT', snapshot: v1 }), agui({ type: 'STATE_DELTA', delta }));
    expect(s.calc).toEqual(v2);
    expect(Object.keys(s.highlights).sort()).toEqual(['humanAgents', 'rent']);
    expect(s.needsSnapshot).toBe(false);
  });

  it('does not touch the held state when a delta cannot apply, and asks for a snapshot', () => {
    const v1 = snapshot(1, 30);
    const s1 = run(initialChatState, agui({ type: 'STATE_SNAPSHOT', snapshot: v1 }));
    const broken = [{ op: 'replace', path: '/version', value: 3 }, { op: 'replace', path: '/inputs/nothing/here', value: 1 }];
    const s2 = run(s1, agui({ type: 'STATE_DELTA', delta: broken }));
    expect(s2.needsSnapshot).toBe(true);
    expect(s2.calc).toEqual(v1);
    expect(s1.calc).toEqual(v1); // nothing half-applied to the old object either
  });

  it('ignores a replayed delta for a version it already holds', () => {
    const v1 = snapshot(1, 30);
    const v2 = snapshot(2, 50);
    const delta = jsonpatch.compare(v1, v2);
    const s = run(initialChatState, agui({ type: 'STATE_SNAPSHOT', snapshot: v1 }), agui({ type: 'STATE_DELTA', delta }), agui({ type: 'STATE_DELTA', delta }));
    expect(s.calc).toEqual(v2);
    expect(s.needsSnapshot).toBe(false);
  });

  it('refuses a delta whose predecessor is not the version held', () => {
    const v1 = snapshot(1, 30);
    expect(applyDelta(v1, [], 4).resync).toBe(true);
    expect(applyDelta(null, []).resync).toBe(true);
    expect(applyDelta(v1, [], 0).stale).toBe(true);
    // No predecessor named, but the version jumps: a state was missed.
    expect(applyDelta(v1, [{ op: 'replace', path: '/version', value: 3 }]).resync).toBe(true);
  });

  it('still reads the whole-state frames of a gateway without AG-UI', () => {
    const s = run(initialChatState,
      { type: 'calculator.state', sessionId: 's', payload: snapshot(0, 30), ...snapshot(0, 30) },
      { type: 'calculator.state.changed', sessionId: 's', ...snapshot(1, 40) });
    expect(s.calc?.version).toBe(1);
    expect(s.highlights).toHaveProperty('humanAgents');
  });
});

describe('a streamed turn', () => {
  it('streams text, attaches tool calls, and ends with the changes, artifacts and brain', () => {
    let s = run(initialChatState,
      agui({ type: 'RUN_STARTED', threadId: 's', runId: 'm1' }),
      agui({ type: 'TOOL_CALL_START', toolCallId: 't1', toolCallName: 'apply_change' }),
      agui({ type: 'TOOL_CALL_ARGS', toolCallId: 't1', delta: '{"ops":[]}' }),
      agui({ type: 'TOOL_CALL_END', toolCallId: 't1' }),
      agui({ type: 'TEXT_MESSAGE_START', messageId: 'r1', role: 'assistant' }),
      agui({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'r1', delta: 'Human agents: ' }));
    expect(s.running).toBe('m1');
    expect(s.messages[0]).toMatchObject({ id: 'r1', text: 'Human agents: ', streaming: true, runId: 'm1' });
    expect(s.messages[0].tools?.[0]).toMatchObject({ name: 'apply_change', args: '{"ops":[]}' });
    s = run(s,
      agui({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'r1', delta: '30 → 50.' }),
      agui({ type: 'TEXT_MESSAGE_END', messageId: 'r1' }),
      agui({ type: 'RUN_FINISHED', threadId: 's', runId: 'm1', result: {
        reply: 'Human agents: 30 → 50.', routes: ['MODIFY'], brain: 'offline', error: null,
        changes: [{ path: 'humanAgents', before: 30, after: 50 }],
        artifacts: [{ id: 'a1', title: 'Executive summary', url: '/api/sessions/s/artifacts/a1' }] } }));
    expect(s.running).toBeNull();
    expect(s.brain).toBe('offline');
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]).toMatchObject({ text: 'Human agents: 30 → 50.', streaming: false, error: false,
      changes: [{ path: 'humanAgents', before: 30, after: 50 }], artifacts: [{ id: 'a1', url: '/api/sessions/s/artifacts/a1' }] });
  });

  it('creates the reply from RUN_FINISHED when nothing streamed, and marks RUN_ERROR', () => {
    const s = run(initialChatState,
      agui({ type: 'RUN_STARTED', runId: 'm1' }),
      agui({ type: 'RUN_FINISHED', runId: 'm1', result: { reply: 'Human agents must be 0 – 100,000.', error: true, brain: 'gemini' } }),
      agui({ type: 'RUN_STARTED', runId: 'm2' }),
      agui({ type: 'RUN_ERROR', message: 'The copilot timed out', code: 'TIMEOUT' }));
    expect(s.messages.map((m) => [m.text, m.error])).toEqual([['Human agents must be 0 – 100,000.', true], ['The copilot timed out', true]]);
    expect(s.brain).toBe('gemini');
    expect(s.running).toBeNull();
  });

  it('restores the thread from MESSAGES_SNAPSHOT, keeping insights it does not hold', () => {
    const withInsight = run(initialChatState, { type: 'calculator.insight', sessionId: 's', insightId: 'PEAK_UTILIZATION_HIGH', severity: 'warning', message: 'Peak 150%', version: 3, actions: [] });
    const s = run(withInsight, agui({ type: 'MESSAGES_SNAPSHOT', messages: [
      { id: 'm1', role: 'user', content: 'Reduce human salary by 15%' },
      { id: 'r1', role: 'assistant', content: 'Annual salary per agent: $48.0K → $40.8K' },
      { id: 'x', role: 'system', content: 'not shown' },
    ] }));
    expect(s.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'insight']);
  });

  it('reads the stored thread with each reply\'s changes and documents', () => {
    const msgs = threadToMessages([{ messageId: 'm1', text: 'Prepare an executive summary for my CFO', reply: {
      messageId: 'r1', text: 'Here it is.', routes: ['GENERATE'], brain: 'offline', changes: [], artifacts: [{ id: 'a1', title: 'Summary', kind: 'EXECUTIVE_SUMMARY' }] } }], 'my session');
    expect(msgs[1].artifacts?.[0].url).toBe('/api/sessions/my%20session/artifacts/a1');
    const merged = mergeThread(run(initialChatState, { type: 'noop' } as ServerMessage), msgs);
    expect(merged.brain).toBe('offline');
    expect(merged.messages).toHaveLength(2);
  });
});

describe('insights, refusals and documents', () => {
  it('shows an insight as a toast and a chat message with its one-click actions, once', () => {
    const frame: ServerMessage = { type: 'calculator.insight', sessionId: 's', insightId: 'PEAK_UTILIZATION_HIGH', severity: 'critical',
      message: 'Peak-hour utilization is 228%', version: 7,
      actions: [{ label: 'Staff to 100% peak', ops: [{ op: 'set', path: 'humanAgents', value: 34.6 }] }] };
    const s = run(initialChatState, frame, frame);
    expect(s.toasts).toHaveLength(1);
    expect(s.messages.filter((m) => m.role === 'insight')).toHaveLength(1);
    expect(s.toasts[0].actions[0].ops).toEqual([{ op: 'set', path: 'humanAgents', value: 34.6 }]);
  });

  it('reads an insight action given as one action or as a bare list of ops', () => {
    expect(insightActions({ action: [{ op: 'strategy', path: 'buckets.bucket1.strategy', value: 'AI_AUGMENTED' }] })[0].ops).toHaveLength(1);
    expect(insightActions({ action: { label: 'Move bucket 1', ops: [{ op: 'set', path: 'rent', value: 1 }] } })[0].label).toBe('Move bucket 1');
    expect(insightActions({ action: null, actions: [] })).toEqual([]);
  });

  it('keeps a refusal by the input it names until a state moves that input', () => {
    let s = run(initialChatState, agui({ type: 'STATE_SNAPSHOT', snapshot: snapshot(1, 30) }),
      { type: 'calculator.change.rejected', sessionId: 's', requestId: 'r', code: 'OUT_OF_BOUNDS', message: 'Human agents must be 0 – 100000', path: 'humanAgents', value: -1, min: 0, max: 100000 });
    expect(s.rejections.humanAgents).toMatchObject({ code: 'OUT_OF_BOUNDS', min: 0, max: 100000 });
    s = run(s, agui({ type: 'STATE_SNAPSHOT', snapshot: snapshot(2, 31) }));
    expect(s.rejections.humanAgents).toBeUndefined();
  });

  it('hangs a ready document on the turn that asked for it', () => {
    const s = run(initialChatState,
      agui({ type: 'RUN_FINISHED', runId: 'm1', result: { reply: 'Preparing your summary.', routes: ['GENERATE'] } }),
      { type: 'artifact_ready', sessionId: 's', artifactId: 'a9', title: 'Executive summary', url: '/api/sessions/s/artifacts/a9' },
      { type: 'artifact_ready', sessionId: 's', artifactId: 'a9', title: 'Executive summary', url: '/api/sessions/s/artifacts/a9' });
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0].artifacts).toEqual([expect.objectContaining({ id: 'a9', url: '/api/sessions/s/artifacts/a9' })]);
  });
});
