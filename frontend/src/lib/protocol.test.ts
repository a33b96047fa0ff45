import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GatewayClient, flatten, tokenProtocols, type ServerMessage } from './protocol';
import { FakeSocket } from '../test/fakeSocket';

function client(extra: Partial<ConstructorParameters<typeof GatewayClient>[0]> = {}) {
  const c = new GatewayClient({
    url: 'ws://gw/ws', token: 'tok.en.x', heartbeatMs: 0, backoff: () => 100,
    factory: (url, protocols) => new FakeSocket(url, protocols), ...extra,
  });
  const got: ServerMessage[] = [];
  c.onMessage((m) => got.push(m));
  return { c, got };
}

describe('GatewayClient', () => {
  beforeEach(() => { FakeSocket.all = []; vi.useFakeTimers(); });
  afterEach(() => vi.useRealTimers());

  it('carries the bearer token in the subprotocol, as Quarkus reads it', () => {
    expect(tokenProtocols('abc')).toEqual(['bearer-token-carrier', encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer abc')]);
    const { c } = client();
    c.connect();
    expect(FakeSocket.latest().protocols).toEqual(tokenProtocols('tok.en.x'));
  });

  it('joins its sessions once open, and sends what was queued while connecting after the join', () => {
    const { c } = client();
    c.join('s1', 'chat');
    c.send({ type: 'chat', sessionId: 's1', text: 'hi' });
    c.connect();
    const s = FakeSocket.latest();
    expect(s.sent).toEqual([]);
    s.open();
    expect(s.sent).toEqual([{ type: 'join', sessionId: 's1', kind: 'chat' }, { type: 'chat', sessionId: 's1', text: 'hi' }]);
  });

  it('drops a frame whose seq it already delivered, per session', () => {
    const { c, got } = client();
    c.join('a', 'chat');
    c.join('b', 'call');
    c.connect();
    const s = FakeSocket.latest();
    s.open();
    s.serve({ type: 'transcript_update', sessionId: 'a', seq: 5 });
    s.serve({ type: 'transcript_update', sessionId: 'a', seq: 5 });
    s.serve({ type: 'transcript_update', sessionId: 'a', seq: 3 });
    s.serve({ type: 'transcript_update', sessionId: 'b', seq: 3 });
    s.serve({ type: 'transcript_update', sessionId: 'a', seq: 9 });
    expect(got.map((m) => `${m.sessionId}:${m.seq}`)).toEqual(['a:5', 'b:3', 'a:9']);
  });

  it('reconnects after a drop and resumes every session from the last seq it saw', () => {
    const { c, got } = client();
    const statuses: string[] = [];
    c.onStatus((st) => statuses.push(st));
    c.join('chat-1', 'chat');
    c.join('call-1', 'call');
    c.connect();
    const first = FakeSocket.latest();
    first.open();
    first.serve({ type: 'joined', sessionId: 'chat-1', kind: 'chat', seq: 10 });
    first.serve({ type: 'agui', sessionId: 'chat-1', seq: 11, event: { type: 'RUN_STARTED' } });
    first.serve({ type: 'joined', sessionId: 'call-1', kind: 'call', seq: 4 });
    first.fail();
    expect(c.connectionStatus).toBe('reconnecting');
    // A message typed while offline waits for the new socket.
    c.send({ type: 'chat', sessionId: 'chat-1', text: 'still there?' });
    vi.advanceTimersByTime(100);
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    expect(second.sent).toEqual([
      { type: 'join', sessionId: 'chat-1', kind: 'chat', lastSeq: 11 },
      { type: 'join', sessionId: 'call-1', kind: 'call', lastSeq: 4 },
      { type: 'chat', sessionId: 'chat-1', text: 'still there?' },
    ]);
    // The replay overlaps what we had: only the new frame goes through.
    second.serve({ type: 'agui', sessionId: 'chat-1', seq: 11, event: { type: 'RUN_STARTED' } });
    second.serve({ type: 'agui', sessionId: 'chat-1', seq: 12, event: { type: 'RUN_FINISHED' } });
    expect(got.filter((m) => m.type === 'agui').map((m) => m.seq)).toEqual([11, 12]);
    expect(statuses).toEqual(['closed', 'connecting', 'open', 'reconnecting', 'open']);
  });

  it('backs off between failed attempts and keeps trying', () => {
    const delays: number[] = [];
    const { c } = client({ backoff: (n) => { delays.push(n); return 50 * n; } });
    c.connect();
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(50);
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(100);
    expect(FakeSocket.all).toHaveLength(3);
    expect(delays).toEqual([1, 2]);
  });

  it('answers resync by joining again without lastSeq, so the server sends a fresh snapshot', () => {
    const { c, got } = client();
    c.join('s', 'chat');
    c.connect();
    const s = FakeSocket.latest();
    s.open();
    s.serve({ type: 'agui', sessionId: 's', seq: 40, event: {} });
    s.serve({ type: 'resync', sessionId: 's', reason: 'window passed' });
    expect(s.sent.at(-1)).toEqual({ type: 'join', sessionId: 's', kind: 'chat' });
    // The snapshot after a resync may carry any seq, lower ones included.
    s.serve({ type: 'agui', sessionId: 's', seq: 2, event: { type: 'STATE_SNAPSHOT' } });
    expect(got.at(-1)?.seq).toBe(2);
  });

  it('bounds what it holds while offline, dropping the oldest', () => {
    const { c } = client({ maxQueued: 2 });
    c.send({ type: 'ping', n: 1 });
    c.send({ type: 'ping', n: 2 });
    c.send({ type: 'ping', n: 3 });
    c.connect();
    FakeSocket.latest().open();
    expect(FakeSocket.latest().sent.map((m) => m.n)).toEqual([2, 3]);
  });

  it('treats a silent socket as dead and replaces it', () => {
    const { c } = client({ heartbeatMs: 1000 });
    c.connect();
    const s = FakeSocket.latest();
    s.open();
    vi.advanceTimersByTime(1000);
    expect(s.ofType('ping')).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(s.readyState).toBe(3);
    vi.advanceTimersByTime(100);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('ignores frames that are not JSON objects, and stops for good on close', () => {
    const { c, got } = client();
    c.connect();
    const s = FakeSocket.latest();
    s.open();
    s.onmessage?.({ data: 'not json' });
    s.onmessage?.({ data: '[1,2]' });
    expect(got).toEqual([]);
    c.close();
    vi.advanceTimersByTime(10000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(c.connectionStatus).toBe('closed');
  });

  it('delivers every frame of a snapshot, which all carry the joined seq, and nothing older after it', () => {
    const { c, got } = client();
    c.join('s', 'chat');
    c.connect();
    const s = FakeSocket.latest();
    s.open();
    s.serve({ type: 'joined', sessionId: 's', kind: 'chat', seq: 80 });
    s.serve({ type: 'agui', sessionId: 's', seq: 80, event: { type: 'STATE_SNAPSHOT' } });
    s.serve({ type: 'agui', sessionId: 's', seq: 80, event: { type: 'MESSAGES_SNAPSHOT' } });
    s.serve({ type: 'agui', sessionId: 's', seq: 79, event: { type: 'STATE_DELTA' } });
    s.serve({ type: 'agui', sessionId: 's', seq: 88, event: { type: 'STATE_DELTA' } });
    s.serve({ type: 'agui', sessionId: 's', seq: 88, event: { type: 'STATE_DELTA' } });
    expect(got.filter((m) => m.type === 'agui').map((m) => (m.event as { type: string }).type))
      .toEqual(['STATE_SNAPSHOT', 'MESSAGES_SNAPSHOT', 'STATE_DELTA']);
    expect(c.resumeSeq('s')).toBe(88);
  });

  it('lifts a payload envelope next to the type, keeping the envelope fields', () => {
    expect(flatten({ type: 'calculator.insight', sessionId: 's', seq: 3, payload: { message: 'm', sessionId: 'internal' } }))
      .toMatchObject({ type: 'calculator.insight', sessionId: 's', seq: 3, message: 'm' });
    expect(flatten({ type: 'agui', event: { type: 'RUN_STARTED' } })).toEqual({ type: 'agui', event: { type: 'RUN_STARTED' } });
  });
});
