import { describe, expect, it } from 'vitest';
import { events, methods } from '../../../shared/contract/methods.ts';
import { EVENT_NAMES, METHOD_NAMES } from '../../../shared/contract/names.ts';
import { describeContract } from '../../../main/host/method-listing.ts';

describe('the contract', () => {
  it('declares exactly the methods and events the preload generates its bridge from', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('converts every input and output to JSON Schema for the listing', () => {
    const listing = describeContract();
    expect(listing.methods.map((method) => method.name).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of listing.methods) {
      expect(method.input).toHaveProperty('$schema');
      expect(method.output).toHaveProperty('$schema');
    }
    const settingsSet = listing.methods.find((method) => method.name === 'settings.set');
    expect(settingsSet?.input).toMatchObject({ type: 'object', additionalProperties: false });
  });
});
