import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AlertTriangle, Bot, Download, Lightbulb, Loader2, Send, Sparkles, Undo2, User, Wrench } from 'lucide-react';
import type { ChatMessage, ChatSessionState } from '../lib/chatState';
import type { ChangeOp, FieldChange, InputDef, SuggestedAction } from '../lib/types';
import { inputValue } from '../lib/format';
import { downloadWithToken } from '../lib/auth';

/** The original product's example prompts. */
export const EXAMPLE_PROMPTS = [
  'Increase agent count to 50 and reduce rent by 10%',
  'Reduce human salary by 15%',
  'Why is my peak utilization so high?',
  'What happens if I switch to AI augmentation for Bucket 1?',
  'Prepare an executive summary for my CFO',
];

function labelOf(path: string, defs: Map<string, InputDef>): string {
  const def = defs.get(path);
  if (!def) return path;
  return def.bucket ? `${def.label} (bucket ${def.bucket.slice(-1)})` : def.label;
}

export function ChangeList({ changes, defs }: { changes: FieldChange[]; defs: Map<string, InputDef> }) {
  if (!changes.length) return null;
  return (
    <ul className="mt-2 space-y-1 rounded-md bg-indigo-50 p-2 text-xs text-slate-800" aria-label="Changed inputs">
      {changes.map((c) => (
        <li key={c.path} className="flex flex-wrap items-center gap-1" data-testid="change">
          <span className="font-medium">{labelOf(c.path, defs)}:</span>
          <span className="tabular-nums text-slate-600 line-through decoration-slate-400">{inputValue(c.before, defs.get(c.path)?.unit)}</span>
          <span className="text-slate-500">→</span>
          <span className="font-semibold tabular-nums text-indigo-800">{inputValue(c.after, defs.get(c.path)?.unit)}</span>
        </li>
      ))}
    </ul>
  );
}

function Downloads({ message, token }: { message: ChatMessage; token: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!message.artifacts?.length) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {message.artifacts.map((a) => (
        <button
          key={a.id}
          type="button"
          disabled={busy === a.id}
          data-testid="artifact-download"
          onClick={async () => {
            setBusy(a.id);
            setError(null);
            try {
              await downloadWithToken(a.url, token, `${a.title.replace(/[^\w .-]+/g, '_') || 'document'}.pdf`);
            } catch (e) {
              setError(e instanceof Error ? e.message : 'Download failed');
            } finally {
              setBusy(null);
            }
          }}
          className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 disabled:opacity-60"
        >
          {busy === a.id ? <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> : <Download aria-hidden className="h-3.5 w-3.5" />}
          Download {a.title}
        </button>
      ))}
      {error && <p role="alert" className="w-full text-xs text-red-700">{error}</p>}
    </div>
  );
}

export function ActionButtons({ actions, onApply }: { actions: SuggestedAction[]; onApply: (ops: ChangeOp[]) => void }) {
  const [applied, setApplied] = useState<number | null>(null);
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {actions.map((a, i) => (
        <button
          key={i}
          type="button"
          disabled={applied === i}
          onClick={() => { onApply(a.ops); setApplied(i); }}
          className="inline-flex items-center gap-1 rounded-md border border-amber-400 bg-white px-2.5 py-1 text-xs font-semibold text-amber-900 hover:bg-amber-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 disabled:opacity-60"
        >
          <Sparkles aria-hidden className="h-3.5 w-3.5" /> {applied === i ? 'Applied' : a.label}
        </button>
      ))}
    </div>
  );
}

function Message({ m, defs, token, onApply }: { m: ChatMessage; defs: Map<string, InputDef>; token: string; onApply: (ops: ChangeOp[]) => void }) {
  if (m.role === 'user') {
    return (
      <li className="flex justify-end gap-2" data-role="user">
        <div className="max-w-[85%] rounded-lg rounded-br-sm bg-indigo-600 px-3 py-2 text-sm text-white">{m.text}</div>
        <User aria-label="You" className="mt-1 h-5 w-5 shrink-0 text-slate-500" />
      </li>
    );
  }
  if (m.role === 'insight' && m.insight) {
    const crit = m.insight.severity === 'critical';
    return (
      <li data-role="insight" className={`rounded-lg border px-3 py-2 text-sm ${crit ? 'border-red-300 bg-red-50 text-red-950' : 'border-amber-300 bg-amber-50 text-amber-950'}`}>
        <div className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide">
          <Lightbulb aria-hidden className="h-4 w-4" /> Insight · {m.insight.severity}
        </div>
        <p className="mt-1 whitespace-pre-wrap">{m.text}</p>
        {m.insight.actions.length > 0 && <ActionButtons actions={m.insight.actions} onApply={onApply} />}
      </li>
    );
  }
  return (
    <li className="flex gap-2" data-role={m.role} data-streaming={m.streaming ? 'true' : undefined}>
      <Bot aria-label="Copilot" className="mt-1 h-5 w-5 shrink-0 text-indigo-600" />
      <div className={`min-w-0 max-w-[90%] rounded-lg rounded-bl-sm border px-3 py-2 text-sm ${m.error ? 'border-red-200 bg-red-50 text-red-950' : 'border-slate-200 bg-white text-slate-900'}`}>
        {m.tools && m.tools.length > 0 && (
          <div className="mb-1 flex flex-wrap gap-1">
            {m.tools.map((t) => (
              <span key={t.id} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700" title={t.args}>
                <Wrench aria-hidden className="h-3 w-3" /> {t.name}
              </span>
            ))}
          </div>
        )}
        {m.error && <AlertTriangle aria-label="Refused" className="mr-1 inline h-4 w-4 text-red-700" />}
        <span className="whitespace-pre-wrap break-words">{m.text}</span>
        {m.streaming && <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-slate-400 align-text-bottom" />}
        {m.changes && <ChangeList changes={m.changes} defs={defs} />}
        <Downloads message={m} token={token} />
      </div>
    </li>
  );
}

export function BrainBadge({ brain }: { brain: string | null }) {
  const gemini = brain?.toLowerCase() === 'gemini';
  return (
    <span
      data-testid="brain"
      title={gemini ? 'Replies are written by Gemini; the math stays in the calculator' : 'Offline: the deterministic brain answers; no data leaves the suite'}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-semibold ring-1 ring-inset ${gemini ? 'bg-sky-50 text-sky-800 ring-sky-600/30' : 'bg-slate-100 text-slate-700 ring-slate-400/40'}`}
    >
      <Sparkles aria-hidden className="h-3 w-3" /> {brain == null ? 'Brain: not yet known' : gemini ? 'Gemini' : 'Offline brain'}
    </span>
  );
}

interface PanelProps {
  state: ChatSessionState;
  defs: Map<string, InputDef>;
  token: string;
  onSend: (text: string) => void;
  onUndo: () => void;
  onApply: (ops: ChangeOp[]) => void;
}

export function CopilotPanel({ state, defs, token, onSend, onUndo, onApply }: PanelProps) {
  const [text, setText] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const last = state.messages[state.messages.length - 1];
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, last?.text]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    onSend(t);
    setText('');
  };
  const busy = state.running != null;

  return (
    <aside aria-label="Copilot" className="flex h-[calc(100vh-7rem)] min-h-[520px] flex-col rounded-lg border border-slate-200 bg-slate-50">
      <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
        <Bot aria-hidden className="h-5 w-5 text-indigo-600" />
        <h2 className="text-sm font-semibold">ROI copilot</h2>
        <BrainBadge brain={state.brain} />
        <button
          type="button"
          onClick={onUndo}
          disabled={!state.calc || state.calc.version === 0}
          className="ml-auto inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-50"
        >
          <Undo2 aria-hidden className="h-3.5 w-3.5" /> Undo
        </button>
      </div>
      <ol ref={listRef} aria-live="polite" aria-label="Conversation" className="flex-1 space-y-3 overflow-y-auto p-3" data-testid="thread">
        {state.messages.length === 0 && (
          <li className="text-sm text-slate-600">Ask about the calculator, change it in plain words, or ask for a summary.</li>
        )}
        {state.messages.map((m) => <Message key={m.id} m={m} defs={defs} token={token} onApply={onApply} />)}
        {busy && !last?.streaming && (
          <li className="flex items-center gap-2 text-xs text-slate-600"><Loader2 aria-hidden className="h-4 w-4 animate-spin" /> Thinking…</li>
        )}
      </ol>
      <div className="border-t border-slate-200 bg-white p-2">
        <div className="mb-2 flex flex-wrap gap-1.5" role="group" aria-label="Example prompts">
          {EXAMPLE_PROMPTS.map((p) => (
            <button
              key={p}
              type="button"
              onClick={() => onSend(p)}
              className="rounded-full border border-indigo-200 bg-indigo-50 px-2.5 py-1 text-left text-xs text-indigo-900 hover:bg-indigo-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            >
              {p}
            </button>
          ))}
        </div>
        <form onSubmit={submit} className="flex gap-2">
          <label htmlFor="chat-input" className="sr-only">Message the copilot</label>
          <input
            id="chat-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. Reduce human salary by 15%"
            maxLength={2000}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
          <button type="submit" disabled={!text.trim()} className="inline-flex items-center gap-1 rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 disabled:opacity-50">
            <Send aria-hidden className="h-4 w-4" /> Send
          </button>
        </form>
      </div>
    </aside>
  );
}
