import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Check, ChevronDown, ClipboardCopy, Headset, PhoneCall, Power, RefreshCw, UserRound } from 'lucide-react';
import type { GatewayClient } from '../lib/protocol';
import { ApiError, apiGet } from '../lib/auth';
import { useCallSession } from '../lib/hooks';
import type { CustomerCardData, SuggestionCard, TranscriptLine } from '../lib/types';

const CONTRACT_TYPES = ['HOMEOWNER', 'REAL_ESTATE'];
const PLANS = ['ESSENTIAL', 'PLUS', 'PREMIER'];
const STATES = ['AZ', 'CA', 'FL', 'NY', 'TX'];
const ROLES = ['BUYER', 'SELLER'];

interface ActiveCall { id: string; phone?: string; lastText?: string; updatedAt?: string; segments?: number }

function callsFrom(data: unknown): ActiveCall[] {
  const list = Array.isArray(data) ? data : Array.isArray((data as { calls?: unknown[] })?.calls) ? (data as { calls: unknown[] }).calls : [];
  return (list as Record<string, unknown>[]).map((c) => ({
    id: String(c.sessionId ?? c.callId ?? c.id ?? ''),
    phone: (c.phone ?? (c.context as Record<string, unknown> | undefined)?.phone) as string | undefined,
    lastText: (c.lastText ?? c.lastLine) as string | undefined,
    updatedAt: (c.updatedAt ?? c.lastSegmentAt ?? c.startedAt) as string | undefined,
    segments: (c.segmentCount ?? c.segments) as number | undefined,
  })).filter((c) => c.id);
}

function CallList({ token, selected, onSelect }: { token: string; selected: string | null; onSelect: (id: string) => void }) {
  const [calls, setCalls] = useState<ActiveCall[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [manual, setManual] = useState('');
  const load = () => apiGet<unknown>('/api/calls', token).then((d) => { setCalls(callsFrom(d)); setError(null); }).catch((e) => setError(e.message));
  useEffect(() => {
    load();
    const t = setInterval(load, 5000);
    return () => clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const join = (e: FormEvent) => {
    e.preventDefault();
    if (manual.trim()) onSelect(manual.trim());
  };
  return (
    <section aria-labelledby="calls-title" className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-center gap-2">
        <h2 id="calls-title" className="text-sm font-semibold">Active calls</h2>
        <button type="button" onClick={load} aria-label="Refresh calls" className="ml-auto rounded p-1 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          <RefreshCw aria-hidden className="h-4 w-4" />
        </button>
      </div>
      {error && <p className="mt-2 text-xs text-slate-600">Call list unavailable ({error}); join a call by its id below.</p>}
      {!error && calls.length === 0 && <p className="mt-2 text-xs text-slate-600">No active calls.</p>}
      <ul className="mt-2 space-y-1" data-testid="call-list">
        {calls.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onSelect(c.id)}
              aria-current={selected === c.id ? 'true' : undefined}
              className={`w-full rounded-md border px-2 py-1.5 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${selected === c.id ? 'border-indigo-500 bg-indigo-50' : 'border-slate-200 hover:bg-slate-50'}`}
            >
              <span className="flex items-center gap-1.5 font-medium"><PhoneCall aria-hidden className="h-3.5 w-3.5" /> {c.phone ?? c.id}</span>
              {c.phone && <span className="block truncate font-mono text-[11px] text-slate-600">{c.id}</span>}
              {c.lastText && <span className="block truncate text-xs text-slate-600">{c.lastText}</span>}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={join} className="mt-3 flex gap-1">
        <label htmlFor="join-call" className="sr-only">Call id</label>
        <input id="join-call" value={manual} onChange={(e) => setManual(e.target.value)} placeholder="Call id" className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200" />
        <button type="submit" className="rounded-md bg-slate-800 px-2 py-1 text-sm font-medium text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">Join</button>
      </form>
    </section>
  );
}

const sentimentTone: Record<string, string> = {
  POSITIVE: 'bg-emerald-100 text-emerald-900',
  NEUTRAL: 'bg-slate-100 text-slate-800',
  NEGATIVE: 'bg-red-100 text-red-900',
  MIXED: 'bg-amber-100 text-amber-900',
};

export function Transcript({ lines }: { lines: TranscriptLine[] }) {
  return (
    <section aria-labelledby="transcript-title" className="flex min-h-[300px] flex-col rounded-lg border border-slate-200 bg-white">
      <h2 id="transcript-title" className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">Live transcript</h2>
      <ol aria-live="polite" className="flex-1 space-y-2 overflow-y-auto p-3" data-testid="transcript">
        {lines.length === 0 && <li className="text-sm text-slate-600">Waiting for the call's first words…</li>}
        {lines.map((l) => (
          <li key={l.segmentId} data-partial={l.partial ? 'true' : 'false'} className="text-sm">
            <span className={`mr-2 inline-block min-w-[4.5rem] rounded px-1.5 py-0.5 text-center text-[11px] font-bold ${l.speaker === 'AGENT' ? 'bg-indigo-100 text-indigo-900' : 'bg-teal-100 text-teal-900'}`}>
              {l.speaker === 'AGENT' ? 'Agent' : 'Customer'}
            </span>
            <span className={l.partial ? 'italic text-slate-500' : 'text-slate-950'}>{l.text}</span>
            {l.partial && <span className="sr-only"> (still speaking)</span>}
            {(l.sentiment || l.categories?.length) && (
              <span className="ml-2 inline-flex flex-wrap gap-1 align-middle">
                {l.sentiment && <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold ${sentimentTone[l.sentiment] ?? sentimentTone.NEUTRAL}`}>{l.sentiment.toLowerCase()}</span>}
                {l.categories?.map((c) => <span key={c} className="rounded bg-violet-100 px-1.5 py-0.5 text-[10px] font-semibold text-violet-900">{c}</span>)}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CustomerCard({ data }: { data: CustomerCardData | null }) {
  return (
    <section aria-labelledby="customer-title" className="rounded-lg border border-slate-200 bg-white p-3" data-testid="customer-card">
      <h2 id="customer-title" className="flex items-center gap-1.5 text-sm font-semibold"><UserRound aria-hidden className="h-4 w-4" /> Customer</h2>
      {!data && <p className="mt-2 text-sm text-slate-600">Not identified yet.</p>}
      {data && !data.found && <p className="mt-2 text-sm text-slate-700">No customer found for {data.phone ?? 'this phone'}.</p>}
      {data?.found && data.customer && (
        <div className="mt-2 text-sm">
          <p className="font-semibold">{data.customer.firstName} {data.customer.lastName}</p>
          <p className="text-xs text-slate-600">{data.customer.customerId}{data.phone ? ` · ${data.phone}` : ''}{data.customer.email ? ` · ${data.customer.email}` : ''}</p>
          <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Contracts</h3>
          <ul className="mt-1 space-y-1">
            {data.customer.contracts.map((c) => (
              <li key={c.contractId} className="rounded border border-slate-200 px-2 py-1 text-xs">
                <span className="font-semibold">{c.plan}</span> · {c.contractType}{c.role ? ` (${c.role})` : ''} · {c.state}
                <span className={`ml-1 rounded px-1 font-semibold ${c.status === 'ACTIVE' ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-800'}`}>{c.status}</span>
                {c.endDate && <span className="block text-slate-600">{c.startDate} – {c.endDate}{c.serviceFee != null ? ` · service fee $${c.serviceFee}` : ''}</span>}
              </li>
            ))}
            {data.customer.contracts.length === 0 && <li className="text-xs text-slate-600">No contracts.</li>}
          </ul>
          {data.customer.openClaims?.length > 0 && (
            <>
              <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Open claims</h3>
              <ul className="mt-1 text-xs">
                {data.customer.openClaims.map((c) => <li key={c.claimId}>{c.item} · {c.status}{c.openedAt ? ` · ${c.openedAt}` : ''}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

const decisionLook: Record<string, { text: string; cls: string }> = {
  YES: { text: 'Yes, covered', cls: 'bg-emerald-700 text-white' },
  NO: { text: 'No, not covered', cls: 'bg-red-700 text-white' },
  PARTIAL: { text: 'Partial', cls: 'bg-amber-400 text-amber-950' },
};

export function SuggestionCardView({ card }: { card: SuggestionCard }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const evidenceId = useId();
  const look = decisionLook[card.decision] ?? { text: card.decision, cls: 'bg-slate-600 text-white' };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(card.script);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="suggestion-card" aria-label={`${card.item ?? 'Suggestion'}: ${look.text}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="decision" className={`rounded px-2 py-0.5 text-xs font-bold ${look.cls}`}>{look.text}</span>
        <h3 className="text-sm font-semibold text-slate-900">{card.item ?? 'Suggestion'}</h3>
        <span className="ml-auto flex items-center gap-1">
          {card.confidence === 'LOW' && (
            <span data-testid="low-confidence" title="Check the evidence before reading the script out" className="rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900">lower confidence</span>
          )}
          {card.mode && <span data-testid="card-mode" className="text-[11px] text-slate-600">{card.mode === 'gemini' ? 'Gemini' : 'offline'}</span>}
        </span>
      </div>
      {card.question && <p className="mt-1 text-xs text-slate-600">“{card.question}”</p>}
      <div className="mt-2 flex items-start gap-2 rounded-md bg-slate-50 p-2">
        <p className="flex-1 text-sm text-slate-900" data-testid="script">{card.script}</p>
        <button type="button" onClick={copy} aria-label="Copy script" className="shrink-0 rounded p-1 text-slate-700 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          {copied ? <Check aria-hidden className="h-4 w-4 text-emerald-700" /> : <ClipboardCopy aria-hidden className="h-4 w-4" />}
        </button>
        <span role="status" className="sr-only">{copied ? 'Copied' : ''}</span>
      </div>
      {card.flags && card.flags.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-1">{card.flags.map((f) => <span key={f} className="rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900">{f}</span>)}</div>
      )}
      {card.evidence.length > 0 && (
        <div className="mt-2">
          <button type="button" aria-expanded={open} aria-controls={evidenceId} onClick={() => setOpen(!open)} className="inline-flex items-center gap-1 text-xs font-semibold text-indigo-800 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            <ChevronDown aria-hidden className={`h-3.5 w-3.5 transition-transform ${open ? 'rotate-180' : ''}`} /> Evidence ({card.evidence.length})
          </button>
          <ul id={evidenceId} hidden={!open} className="mt-1 space-y-1.5">
            {card.evidence.map((e, i) => (
              <li key={`${e.docId}-${e.section}-${e.item}-${i}`} className="text-xs">
                <span className="font-mono text-[11px] text-slate-700">{e.docId} › {e.section}{e.item ? ` › ${e.item}` : ''}</span>
                <blockquote className="mt-0.5 border-l-2 border-indigo-300 pl-2 text-slate-800">{e.quote}</blockquote>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

/** The live copilot of a call as copilot-service holds it (GET /api/calls/{id}/copilot). */
export interface CopilotServerState {
  callId: string;
  copilot: 'ENABLED' | 'DISABLED' | 'EXPIRED';
  enabledUntil?: string | null;
  context?: { contractType?: string | null; selectedPlan?: string | null; selectedState?: string | null; role?: string | null } | null;
}

type Wanted = 'ENABLED' | 'DISABLED';

/**
 * The switch shows the call's real state, read from the server: on joining (so also after a reload), every
 * {@code refreshMs} (another agent's switch, or an expiry), and, after this agent's own switch, every
 * {@code confirmMs} until the server holds what was asked (the switch travels over Kafka) or {@code confirmWithinMs}
 * passed. It never shows a state the server has not confirmed.
 */
export function CopilotToggle({ client, callId, token, refreshMs = 10000, confirmMs = 600, confirmWithinMs = 8000 }: {
  client: Pick<GatewayClient, 'send'>; callId: string; token: string; refreshMs?: number; confirmMs?: number; confirmWithinMs?: number;
}) {
  const [server, setServer] = useState<CopilotServerState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ want: Wanted; since: number } | null>(null);
  const [contractType, setContractType] = useState('HOMEOWNER');
  const [plan, setPlan] = useState('PLUS');
  const [state, setState] = useState('CA');
  const [role, setRole] = useState('BUYER');
  const touched = useRef(false);
  const path = `/api/calls/${encodeURIComponent(callId)}/copilot`;

  const load = useCallback(async () => {
    try {
      const s = await apiGet<CopilotServerState>(path, token);
      setServer(s);
      setProblem(null);
      // The agent's picks start from the context in force, until the agent changes one.
      const c = s.context;
      if (c && !touched.current) {
        if (c.contractType && CONTRACT_TYPES.includes(c.contractType)) setContractType(c.contractType);
        if (c.selectedPlan && PLANS.includes(c.selectedPlan)) setPlan(c.selectedPlan);
        if (c.selectedState && STATES.includes(c.selectedState)) setState(c.selectedState);
        if (c.role && ROLES.includes(c.role)) setRole(c.role);
      }
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setServer(null);
        setProblem('This call has not reached the copilot yet.');
      } else {
        setProblem(`The copilot's state is unknown: ${e instanceof Error ? e.message : String(e)}`);
      }
      return null;
    }
  }, [path, token]);

  useEffect(() => {
    load();
    const t = setInterval(load, refreshMs);
    return () => clearInterval(t);
  }, [load, refreshMs]);

  useEffect(() => {
    if (!pending) return undefined;
    const t = setInterval(async () => {
      const s = await load();
      if (s?.copilot === pending.want) setPending(null);
      else if (Date.now() - pending.since > confirmWithinMs) {
        setPending(null);
        setProblem(`The copilot did not confirm the switch ${pending.want === 'ENABLED' ? 'on' : 'off'}; it shows what the server holds.`);
      }
    }, confirmMs);
    return () => clearInterval(t);
  }, [pending, load, confirmMs, confirmWithinMs]);

  const send = (on: boolean) => {
    if (on) {
      const msg: Record<string, unknown> = { type: 'copilot_enable', sessionId: callId, contractType, selectedPlan: plan, selectedState: state };
      if (contractType === 'REAL_ESTATE') msg.role = role;
      client.send(msg);
    } else {
      client.send({ type: 'copilot_disable', sessionId: callId });
    }
    setProblem(null);
    setPending({ want: on ? 'ENABLED' : 'DISABLED', since: Date.now() });
  };
  const enabled = server?.copilot === 'ENABLED';
  const stateText = pending ? (pending.want === 'ENABLED' ? 'Turning on…' : 'Turning off…')
    : server?.copilot === 'ENABLED' ? 'On'
      : server?.copilot === 'EXPIRED' ? 'Expired' : 'Off';
  const select = (label: string, value: string, set: (v: string) => void, options: string[]) => (
    <label className="flex flex-col text-xs font-medium text-slate-700">
      {label}
      <select value={value} onChange={(e) => { touched.current = true; set(e.target.value); }} className="mt-0.5 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200">
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="toggle-title" className="rounded-lg border border-slate-200 bg-white p-3" data-testid="copilot-toggle" data-state={server?.copilot ?? 'UNKNOWN'}>
      <div className="flex items-center gap-2">
        <h2 id="toggle-title" className="text-sm font-semibold">Live copilot</h2>
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-busy={pending != null}
          aria-labelledby="toggle-title"
          aria-describedby="toggle-state"
          aria-disabled={pending != null}
          onClick={() => { if (!pending) send(!enabled); }}
          className={`ml-auto inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 aria-disabled:cursor-wait ${enabled ? 'bg-emerald-700 text-white' : server?.copilot === 'EXPIRED' ? 'bg-amber-100 text-amber-950' : 'bg-slate-200 text-slate-800'}`}
        >
          <Power aria-hidden className="h-3.5 w-3.5" /> <span id="toggle-state">{stateText}</span>
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-slate-700" data-testid="copilot-state-note">
        {problem ?? (server?.copilot === 'EXPIRED'
          ? `Went off after no activity${server.enabledUntil ? ` (at ${new Date(server.enabledUntil).toLocaleTimeString()})` : ''}; switch it on again to resume.`
          : '')}
      </p>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {select('Contract type', contractType, setContractType, CONTRACT_TYPES)}
        {select('Plan', plan, setPlan, PLANS)}
        {select('State', state, setState, STATES)}
        {contractType === 'REAL_ESTATE' && select('Role', role, setRole, ROLES)}
      </div>
      {enabled && !pending && (
        <button type="button" onClick={() => send(true)} className="mt-2 text-xs font-semibold text-indigo-800 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
          Update the copilot with this contract
        </button>
      )}
    </section>
  );
}

export function AgentDesk({ client, token }: { client: GatewayClient; token: string }) {
  const [callId, setCallId] = useState<string | null>(() => sessionStorage.getItem('copilot.call'));
  const call = useCallSession(client, callId);
  const select = (id: string) => {
    sessionStorage.setItem('copilot.call', id);
    setCallId(id);
  };
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[260px_minmax(0,1fr)_minmax(320px,400px)]">
      <div className="space-y-4">
        <h1 className="flex items-center gap-2 text-lg font-semibold"><Headset aria-hidden className="h-5 w-5" /> Agent desk</h1>
        <CallList token={token} selected={callId} onSelect={select} />
      </div>
      {callId ? (
        <>
          <div className="min-w-0 space-y-4">
            <p className="text-xs text-slate-600">Call <span className="font-mono">{callId}</span>{call.intent ? ` · intent ${call.intent}` : ''}</p>
            <CopilotToggle key={callId} client={client} callId={callId} token={token} />
            <Transcript lines={call.lines} />
          </div>
          <div className="space-y-4">
            <CustomerCard data={call.customer} />
            <section aria-labelledby="suggestions-title" className="space-y-2">
              <h2 id="suggestions-title" className="text-sm font-semibold">AI suggestions</h2>
              {call.cards.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-600">Suggestions appear as the caller describes the problem.</p>}
              {call.cards.map((c) => <SuggestionCardView key={c.cardId} card={c} />)}
            </section>
          </div>
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600 lg:col-span-2">Pick an active call to join it.</p>
      )}
    </div>
  );
}
