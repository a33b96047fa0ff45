import { describe, expect, it } from 'vitest';
import contract from '../../../libs/testing/src/main/resources/contracts/calculator-catalog.json';
import { boundsText, changedPaths, indexCatalog, validateInput } from './catalog';
import type { Catalog, RoiInputs } from './types';

// The calculator's own contract fixture, so the UI is held to the catalog calculator-service serves.
const defs = indexCatalog(contract as unknown as Catalog);

describe('validateInput', () => {
  it('accepts a value inside the bounds and gives back the model value', () => {
    expect(validateInput(defs.get('humanAgents'), '50')).toEqual({ ok: true, value: 50 });
    expect(validateInput(defs.get('humanSalary'), '$48,000')).toEqual({ ok: true, value: 48000 });
  });

  it('reads a fraction as the percent people type', () => {
    expect(validateInput(defs.get('targetOccupancy'), '85')).toEqual({ ok: true, value: 0.85 });
    expect(validateInput(defs.get('buckets.bucket2.contactRate'), '18%')).toEqual({ ok: true, value: 0.18 });
  });

  it('refuses a value out of bounds and names the bounds in the unit typed', () => {
    const r = validateInput(defs.get('targetOccupancy'), '150');
    expect(r).toEqual({ ok: false, message: 'Out of bounds: 1% – 100%' });
    expect(validateInput(defs.get('humanAgents'), '-3')).toEqual({ ok: false, message: 'Out of bounds: 0 – 100,000' });
    expect(validateInput(defs.get('productiveHours'), '0').ok).toBe(false);
  });

  it('refuses a fraction where only whole numbers are valid', () => {
    expect(validateInput(defs.get('buckets.bucket1.attemptsPerAccount'), '4.5')).toEqual({ ok: false, message: 'Must be a whole number (1 – 100, whole numbers)' });
    expect(validateInput(defs.get('buckets.bucket1.attemptsPerAccount'), '6')).toEqual({ ok: true, value: 6 });
  });

  it('refuses text that is not a number', () => {
    expect(validateInput(defs.get('rent'), 'lots')).toEqual({ ok: false, message: '"lots" is not a number' });
    expect(validateInput(defs.get('rent'), '  ')).toEqual({ ok: false, message: 'Enter a number' });
    expect(validateInput(defs.get('rent'), 'Infinity').ok).toBe(false);
  });

  it('has bounds for every numeric input of the catalog', () => {
    for (const def of defs.values()) {
      if (def.values.length) continue;
      expect(boundsText(def), def.path).toMatch(/–/);
    }
  });
});

describe('changedPaths', () => {
  it('lists the inputs that moved, bucket strategies included', () => {
    const a = { humanAgents: 30, rent: 1, buckets: { bucket1: { strategy: 'HUMAN', accounts: 1 } } } as unknown as RoiInputs;
    const b = { humanAgents: 50, rent: 1, buckets: { bucket1: { strategy: 'AI_FIRST', accounts: 1 } } } as unknown as RoiInputs;
    expect(changedPaths(a, b)).toEqual(['humanAgents', 'buckets.bucket1.strategy']);
  });
});
