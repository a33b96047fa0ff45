import { useEffect } from 'react';
import { Lightbulb, X } from 'lucide-react';
import type { ChangeOp, Insight } from '../lib/types';
import { ActionButtons } from './CopilotPanel';

/** Proactive insights as they fire; each stays 20 s unless dismissed, and its action is one click. */
export function InsightToasts({ toasts, onDismiss, onApply }: { toasts: Insight[]; onDismiss: (id: string) => void; onApply: (ops: ChangeOp[]) => void }) {
  useEffect(() => {
    if (!toasts.length) return;
    const timers = toasts.map((t) => setTimeout(() => onDismiss(t.insightId), 20000));
    return () => timers.forEach(clearTimeout);
  }, [toasts, onDismiss]);
  return (
    <div className="pointer-events-none fixed bottom-4 left-4 z-40 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2" aria-live="assertive">
      {toasts.map((t) => (
        <div
          key={t.insightId}
          role="alert"
          data-testid="insight-toast"
          className={`pointer-events-auto rounded-lg border p-3 shadow-lg ${t.severity === 'critical' ? 'border-red-300 bg-red-50 text-red-950' : 'border-amber-300 bg-amber-50 text-amber-950'}`}
        >
          <div className="flex items-start gap-2">
            <Lightbulb aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            <p className="flex-1 text-sm">{t.message}</p>
            <button type="button" aria-label="Dismiss insight" onClick={() => onDismiss(t.insightId)} className="rounded p-0.5 hover:bg-black/5 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600">
              <X aria-hidden className="h-4 w-4" />
            </button>
          </div>
          {t.actions.length > 0 && <ActionButtons actions={t.actions} onApply={(ops) => { onApply(ops); onDismiss(t.insightId); }} />}
        </div>
      ))}
    </div>
  );
}
