import { X } from 'lucide-react';
import type { GatewayClient } from '../lib/protocol';
import { useSocketErrors } from '../lib/hooks';

/** Refusals the gateway sends as `error {code, message}`. */
export function SocketErrors({ client }: { client: GatewayClient }) {
  const [errors, dismiss] = useSocketErrors(client);
  if (!errors.length) return null;
  return (
    <div className="mx-auto w-full max-w-[1600px] px-4 pt-2" role="alert">
      {errors.map((e, i) => (
        <div key={i} className="mb-1 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <span className="font-mono text-xs font-semibold">{String(e.code ?? 'ERROR')}</span>
          <span className="flex-1">{String(e.message ?? '')}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label="Dismiss error" className="rounded p-0.5 hover:bg-red-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500">
            <X aria-hidden className="h-4 w-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
