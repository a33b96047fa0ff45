// A call session on the agent desk: the live transcript (partials replaced by their finals), the
// customer card and the current suggestion cards.
import type { ServerMessage } from './protocol';
import type { CustomerCardData, SuggestionCard, TranscriptLine } from './types';

export interface CallSessionState {
  lines: TranscriptLine[];
  customer: CustomerCardData | null;
  cards: SuggestionCard[];
  intent: string | null;
}

export const initialCallState: CallSessionState = { lines: [], customer: null, cards: [], intent: null };

const offset = (l: TranscriptLine) => l.beginOffsetMillis ?? l.offsetMillis ?? Number.MAX_SAFE_INTEGER;

/** Adds or replaces lines: the same segment once; a final removes the partials of its utterance. */
export function mergeLines(current: TranscriptLine[], incoming: TranscriptLine[]): TranscriptLine[] {
  let lines = current.slice();
  for (const line of incoming) {
    if (!line || !line.segmentId) continue;
    // Contact Lens joins partials to their final by TranscriptId, which is the final's own Id.
    const utterance = line.transcriptId ?? line.segmentId;
    if (!line.partial) {
      lines = lines.filter((l) => !(l.partial && l.transcriptId === utterance && l.segmentId !== line.segmentId));
    }
    if (line.partial && line.transcriptId && lines.some((l) => !l.partial && (l.transcriptId ?? l.segmentId) === line.transcriptId)) {
      continue; // a late partial of an utterance whose final we already hold
    }
    const i = lines.findIndex((l) => l.segmentId === line.segmentId);
    if (i >= 0) lines[i] = line;
    else if (line.partial && line.transcriptId && lines.some((l) => l.partial && l.transcriptId === line.transcriptId)) {
      // A newer partial of the same utterance replaces the older one in place.
      lines = lines.map((l) => (l.partial && l.transcriptId === line.transcriptId ? line : l));
    } else lines.push(line);
  }
  // Stable: lines without offsets keep their arrival order.
  return lines.map((l, i) => [l, i] as const).sort((a, b) => offset(a[0]) - offset(b[0]) || a[1] - b[1]).map(([l]) => l);
}

export function reduceCall(state: CallSessionState, msg: ServerMessage): CallSessionState {
  switch (msg.type) {
    case 'transcript_update': {
      const incoming = Array.isArray(msg.lines) ? (msg.lines as TranscriptLine[]) : msg.line ? [msg.line as TranscriptLine] : [];
      return { ...state, lines: mergeLines(state.lines, incoming) };
    }
    case 'customer_update': {
      const customer = (msg.customer ?? null) as CustomerCardData['customer'];
      const found = typeof msg.found === 'boolean' ? msg.found && !!customer : !!customer;
      return { ...state, customer: { phone: msg.phone as string | undefined, found, customer } };
    }
    case 'suggestion_update':
      return { ...state, cards: Array.isArray(msg.cards) ? (msg.cards as SuggestionCard[]) : [], intent: (msg.intent as string) ?? state.intent };
    default:
      return state;
  }
}
