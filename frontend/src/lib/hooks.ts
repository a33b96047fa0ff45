import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { GatewayClient, newId, type ConnectionStatus, type ServerMessage } from './protocol';
import {
  addUserMessage, clearRejection, dismissToast, initialChatState, mergeThread, reduceChat, threadToMessages,
  type ChatSessionState,
} from './chatState';
import { initialCallState, reduceCall, type CallSessionState } from './callState';
import { apiGet } from './auth';
import type { Catalog, ChangeOp } from './types';

export function useConnectionStatus(client: GatewayClient): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>(client.connectionStatus);
  useEffect(() => client.onStatus(setStatus), [client]);
  return status;
}

/** Socket-level errors ({code, message}) for a toast, optionally only those of one session. */
export function useSocketErrors(client: GatewayClient): [ServerMessage[], (i: number) => void] {
  const [errors, setErrors] = useState<ServerMessage[]>([]);
  useEffect(() => client.onMessage((m) => {
    if (m.type === 'error') setErrors((e) => [...e.slice(-3), m]);
  }), [client]);
  return [errors, (i) => setErrors((e) => e.filter((_, j) => j !== i))];
}

export function useCatalog(token: string): { catalog: Catalog | null; error: string | null } {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    apiGet<Catalog | Catalog['inputs']>('/api/calculator/catalog', token)
      .then((c) => live && setCatalog(Array.isArray(c) ? { inputs: c } : c))
      .catch((e) => live && setError(e.message ?? String(e)));
    return () => { live = false; };
  }, [token]);
  return { catalog, error };
}

type ChatAction =
  | { kind: 'server'; msg: ServerMessage }
  | { kind: 'user'; id: string; text: string }
  | { kind: 'thread'; messages: ReturnType<typeof threadToMessages> }
  | { kind: 'dismiss'; insightId: string }
  | { kind: 'clearRejection'; path: string }
  | { kind: 'reset' };

function chatReducer(state: ChatSessionState, a: ChatAction): ChatSessionState {
  switch (a.kind) {
    case 'server': return reduceChat(state, a.msg);
    case 'user': return addUserMessage(state, a.id, a.text);
    case 'thread': return mergeThread(state, a.messages);
    case 'dismiss': return dismissToast(state, a.insightId);
    case 'clearRejection': return clearRejection(state, a.path);
    case 'reset': return initialChatState;
  }
}

export interface ChatSession {
  state: ChatSessionState;
  sendChat(text: string): void;
  change(ops: ChangeOp[]): string;
  undo(): void;
  dismiss(insightId: string): void;
  clearRejection(path: string): void;
}

export function useChatSession(client: GatewayClient, sessionId: string, token: string): ChatSession {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const versionRef = useRef<number | undefined>(undefined);
  versionRef.current = state.calc?.version;

  useEffect(() => {
    dispatch({ kind: 'reset' });
    const off = client.onMessage((msg) => {
      if (msg.sessionId === sessionId) dispatch({ kind: 'server', msg });
    });
    client.join(sessionId, 'chat');
    // The stored turns carry each reply's changes and documents; MESSAGES_SNAPSHOT carries only text.
    apiGet<unknown>(`/api/sessions/${encodeURIComponent(sessionId)}/thread`, token)
      .then((turns) => dispatch({ kind: 'thread', messages: threadToMessages(turns, sessionId) }))
      .catch(() => { /* not served, or a new session: the socket's snapshot is enough */ });
    return () => {
      off();
      client.leave(sessionId);
    };
  }, [client, sessionId, token]);

  useEffect(() => {
    if (state.needsSnapshot) client.rejoin(sessionId);
  }, [client, sessionId, state.needsSnapshot]);

  return {
    state,
    sendChat: useCallback((text: string) => {
      const messageId = newId('m-');
      dispatch({ kind: 'user', id: messageId, text });
      client.send({ type: 'chat', sessionId, text, messageId });
    }, [client, sessionId]),
    change: useCallback((ops: ChangeOp[]) => {
      const requestId = newId('r-');
      const msg: Record<string, unknown> = { type: 'calculator_change', sessionId, ops, requestId };
      if (versionRef.current != null) msg.expectedVersion = versionRef.current;
      client.send(msg);
      return requestId;
    }, [client, sessionId]),
    undo: useCallback(() => {
      client.send({ type: 'calculator_undo', sessionId, requestId: newId('r-') });
    }, [client, sessionId]),
    dismiss: useCallback((insightId: string) => dispatch({ kind: 'dismiss', insightId }), []),
    clearRejection: useCallback((path: string) => dispatch({ kind: 'clearRejection', path }), []),
  };
}

type CallAction = { kind: 'server'; msg: ServerMessage } | { kind: 'reset' };

export function useCallSession(client: GatewayClient, callId: string | null): CallSessionState {
  const [state, dispatch] = useReducer(
    (s: CallSessionState, a: CallAction) => (a.kind === 'reset' ? initialCallState : reduceCall(s, a.msg)),
    initialCallState,
  );
  useEffect(() => {
    dispatch({ kind: 'reset' });
    if (!callId) return;
    const off = client.onMessage((msg) => {
      if (msg.sessionId === callId) dispatch({ kind: 'server', msg });
    });
    client.join(callId, 'call');
    return () => {
      off();
      client.leave(callId);
    };
  }, [client, callId]);
  return state;
}
