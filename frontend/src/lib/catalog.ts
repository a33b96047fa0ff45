import type { Catalog, InputDef, RoiInputs } from './types';
import { isFractionUnit, tidy } from './format';

/** The catalog by path, for lookups while rendering. */
export function indexCatalog(catalog: Catalog | null): Map<string, InputDef> {
  const map = new Map<string, InputDef>();
  for (const def of catalog?.inputs ?? []) map.set(def.path, def);
  return map;
}

/** The value at an input path: "humanAgents" or "buckets.bucket2.contactRate". */
export function valueAt(inputs: RoiInputs | undefined, path: string): unknown {
  let node: unknown = inputs;
  for (const part of path.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The scale between the model's value and what the user types (percent for fractions). */
export function displayScale(def: InputDef | undefined): number {
  return def && isFractionUnit(def.unit) ? 100 : 1;
}

export function displaySuffix(def: InputDef | undefined): string {
  if (!def) return '';
  return isFractionUnit(def.unit) ? '%' : def.unit;
}

export function boundsText(def: InputDef): string {
  const s = displayScale(def);
  const suffix = isFractionUnit(def.unit) ? '%' : '';
  const fmt = (v: number) => tidy(v * s).toLocaleString('en-US') + suffix;
  if (def.min != null && def.max != null) return `${fmt(def.min)} – ${fmt(def.max)}${def.integer ? ', whole numbers' : ''}`;
  if (def.min != null) return `at least ${fmt(def.min)}`;
  if (def.max != null) return `at most ${fmt(def.max)}`;
  return '';
}

export type Validation = { ok: true; value: number } | { ok: false; message: string };

/**
 * Checks what a user typed against the catalog's bounds, in the units they typed it (percent for a
 * fraction), and gives back the model's value. The server checks again; this refuses in place, before
 * anything is sent, so a bad value never leaves the field.
 */
export function validateInput(def: InputDef | undefined, typed: string): Validation {
  const text = typed.trim().replace(/[,$%\s]/g, '');
  if (text === '') return { ok: false, message: 'Enter a number' };
  const shown = Number(text);
  if (!Number.isFinite(shown)) return { ok: false, message: `"${typed.trim()}" is not a number` };
  if (!def) return { ok: true, value: shown };
  const value = tidy(shown / displayScale(def));
  if (def.integer && !Number.isInteger(value)) return { ok: false, message: `Must be a whole number (${boundsText(def)})` };
  if ((def.min != null && value < def.min) || (def.max != null && value > def.max)) {
    return { ok: false, message: `Out of bounds: ${boundsText(def)}` };
  }
  return { ok: true, value };
}

/** The paths whose values differ between two input sets (strategies included). */
export function changedPaths(before: RoiInputs | undefined, after: RoiInputs | undefined): string[] {
  if (!before || !after) return [];
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, prefix: string) => {
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
      for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k);
    } else if (a !== b) {
      out.push(prefix);
    }
  };
  walk(before, after, '');
  return out;
}
