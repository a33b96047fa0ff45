// How figures read on screen. The suite's figure style: money in compact dollars, rates as percents,
// multiples with ×; a null figure reads as an em dash with the reason next to it where it matters.

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function money(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return sign + '$' + (a >= 10000 ? compact.format(a) : plain.format(a));
}

export function percent(v: number | null | undefined, digits = 1): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return (v * 100).toFixed(digits) + '%';
}

export function number(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100000 ? compact.format(v) : plain.format(v);
}

/** A unit whose values are fractions is shown and edited as a percent. */
export function isFractionUnit(unit: string | undefined): boolean {
  return !!unit && unit.startsWith('fraction');
}

/** Rounds away binary noise (0.22 * 100 = 22.000000000000004) for display and editing. */
export function tidy(v: number): number {
  return Number.parseFloat(v.toPrecision(10));
}

/** A value as its input shows it: 0.22 with unit "fraction" is "22%". */
export function inputValue(v: unknown, unit?: string): string {
  if (typeof v !== 'number') return String(v ?? '—');
  if (isFractionUnit(unit)) return tidy(v * 100) + '%';
  if (unit?.startsWith('USD')) return money(v);
  return plain.format(tidy(v));
}

export function strategyLabel(s: string): string {
  switch (s) {
    case 'HUMAN': return 'Human';
    case 'AI_AUGMENTED': return 'AI augmented';
    case 'AI_FIRST': return 'AI first';
    default: return s;
  }
}

export function bucketLabel(b: string): string {
  const days: Record<string, string> = { bucket1: '1–30 days', bucket2: '31–60 days', bucket3: '61–90 days', bucket4: '91–120 days' };
  return `Bucket ${b.replace('bucket', '')}` + (days[b] ? ` (${days[b]})` : '');
}
