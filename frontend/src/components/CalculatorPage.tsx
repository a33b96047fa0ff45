import { useCallback, useMemo, useState } from 'react';
import { AlertTriangle, RotateCcw } from 'lucide-react';
import type { GatewayClient } from '../lib/protocol';
import { newId } from '../lib/protocol';
import { decodeToken } from '../lib/auth';
import { indexCatalog } from '../lib/catalog';
import { useCatalog, useChatSession } from '../lib/hooks';
import type { ChangeOp, Strategy } from '../lib/types';
import { KpiTiles } from './KpiTiles';
import { RecoveredVsCost, SensitivityTornado, UtilizationChart } from './Charts';
import { BucketTable, OperationInputs } from './CalculatorInputs';
import { CopilotPanel } from './CopilotPanel';
import { InsightToasts } from './Toasts';

/** The chat session id lives in the browser, per user, so a reload comes back to the same thread. */
function storedSession(token: string): [string, (id: string) => void] {
  const who = decodeToken(token);
  const key = `copilot.chatSession.${who?.tenant}.${who?.user}`;
  let id = localStorage.getItem(key);
  if (!id) {
    id = newId('roi-');
    localStorage.setItem(key, id);
  }
  return [id, (next) => localStorage.setItem(key, next)];
}

export function CalculatorPage({ client, token }: { client: GatewayClient; token: string }) {
  const [sessionId, setSessionId] = useState(() => storedSession(token)[0]);
  const { catalog, error: catalogError } = useCatalog(token);
  const defs = useMemo(() => indexCatalog(catalog), [catalog]);
  const session = useChatSession(client, sessionId, token);
  const { state } = session;

  const onSet = useCallback((path: string, value: number) => { session.change([{ op: 'set', path, value }]); }, [session]);
  const onStrategy = useCallback((bucket: string, strategy: Strategy) => {
    session.change([{ op: 'strategy', path: `buckets.${bucket}.strategy`, value: strategy }]);
  }, [session]);
  const onApply = useCallback((ops: ChangeOp[]) => { session.change(ops); }, [session]);

  const newSession = () => {
    const id = newId('roi-');
    storedSession(token)[1](id);
    setSessionId(id);
  };

  const generalRejection = state.rejections['*'];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
      <div className="min-w-0 space-y-4" data-testid="calculator" data-version={state.calc?.version ?? ''}>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-lg font-semibold text-slate-900">Collections ROI calculator</h1>
          <span className="text-xs text-slate-600">version {state.calc?.version ?? '…'}</span>
          <button type="button" onClick={newSession} className="ml-auto inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            <RotateCcw aria-hidden className="h-3.5 w-3.5" /> New session
          </button>
        </div>
        {catalogError && (
          <p role="alert" className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <AlertTriangle aria-hidden className="h-4 w-4" /> The input catalog could not be loaded ({catalogError}): fields show their keys and bounds are checked by the server only.
          </p>
        )}
        {generalRejection && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {generalRejection.code}: {generalRejection.message}
          </p>
        )}
        {!state.calc ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">Loading the calculator…</p>
        ) : (
          <>
            <KpiTiles outputs={state.calc.outputs} />
            <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
              <RecoveredVsCost calc={state.calc} />
              <UtilizationChart calc={state.calc} />
              <SensitivityTornado sessionId={sessionId} version={state.calc.version} token={token} />
            </div>
            <BucketTable state={state} defs={defs} onSet={onSet} onStrategy={onStrategy} onEdit={session.clearRejection} />
            <OperationInputs state={state} defs={defs} onSet={onSet} onStrategy={onStrategy} onEdit={session.clearRejection} />
          </>
        )}
      </div>
      <div className="lg:sticky lg:top-16 lg:self-start">
        <CopilotPanel state={state} defs={defs} token={token} onSend={session.sendChat} onUndo={session.undo} onApply={onApply} />
      </div>
      <InsightToasts toasts={state.toasts} onDismiss={session.dismiss} onApply={onApply} />
    </div>
  );
}
