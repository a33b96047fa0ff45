// A chat session as the browser holds it: the calculator state (snapshot + RFC 6902 deltas), the thread
// (AG-UI messages, streamed), the copilot's brain, insights and refusals. Pure functions, so the
// protocol's rules are tested without a socket.
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { EventType } from '@ag-ui/core';
import type { ServerMessage } from './protocol';
import { changedPaths } from './catalog';
import type { Artifact, CalculatorSnapshot, ChangeOp, FieldChange, Insight, Rejection, SuggestedAction } from './types';

export interface ToolCall {
  id: string;
  name: string;
  args: string;
  result?: string;
}

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant' | 'insight' | 'notice';
  text: string;
  streaming?: boolean;
  runId?: string;
  changes?: FieldChange[];
  artifacts?: Artifact[];
  brain?: string;
  error?: boolean;
  routes?: string[];
  tools?: ToolCall[];
  insight?: Insight;
}

export interface ChatSessionState {
  calc: CalculatorSnapshot | null;
  messages: ChatMessage[];
  /** The run in flight (AG-UI runId = the user's messageId), or null. */
  running: string | null;
  brain: string | null;
  /** Input paths changed by the latest state, with when, so the UI can flash them. */
  highlights: Record<string, number>;
  /** Refusals of the user's own edits, by input path. */
  rejections: Record<string, Rejection>;
  /** Insights not yet dismissed from the toast stack. */
  toasts: Insight[];
  /** Tool calls seen before their message exists, by parent message id. */
  tools: Record<string, ToolCall[]>;
  /** Set when the state cannot be brought forward from what we hold: the caller re-joins. */
  needsSnapshot: boolean;
}

export const initialChatState: ChatSessionState = {
  calc: null,
  messages: [],
  running: null,
  brain: null,
  highlights: {},
  rejections: {},
  toasts: [],
  tools: {},
  needsSnapshot: false,
};

const clone = <T,>(v: T): T => (typeof structuredClone === 'function' ? structuredClone(v) : JSON.parse(JSON.stringify(v)));

/** A new calculator state arrived: keep it and flash the inputs that moved. */
function withCalc(state: ChatSessionState, next: CalculatorSnapshot, now: number): ChatSessionState {
  if (state.calc && typeof next.version === 'number' && next.version < state.calc.version) return state; // stale
  const moved = state.calc ? changedPaths(state.calc.inputs, next.inputs) : [];
  const highlights = { ...state.highlights };
  for (const p of moved) highlights[p] = now;
  // A state that came back clears the refusal of a field it moved.
  const rejections = { ...state.rejections };
  for (const p of moved) delete rejections[p];
  return { ...state, calc: next, highlights, rejections, needsSnapshot: false };
}

/** Applies a STATE_DELTA to the held document; any mismatch asks for a snapshot instead of guessing. */
export function applyDelta(calc: CalculatorSnapshot | null, ops: Operation[], previousVersion?: number):
  { calc: CalculatorSnapshot | null; resync: boolean; stale: boolean } {
  if (!calc) return { calc, resync: true, stale: false };
  if (previousVersion != null && previousVersion !== calc.version) {
    return previousVersion < calc.version ? { calc, resync: false, stale: true } : { calc, resync: true, stale: false };
  }
  const versionOp = ops.find((o) => o.path === '/version' && (o.op === 'replace' || o.op === 'add')) as
    { value: unknown } | undefined;
  if (versionOp && typeof versionOp.value === 'number') {
    if (versionOp.value <= calc.version) return { calc, resync: false, stale: true }; // a replay we already applied
    // Versions go up by one per change: a gap means a state was missed, so patching would be a guess.
    if (versionOp.value > calc.version + 1) return { calc, resync: true, stale: false };
  }
  try {
    const doc = clone(calc);
    const result = jsonpatch.applyPatch(doc, ops, true, true).newDocument as CalculatorSnapshot;
    return { calc: result, resync: false, stale: false };
  } catch {
    return { calc, resync: true, stale: false };
  }
}

function upsertMessage(messages: ChatMessage[], msg: ChatMessage): ChatMessage[] {
  const i = messages.findIndex((m) => m.id === msg.id);
  if (i < 0) return [...messages, msg];
  const copy = messages.slice();
  copy[i] = { ...copy[i], ...msg };
  return copy;
}

function patchMessage(messages: ChatMessage[], id: string, fn: (m: ChatMessage) => ChatMessage): ChatMessage[] {
  return messages.map((m) => (m.id === id ? fn(m) : m));
}

function asArtifacts(list: unknown, sessionId?: string): Artifact[] {
  if (!Array.isArray(list)) return [];
  return list.map((a: Record<string, unknown>) => {
    const id = String(a.id ?? a.artifactId ?? '');
    const url = typeof a.url === 'string' ? a.url
      : sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}/artifacts/${encodeURIComponent(id)}` : '';
    return { id, title: String(a.title ?? 'Document'), url, kind: a.kind as string | undefined, sizeBytes: a.sizeBytes as number | undefined };
  }).filter((a) => a.id);
}

/** An insight's suggested actions, whether sent as `actions: [{label, ops}]`, `action: {label, ops}` or `action: ops`. */
export function insightActions(raw: Record<string, unknown>): SuggestedAction[] {
  const out: SuggestedAction[] = [];
  const add = (a: unknown, fallback: string) => {
    if (Array.isArray(a) && a.every((o) => o && typeof o === 'object' && 'op' in o)) {
      if (a.length) out.push({ label: fallback, ops: a as ChangeOp[] });
    } else if (a && typeof a === 'object' && Array.isArray((a as SuggestedAction).ops)) {
      const s = a as SuggestedAction;
      if (s.ops.length) out.push({ label: s.label || fallback, ops: s.ops });
    }
  };
  if (Array.isArray(raw.actions)) raw.actions.forEach((a) => add(a, 'Apply suggestion'));
  if (raw.action) add(raw.action, 'Apply suggestion');
  return out;
}

interface RunResult {
  reply?: string;
  text?: string;
  routes?: string[];
  changes?: FieldChange[];
  artifacts?: unknown[];
  brain?: string;
  error?: boolean | string | null;
  messageId?: string;
}

/** A finished turn: the reply message gets its changes, artifacts and brain (created if nothing streamed). */
function finishRun(state: ChatSessionState, runId: string | undefined, result: RunResult, sessionId?: string, replyId?: string): ChatSessionState {
  const text = result.reply ?? result.text ?? '';
  let target = replyId ? state.messages.find((m) => m.id === replyId) : undefined;
  if (!target && runId) target = [...state.messages].reverse().find((m) => m.role === 'assistant' && m.runId === runId);
  const details: Partial<ChatMessage> = {
    changes: result.changes ?? [],
    artifacts: asArtifacts(result.artifacts, sessionId),
    brain: result.brain,
    routes: result.routes,
    error: !!result.error,
    streaming: false,
  };
  let messages: ChatMessage[];
  if (target) {
    messages = patchMessage(state.messages, target.id, (m) => ({ ...m, ...details, text: m.text || text }));
  } else {
    const id = replyId ?? `reply-${runId ?? Math.random().toString(36).slice(2)}`;
    messages = upsertMessage(state.messages, { id, role: 'assistant', runId, text, tools: state.tools[id] ?? (runId ? state.tools[runId] : undefined), ...details });
  }
  return { ...state, messages, running: state.running === runId || !runId ? null : state.running, brain: result.brain ?? state.brain };
}

interface AguiMessage { id: string; role: string; content?: string; toolCalls?: unknown[] }

function fromAguiMessages(list: AguiMessage[], existing: ChatMessage[]): ChatMessage[] {
  const known = new Map(existing.map((m) => [m.id, m]));
  const out: ChatMessage[] = [];
  for (const m of list) {
    if (m.role !== 'user' && m.role !== 'assistant') continue;
    const before = known.get(m.id);
    out.push({ ...before, id: m.id, role: m.role, text: m.content ?? before?.text ?? '', streaming: false });
  }
  const ids = new Set(out.map((m) => m.id));
  // What the server's thread does not hold (insights, notices, a message still in flight) stays.
  for (const m of existing) if (!ids.has(m.id) && (m.role === 'insight' || m.role === 'notice' || m.streaming)) out.push(m);
  return out;
}

/** The stored thread (GET /api/sessions/{id}/thread): richer than MESSAGES_SNAPSHOT, with each turn's changes and artifacts. */
export function threadToMessages(turns: unknown, sessionId: string): ChatMessage[] {
  if (!Array.isArray(turns)) return [];
  const out: ChatMessage[] = [];
  for (const t of turns as Record<string, unknown>[]) {
    const id = String(t.messageId ?? t.id ?? '');
    if (t.text) out.push({ id, role: 'user', text: String(t.text) });
    const r = t.reply as Record<string, unknown> | null | undefined;
    if (r) {
      out.push({
        id: String(r.messageId ?? `reply-${id}`), role: 'assistant', runId: id, text: String(r.text ?? r.reply ?? ''),
        changes: (r.changes as FieldChange[]) ?? [], artifacts: asArtifacts(r.artifacts, sessionId), brain: r.brain as string,
        routes: r.routes as string[], error: !!r.error,
      });
    }
  }
  return out;
}

export function mergeThread(state: ChatSessionState, thread: ChatMessage[]): ChatSessionState {
  if (!thread.length) return state;
  const ids = new Set(thread.map((m) => m.id));
  const rest = state.messages.filter((m) => !ids.has(m.id) && !(m.role === 'user' && thread.some((t) => t.role === 'user' && t.text === m.text)));
  const lastBrain = [...thread].reverse().find((m) => m.brain)?.brain;
  return { ...state, messages: [...thread, ...rest], brain: state.brain ?? lastBrain ?? null };
}

/** The user sent a chat message: it shows at once and its id becomes the run id. */
export function addUserMessage(state: ChatSessionState, id: string, text: string): ChatSessionState {
  return { ...state, messages: upsertMessage(state.messages, { id, role: 'user', text }), running: id };
}

export function dismissToast(state: ChatSessionState, insightId: string): ChatSessionState {
  return { ...state, toasts: state.toasts.filter((t) => t.insightId !== insightId) };
}

export function clearRejection(state: ChatSessionState, path: string): ChatSessionState {
  if (!state.rejections[path]) return state;
  const rejections = { ...state.rejections };
  delete rejections[path];
  return { ...state, rejections };
}

function snapshotOf(m: Record<string, unknown>): CalculatorSnapshot | null {
  const src = (m.snapshot ?? m.state ?? m) as Record<string, unknown>;
  if (!src || typeof src !== 'object' || !src.inputs || !src.outputs) return null;
  return { version: Number(src.version ?? 0), inputs: src.inputs, outputs: src.outputs } as CalculatorSnapshot;
}

/** One server frame applied to the session. */
export function reduceChat(state: ChatSessionState, msg: ServerMessage, now = Date.now()): ChatSessionState {
  const sessionId = msg.sessionId;
  switch (msg.type) {
    case 'agui': {
      const ev = (msg.event ?? msg.payload) as Record<string, unknown> | undefined;
      return ev ? reduceAgui(state, ev, now, sessionId) : state;
    }
    // The frames of a gateway that has not moved to AG-UI yet: whole states and whole replies.
    case 'calculator.state':
    case 'calculator.state.changed': {
      const snap = snapshotOf(msg);
      return snap ? withCalc(state, snap, now) : state;
    }
    case 'chat.replied': {
      const runId = (msg.replyTo as string) ?? undefined;
      return finishRun(state, runId, msg as RunResult, sessionId, msg.messageId as string);
    }
    case 'calculator.insight': {
      const insight: Insight = {
        insightId: String(msg.insightId ?? msg.eventId ?? now), severity: String(msg.severity ?? 'info'),
        message: String(msg.message ?? ''), figures: msg.figures as Record<string, unknown>,
        version: msg.version as number, actions: insightActions(msg),
      };
      const id = `insight-${insight.insightId}-${insight.version ?? ''}`;
      if (state.messages.some((m) => m.id === id)) return state;
      return {
        ...state,
        toasts: [...state.toasts.filter((t) => t.insightId !== insight.insightId), insight],
        messages: [...state.messages, { id, role: 'insight', text: insight.message, insight }],
      };
    }
    case 'calculator.change.rejected': {
      const rejection: Rejection = {
        requestId: msg.requestId as string, code: String(msg.code ?? 'REJECTED'), message: String(msg.message ?? 'Refused'),
        path: msg.path as string, value: msg.value, min: msg.min as number, max: msg.max as number,
      };
      const key = rejection.path ?? '*';
      return { ...state, rejections: { ...state.rejections, [key]: rejection } };
    }
    case 'artifact_ready': {
      const [artifact] = asArtifacts([msg], sessionId);
      if (!artifact) return state;
      if (state.messages.some((m) => m.artifacts?.some((a) => a.id === artifact.id))) return state;
      // It belongs to the latest turn that asked for a document, or stands alone.
      const owner = [...state.messages].reverse().find((m) => m.role === 'assistant' && m.routes?.includes('GENERATE'));
      if (owner) {
        return { ...state, messages: patchMessage(state.messages, owner.id, (m) => ({ ...m, artifacts: [...(m.artifacts ?? []), artifact] })) };
      }
      return { ...state, messages: [...state.messages, { id: `artifact-${artifact.id}`, role: 'notice', text: 'Your document is ready.', artifacts: [artifact] }] };
    }
    default:
      return state;
  }
}

function reduceAgui(state: ChatSessionState, ev: Record<string, unknown>, now: number, sessionId?: string): ChatSessionState {
  switch (ev.type) {
    case EventType.RUN_STARTED:
      return { ...state, running: String(ev.runId ?? '') || state.running };
    case EventType.TEXT_MESSAGE_START: {
      const id = String(ev.messageId);
      if (state.messages.some((m) => m.id === id)) return state;
      // Tool calls come before the text; without a parentMessageId they were filed under the run.
      const tools = state.tools[id] ?? (state.running ? state.tools[state.running] : undefined);
      return { ...state, messages: [...state.messages, { id, role: 'assistant', text: '', streaming: true, runId: state.running ?? undefined, tools }] };
    }
    case EventType.TEXT_MESSAGE_CONTENT: {
      const id = String(ev.messageId);
      const delta = String(ev.delta ?? '');
      if (!state.messages.some((m) => m.id === id)) {
        return { ...state, messages: [...state.messages, { id, role: 'assistant', text: delta, streaming: true, runId: state.running ?? undefined }] };
      }
      return { ...state, messages: patchMessage(state.messages, id, (m) => ({ ...m, text: m.text + delta })) };
    }
    case EventType.TEXT_MESSAGE_END:
      return { ...state, messages: patchMessage(state.messages, String(ev.messageId), (m) => ({ ...m, streaming: false })) };
    case EventType.TOOL_CALL_START: {
      const parent = String(ev.parentMessageId ?? state.running ?? '');
      const call: ToolCall = { id: String(ev.toolCallId), name: String(ev.toolCallName ?? 'tool'), args: '' };
      const tools = { ...state.tools, [parent]: [...(state.tools[parent] ?? []), call] };
      return { ...state, tools, messages: patchMessage(state.messages, parent, (m) => ({ ...m, tools: tools[parent] })) };
    }
    case EventType.TOOL_CALL_ARGS:
    case EventType.TOOL_CALL_RESULT: {
      const id = String(ev.toolCallId);
      const tools: Record<string, ToolCall[]> = {};
      for (const [parent, list] of Object.entries(state.tools)) {
        tools[parent] = list.map((t) => t.id !== id ? t
          : ev.type === EventType.TOOL_CALL_ARGS ? { ...t, args: t.args + String(ev.delta ?? '') } : { ...t, result: String(ev.content ?? '') });
      }
      return { ...state, tools, messages: state.messages.map((m) => (tools[m.id] ? { ...m, tools: tools[m.id] } : m)) };
    }
    case EventType.RUN_FINISHED:
      return finishRun(state, ev.runId as string, (ev.result ?? {}) as RunResult, sessionId, (ev.result as RunResult | undefined)?.messageId);
    case EventType.RUN_ERROR: {
      const runId = state.running;
      const text = String(ev.message ?? 'The copilot could not answer.');
      return { ...state, running: null, messages: [...state.messages, { id: `error-${runId ?? now}`, role: 'assistant', text, error: true, runId: runId ?? undefined }] };
    }
    case EventType.STATE_SNAPSHOT: {
      const snap = snapshotOf(ev);
      return snap ? withCalc(state, snap, now) : state;
    }
    case EventType.STATE_DELTA: {
      const ops = (ev.delta ?? []) as Operation[];
      const { calc, resync, stale } = applyDelta(state.calc, ops, ev.previousVersion as number | undefined);
      if (resync) return { ...state, needsSnapshot: true };
      if (stale || !calc) return state;
      return withCalc(state, calc, now);
    }
    case EventType.MESSAGES_SNAPSHOT:
      return { ...state, messages: fromAguiMessages((ev.messages ?? []) as AguiMessage[], state.messages) };
    default:
      return state;
  }
}
