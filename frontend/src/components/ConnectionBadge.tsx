import { Wifi, WifiOff, Loader2 } from 'lucide-react';
import type { GatewayClient } from '../lib/protocol';
import { useConnectionStatus } from '../lib/hooks';

/** The socket's state; it reconnects by itself and resumes from the last message it saw. */
export function ConnectionBadge({ client }: { client: GatewayClient }) {
  const status = useConnectionStatus(client);
  const look = {
    open: { text: 'Connected', cls: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30', Icon: Wifi },
    connecting: { text: 'Connecting…', cls: 'bg-slate-100 text-slate-700 ring-slate-400/40', Icon: Loader2 },
    reconnecting: { text: 'Reconnecting…', cls: 'bg-amber-50 text-amber-900 ring-amber-600/40', Icon: Loader2 },
    closed: { text: 'Offline', cls: 'bg-red-50 text-red-800 ring-red-600/30', Icon: WifiOff },
  }[status];
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${look.cls}`}
    >
      <look.Icon aria-hidden className={`h-3.5 w-3.5 ${status === 'connecting' || status === 'reconnecting' ? 'animate-spin' : ''}`} />
      {look.text}
    </span>
  );
}
