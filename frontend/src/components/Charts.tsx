import { useEffect, useState } from 'react';
import {
  Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { CalculatorSnapshot } from '../lib/types';
import { BUCKETS } from '../lib/types';
import { money, percent, strategyLabel } from '../lib/format';
import { apiGet, ApiError } from '../lib/auth';

const card = 'rounded-lg border border-slate-200 bg-white p-3';

export function RecoveredVsCost({ calc }: { calc: CalculatorSnapshot }) {
  const data = BUCKETS.map((b) => ({
    name: `B${b.slice(-1)}`,
    strategy: strategyLabel(String(calc.inputs.buckets?.[b]?.strategy ?? '')),
    recovered: calc.outputs.buckets?.[b]?.recovered ?? 0,
    cost: calc.outputs.buckets?.[b]?.cost ?? 0,
  }));
  return (
    <figure className={card}>
      <figcaption className="text-sm font-semibold text-slate-800">Recovered vs cost per bucket</figcaption>
      <div className="h-56" role="img" aria-label={data.map((d) => `${d.name}: recovered ${money(d.recovered)}, cost ${money(d.cost)}`).join('; ')}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v) => money(v)} tick={{ fontSize: 11 }} width={56} />
            <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(l, p) => `${l} · ${p?.[0]?.payload?.strategy ?? ''}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="recovered" name="Recovered" fill="#059669" isAnimationActive={false} />
            <Bar dataKey="cost" name="Cost" fill="#64748b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function UtilizationChart({ calc }: { calc: CalculatorSnapshot }) {
  const o = calc.outputs;
  const data = [
    { name: 'Average', value: o.utilization ?? 0 },
    { name: 'Peak hour', value: o.peakUtilization ?? 0 },
  ];
  const top = Math.max(1.4, ...data.map((d) => d.value * 1.1));
  const step = top > 3 ? 1 : top > 1.5 ? 0.5 : 0.2;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => Number((i * step).toFixed(2)));
  return (
    <figure className={card}>
      <figcaption className="text-sm font-semibold text-slate-800">Utilization against capacity</figcaption>
      <div className="h-56" role="img" aria-label={`Average utilization ${percent(o.utilization)}, peak ${percent(o.peakUtilization)}; capacity is 100%`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, top]} ticks={ticks} tickFormatter={(v) => percent(v, 0)} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={70} />
            <Tooltip formatter={(v) => percent(Number(v))} />
            <ReferenceLine x={1} stroke="#0f172a" strokeDasharray="4 2" />
            <ReferenceLine x={1.2} stroke="#dc2626" strokeDasharray="2 2" />
            <Bar dataKey="value" name="Utilization" isAnimationActive={false}>
              {data.map((d) => <Cell key={d.name} fill={d.value > 1.2 ? '#dc2626' : d.value > 1 ? '#d97706' : '#4f46e5'} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="flex flex-wrap gap-x-3 text-xs text-slate-700">
        <span><span aria-hidden className="mr-1 inline-block w-4 border-t-2 border-dashed border-slate-900 align-middle" />capacity (100%)</span>
        <span><span aria-hidden className="mr-1 inline-block w-4 border-t-2 border-dotted border-red-600 align-middle" />alert (120%)</span>
      </p>
      <p className="text-xs text-slate-600">{Math.round(o.humanMinutes).toLocaleString('en-US')} human minutes of {Math.round(o.capacityMinutes).toLocaleString('en-US')} capacity · {o.fteRequired.toFixed(1)} FTE needed</p>
    </figure>
  );
}

interface Sensitivity { inputPath: string; label: string; value: number; raisedValue: number; netRecoveryChange: number }
interface Drivers { netRecovery: number; sensitivities: Sensitivity[] }

/**
 * What raising each input by 10 % does to net recovery, from calculator-service's drivers. The figures
 * come only from the model: when the gateway does not serve the drivers, the chart says so.
 */
export function SensitivityTornado({ sessionId, version, token }: { sessionId: string; version: number; token: string }) {
  const [drivers, setDrivers] = useState<Drivers | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    apiGet<Drivers>(`/api/sessions/${encodeURIComponent(sessionId)}/drivers`, token)
      .then((d) => { if (live) { setDrivers(d); setMissing(null); } })
      .catch((e) => live && setMissing(e instanceof ApiError && e.status === 404
        ? 'The gateway does not serve the calculator\'s drivers yet (GET /api/sessions/{id}/drivers), so there are no sensitivities to show.'
        : `Sensitivities unavailable: ${e.message}`));
    return () => { live = false; };
  }, [sessionId, version, token]);

  const bars = (drivers?.sensitivities ?? []).slice(0, 8).map((s) => ({ name: s.label, change: s.netRecoveryChange }));
  return (
    <figure className={card}>
      <figcaption className="text-sm font-semibold text-slate-800">Sensitivity: net recovery when an input rises 10%</figcaption>
      {missing || !drivers ? (
        <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-600" data-testid="tornado-missing">{missing ?? 'Loading…'}</p>
      ) : (
        <div className="h-64" role="img" aria-label={bars.map((b) => `${b.name}: ${money(b.change)}`).join('; ')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v) => money(v)} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 10 }} />
              <Tooltip formatter={(v) => money(Number(v))} />
              <ReferenceLine x={0} stroke="#0f172a" />
              <Bar dataKey="change" name="Change in net recovery" isAnimationActive={false}>
                {bars.map((b) => <Cell key={b.name} fill={b.change >= 0 ? '#059669' : '#dc2626'} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
