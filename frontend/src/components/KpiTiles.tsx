import { Activity, Gauge, PiggyBank, Percent, Coins, Timer } from 'lucide-react';
import type { RoiOutputs } from '../lib/types';
import { money, percent } from '../lib/format';

type Tone = 'ok' | 'warn' | 'bad' | 'plain';
const tones: Record<Tone, string> = {
  ok: 'border-emerald-200 bg-emerald-50',
  warn: 'border-amber-300 bg-amber-50',
  bad: 'border-red-300 bg-red-50',
  plain: 'border-slate-200 bg-white',
};

function Tile({ label, value, note, tone, Icon, testId }: { label: string; value: string; note: string; tone: Tone; Icon: typeof Gauge; testId: string }) {
  return (
    <div className={`rounded-lg border p-3 ${tones[tone]}`} data-testid={testId}>
      <div className="flex items-center gap-1.5 text-xs font-medium text-slate-700">
        <Icon aria-hidden className="h-4 w-4" /> {label}
      </div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</div>
      <div className="text-xs text-slate-600">{note}</div>
    </div>
  );
}

const utilTone = (v: number | null | undefined, warn: number, bad: number): Tone =>
  v == null ? 'bad' : v > bad ? 'bad' : v > warn ? 'warn' : 'ok';

export function KpiTiles({ outputs }: { outputs: RoiOutputs }) {
  const o = outputs;
  return (
    <section aria-label="Key figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Tile testId="kpi-peak" label="Peak utilization" Icon={Gauge} value={percent(o.peakUtilization)}
        note={o.peakUtilization == null ? 'no capacity for the work' : o.peakUtilization > 1.2 ? 'over 120%: overloaded at peak' : 'peak-hour load vs capacity'}
        tone={utilTone(o.peakUtilization, 1.0, 1.2)} />
      <Tile testId="kpi-utilization" label="Utilization" Icon={Activity} value={percent(o.utilization)}
        note={`service level ${percent(o.serviceLevel, 0)}`} tone={utilTone(o.utilization, 0.9, 1.0)} />
      <Tile testId="kpi-recovery" label="Recovery rate" Icon={Percent} value={percent(o.recoveryRate)}
        note={`${money(o.totalRecovered)} of ${money(o.totalBalance)}`} tone="plain" />
      <Tile testId="kpi-net" label="Net recovery" Icon={PiggyBank} value={money(o.netRecovery)}
        note={`per month, after ${money(o.totalCost)} cost`} tone={o.netRecovery < 0 ? 'bad' : 'plain'} />
      <Tile testId="kpi-ctc" label="Cost to collect" Icon={Coins} value={o.costToCollect == null ? '—' : `${(o.costToCollect * 100).toFixed(1)}¢`}
        note={o.costToCollect == null ? 'nothing recovered' : 'per dollar recovered'} tone="plain" />
      <Tile testId="kpi-payback" label="AI payback" Icon={Timer}
        value={o.paybackMonths == null ? '—' : `${o.paybackMonths.toFixed(1)} mo`}
        note={o.paybackMonths == null ? 'no AI strategy paying back yet' : `annual AI ROI ${o.aiAnnualRoi == null ? '—' : o.aiAnnualRoi.toFixed(1) + '×'}`}
        tone="plain" />
    </section>
  );
}
