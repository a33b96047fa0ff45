import { useEffect, useState } from 'react';
import {
  Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { CalculatorSnapshot } from '../lib/types';
import { BUCKETS } from '../lib/types';
import { money, number, percent, strategyLabel } from '../lib/format';
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

export interface Sensitivity {
  inputPath: string; label: string; value: number; raisedValue: number;
  netRecoveryChange: number; peakUtilizationChange: number | null;
}
export interface Drivers { netRecovery: number; peakUtilization: number | null; sensitivities: Sensitivity[] }
export type TornadoMetric = 'netRecovery' | 'peakUtilization';
export interface TornadoBar { path: string; name: string; change: number; value: number; raisedValue: number }

/** A change in peak utilization (a fraction) reads in percentage points. */
export function points(v: number): string {
  return (v >= 0 ? '+' : '') + (v * 100).toFixed(1) + ' pts';
}

function signedMoney(v: number): string {
  return (v > 0 ? '+' : '') + money(v);
}

/**
 * The bars of the tornado for one metric: the inputs that move it at all, largest |change| first, the
 * first {@code limit}. An input whose peak change is unknown (no capacity before or after) has no bar.
 */
export function tornadoBars(drivers: Drivers, metric: TornadoMetric, limit = 8): TornadoBar[] {
  return drivers.sensitivities
    .map((s) => ({ path: s.inputPath, name: s.label, value: s.value, raisedValue: s.raisedValue,
      change: metric === 'netRecovery' ? s.netRecoveryChange : s.peakUtilizationChange }))
    .filter((b): b is TornadoBar => b.change != null && Number.isFinite(b.change) && b.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

const METRICS: { key: TornadoMetric; label: string }[] = [
  { key: 'netRecovery', label: 'Net recovery' },
  { key: 'peakUtilization', label: 'Peak utilization' },
];

/**
 * What raising each input by 10 % does to net recovery or to peak utilization, from calculator-service's
 * drivers via the gateway; fetched again whenever the state's version changes. The figures come only from
 * the model: when they cannot be had, the chart says why.
 */
export function SensitivityTornado({ sessionId, version, token }: { sessionId: string; version: number; token: string }) {
  const [drivers, setDrivers] = useState<Drivers | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [metric, setMetric] = useState<TornadoMetric>('netRecovery');
  useEffect(() => {
    let live = true;
    apiGet<Drivers>(`/api/sessions/${encodeURIComponent(sessionId)}/drivers`, token)
      .then((d) => { if (live) { setDrivers(d); setFailure(null); } })
      .catch((e) => { if (live) setFailure(`Sensitivities unavailable: ${e instanceof ApiError ? e.message : String(e)}`); });
    return () => { live = false; };
  }, [sessionId, version, token]);

  const bars = drivers ? tornadoBars(drivers, metric) : [];
  const fmt = metric === 'netRecovery' ? signedMoney : points;
  const metricLabel = METRICS.find((m) => m.key === metric)!.label.toLowerCase();
  return (
    <figure className={card} data-testid="tornado" data-version={drivers ? version : ''}>
      <figcaption className="text-sm font-semibold text-slate-800">Sensitivity: {metricLabel} when an input rises 10%</figcaption>
      <div role="group" aria-label="Tornado metric" className="mt-2 inline-flex rounded-md border border-slate-300 text-xs">
        {METRICS.map((m) => (
          <button key={m.key} type="button" aria-pressed={metric === m.key} onClick={() => setMetric(m.key)}
            className={`px-2 py-1 font-medium first:rounded-l-md last:rounded-r-md focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${metric === m.key ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}>
            {m.label}
          </button>
        ))}
      </div>
      {failure ? (
        <p role="status" className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700" data-testid="tornado-missing">{failure}</p>
      ) : !drivers ? (
        <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700">Loading…</p>
      ) : bars.length === 0 ? (
        <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700" data-testid="tornado-empty">No input moves {metricLabel} here.</p>
      ) : (
        <div className="h-64" role="img" data-testid="tornado-chart"
          aria-label={bars.map((b) => `${b.name}: ${fmt(b.change)}`).join('; ')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v) => fmt(Number(v))} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 10 }} />
              <Tooltip formatter={(v) => fmt(Number(v))}
                labelFormatter={(l, p) => { const b = p?.[0]?.payload as TornadoBar | undefined; return b ? `${l}: ${number(b.value)} → ${number(b.raisedValue)}` : String(l); }} />
              <ReferenceLine x={0} stroke="#0f172a" />
              <Bar dataKey="change" name={`Change in ${metricLabel}`} isAnimationActive={false}>
                {bars.map((b) => {
                  // More net recovery is good; more peak utilization is load, so its colours flip.
                  const good = metric === 'netRecovery' ? b.change >= 0 : b.change <= 0;
                  return <Cell key={b.path} fill={good ? '#047857' : '#b91c1c'} />;
                })}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
