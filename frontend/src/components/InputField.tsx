import { useEffect, useId, useState } from 'react';
import { Loader2 } from 'lucide-react';
import type { InputDef, Rejection } from '../lib/types';
import { boundsText, displayScale, displaySuffix, validateInput } from '../lib/catalog';
import { tidy } from '../lib/format';

export interface InputFieldProps {
  path: string;
  def: InputDef | undefined;
  value: number | undefined;
  version: number | undefined;
  highlightedAt?: number;
  rejection?: Rejection;
  compact?: boolean;
  /** Sends the edit; the field shows the server's value once the new state comes back. */
  onCommit: (path: string, value: number) => void;
  onEdit?: (path: string) => void;
}

/**
 * A numeric input bound to the catalog: typed in the unit people think in (percent for a fraction),
 * refused in place with its bounds when out of range, and sent only when valid.
 */
export function InputField({ path, def, value, version, highlightedAt, rejection, compact, onCommit, onEdit }: InputFieldProps) {
  const id = useId();
  const shown = value == null ? '' : String(tidy(value * displayScale(def)));
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pendingSince, setPendingSince] = useState<number | null>(null);

  // The new state (or a refusal) ends the wait.
  useEffect(() => { setPendingSince(null); }, [version, rejection]);

  const commit = () => {
    if (draft == null) return;
    const result = validateInput(def, draft);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setDraft(null);
    if (value != null && tidy(result.value) === tidy(value)) return;
    setPendingSince(version ?? 0);
    onCommit(path, result.value);
  };

  const label = def?.label ?? path;
  const refused = rejection ? `${rejection.message}${rejection.min != null && rejection.max != null && def ? ` (allowed ${boundsText(def)})` : ''}` : null;
  const message = error ?? refused;
  // Remounting on a new highlight replays the one-shot flash animation, and only then.
  const flashing = highlightedAt != null;

  return (
    <div className={compact ? '' : 'flex flex-col gap-1'}>
      {!compact && (
        <label htmlFor={id} className="text-xs font-medium text-slate-700" title={def?.description}>
          {label}
        </label>
      )}
      <div className="relative flex items-center">
        <input
          id={id}
          data-path={path}
          inputMode="decimal"
          aria-label={compact ? label : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-err` : def ? `${id}-hint` : undefined}
          value={draft ?? shown}
          onChange={(e) => { setDraft(e.target.value); setError(null); onEdit?.(path); }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') { setDraft(null); setError(null); }
          }}
          key={`h-${highlightedAt ?? 0}`}
          className={`w-full rounded-md border px-2 py-1.5 text-right text-sm tabular-nums focus:outline-none focus:ring-2 ${
            message ? 'border-red-500 bg-red-50 focus:ring-red-200' : 'border-slate-300 focus:border-indigo-500 focus:ring-indigo-200'
          } ${flashing ? 'flash-change' : ''} ${displaySuffix(def) === '%' ? 'pr-6' : ''}`}
        />
        {displaySuffix(def) === '%' && <span aria-hidden className="pointer-events-none absolute right-2 text-xs text-slate-500">%</span>}
        {pendingSince != null && <Loader2 aria-label="Saving" className="absolute -right-5 h-4 w-4 animate-spin text-slate-500" />}
      </div>
      {message ? (
        <p id={`${id}-err`} role="alert" className="text-xs font-medium text-red-700">{message}</p>
      ) : (
        !compact && def && <p id={`${id}-hint`} className="text-[11px] text-slate-500">{displaySuffix(def) !== '%' ? def.unit + ' · ' : ''}{boundsText(def)}</p>
      )}
    </div>
  );
}
