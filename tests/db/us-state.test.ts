import { describe, expect, it } from 'vitest';
import { deriveState } from '../../src/postings/us-state.js';

describe('deriveState', () => {
  it.each([
    ['St Paul, MN 55117', 'MN'],
    ['Little Canada, MN', 'MN'],
    ['Minnesota', 'MN'],
    ['tx', 'TX'],
    ['Charleston, West Virginia', 'WV'],
    ['Richmond, Virginia', 'VA'],
    ['Austin, TX (Hybrid)', 'TX'],
  ])('%s → %s', (location, state) => {
    expect(deriveState(location)).toBe(state);
  });

  it.each([
    'Iowa, Minnesota, Nebraska',
    'Remote',
    '',
    'Work in or near me',
    'Dallas, TX or Tulsa, OK',
  ])('no single state in %j', (location) => {
    expect(deriveState(location)).toBeNull();
  });
});
