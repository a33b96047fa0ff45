// The browser side of docs/protocol.md: one socket per tab, typed JSON frames, per-session `seq`,
// resume with `lastSeq` after a drop, and a fresh snapshot when the server says `resync`.

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';
export type SessionKind = 'chat' | 'call';

/** A frame from the gateway, flattened: a `payload` envelope's fields are lifted next to `type`. */
export interface ServerMessage {
  type: string;
  sessionId?: string;
  seq?: number;
  [field: string]: unknown;
}

/** What the client needs of a WebSocket; tests pass a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export interface ClientOptions {
  url: string;
  token: string;
  factory?: SocketFactory;
  /** Delay before reconnect attempt n (1-based). */
  backoff?: (attempt: number) => number;
  /** Ping interval; a socket silent for 2.5 intervals is treated as dead. 0 turns it off. */
  heartbeatMs?: number;
  /** How many client messages are held while disconnected; older ones are dropped first. */
  maxQueued?: number;
}

const OPEN = 1;

/** The subprotocols that carry the bearer token on the upgrade (browsers cannot set headers). */
export function tokenProtocols(token: string): string[] {
  return ['bearer-token-carrier', encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + token)];
}

/** The gateway socket URL for this page's origin. */
export function socketUrl(loc: Location = window.location): string {
  return (loc.protocol === 'https:' ? 'wss://' : 'ws://') + loc.host + '/ws';
}

/**
 * Lifts a `{type, sessionId, payload}` envelope's fields next to `type` (the envelope's own fields win,
 * and `payload` stays); a flat frame passes unchanged.
 */
export function flatten(raw: Record<string, unknown>): ServerMessage {
  const payload = raw.payload;
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    return { ...(payload as Record<string, unknown>), ...raw } as ServerMessage;
  }
  return raw as ServerMessage;
}

export function newId(prefix = ''): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return prefix + c.randomUUID();
  return prefix + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

export class GatewayClient {
  private socket: SocketLike | null = null;
  private status: ConnectionStatus = 'closed';
  private attempts = 0;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private readonly sessions = new Map<string, SessionKind>();
  /** The highest seq delivered per session: what a resume asks to continue after. */
  private readonly lastSeen = new Map<string, number>();
  /**
   * The seq a `joined` reported. The snapshot that follows a join carries that same seq on each of its
   * frames, so frames at exactly this seq are all delivered; it is also where a resume starts when
   * nothing newer has arrived.
   */
  private readonly joinedAt = new Map<string, number>();
  private readonly queue: Record<string, unknown>[] = [];
  private readonly messageListeners = new Set<(m: ServerMessage) => void>();
  private readonly statusListeners = new Set<(s: ConnectionStatus) => void>();
  private readonly opts: Required<ClientOptions>;

  constructor(options: ClientOptions) {
    this.opts = {
      factory: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      backoff: (n) => Math.min(8000, 400 * 2 ** (n - 1)) * (0.75 + Math.random() * 0.5),
      heartbeatMs: 20000,
      maxQueued: 50,
      ...options,
    };
  }

  get connectionStatus(): ConnectionStatus {
    return this.status;
  }

  /** The seq a resume would send for a session, if any. */
  resumeSeq(sessionId: string): number | undefined {
    const seen = this.lastSeen.get(sessionId);
    const joined = this.joinedAt.get(sessionId);
    if (seen == null) return joined;
    if (joined == null) return seen;
    return Math.max(seen, joined);
  }

  onMessage(fn: (m: ServerMessage) => void): () => void {
    this.messageListeners.add(fn);
    return () => this.messageListeners.delete(fn);
  }

  onStatus(fn: (s: ConnectionStatus) => void): () => void {
    this.statusListeners.add(fn);
    fn(this.status);
    return () => this.statusListeners.delete(fn);
  }

  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Subscribes to a session; after a reconnect it is re-joined with `lastSeq` automatically. */
  join(sessionId: string, kind: SessionKind): void {
    this.sessions.set(sessionId, kind);
    if (this.isOpen()) this.sendJoin(sessionId, kind, false);
  }

  leave(sessionId: string): void {
    this.sessions.delete(sessionId);
    this.lastSeen.delete(sessionId);
    this.joinedAt.delete(sessionId);
    if (this.isOpen()) this.raw({ type: 'leave', sessionId });
  }

  /** Joins again without `lastSeq`, so the server sends a fresh snapshot. */
  rejoin(sessionId: string): void {
    const kind = this.sessions.get(sessionId);
    if (!kind) return;
    this.lastSeen.delete(sessionId);
    this.joinedAt.delete(sessionId);
    if (this.isOpen()) this.sendJoin(sessionId, kind, true);
  }

  /** Sends a client message; while disconnected it waits (bounded) and goes out after the re-joins. */
  send(message: Record<string, unknown>): void {
    if (this.isOpen()) {
      this.raw(message);
      return;
    }
    this.queue.push(message);
    while (this.queue.length > this.opts.maxQueued) this.queue.shift();
  }

  /** Drops the socket as a network failure would; the client reconnects and resumes. */
  drop(): void {
    this.socket?.close(4000, 'dropped by client');
  }

  close(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.close(1000, 'bye');
    }
    this.setStatus('closed');
  }

  private isOpen(): boolean {
    return this.socket != null && this.socket.readyState === OPEN && this.status === 'open';
  }

  private open(): void {
    if (this.stopped) return;
    this.setStatus(this.attempts === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.opts.factory(this.opts.url, tokenProtocols(this.opts.token));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempts = 0;
      this.lastHeard = Date.now();
      this.setStatus('open');
      for (const [id, kind] of this.sessions) this.sendJoin(id, kind, false);
      const pending = this.queue.splice(0);
      for (const m of pending) this.raw(m);
      this.startHeartbeat();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      this.receive(ev.data);
    };
    socket.onerror = () => {
      /* onclose follows and reconnects */
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.attempts += 1;
    this.setStatus('reconnecting');
    this.reconnectTimer = setTimeout(() => this.open(), this.opts.backoff(this.attempts));
  }

  private startHeartbeat(): void {
    if (!this.opts.heartbeatMs) return;
    this.heartbeatTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > this.opts.heartbeatMs * 2.5) {
        // Silent for too long: the connection is dead even if the browser has not noticed.
        this.socket?.close(4001, 'heartbeat timeout');
        return;
      }
      this.raw({ type: 'ping' });
    }, this.opts.heartbeatMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.reconnectTimer = null;
    this.heartbeatTimer = null;
  }

  private sendJoin(sessionId: string, kind: SessionKind, fresh: boolean): void {
    const lastSeq = fresh ? undefined : this.resumeSeq(sessionId);
    this.raw(lastSeq == null ? { type: 'join', sessionId, kind } : { type: 'join', sessionId, kind, lastSeq });
  }

  private raw(message: Record<string, unknown>): void {
    this.socket?.send(JSON.stringify(message));
  }

  private receive(data: unknown): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return; // not ours to interpret; the server only sends JSON
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    const msg = flatten(parsed as Record<string, unknown>);
    const session = msg.sessionId;
    if (msg.type === 'joined') {
      if (session && typeof msg.seq === 'number') this.joinedAt.set(session, msg.seq);
    } else if (msg.type === 'resync') {
      if (session) this.rejoin(session);
    } else if (session && typeof msg.seq === 'number') {
      const seen = this.lastSeen.get(session);
      const snapshotPart = msg.seq === this.joinedAt.get(session);
      if (seen != null && (msg.seq < seen || (msg.seq === seen && !snapshotPart))) return; // already delivered
      this.lastSeen.set(session, Math.max(seen ?? msg.seq, msg.seq));
    }
    for (const fn of this.messageListeners) fn(msg);
  }

  private setStatus(s: ConnectionStatus): void {
    if (this.status === s) return;
    this.status = s;
    for (const fn of this.statusListeners) fn(s);
  }
}
