import { describe, expect, it } from 'vitest';
import { formatProfileIssues, validateProfile } from '../../src/profile/index.js';
import { testLexicon } from '../fixtures/gap.js';

describe('validateProfile', () => {
  it('accepts the documented profile JSON and fills defaults', () => {
    const result = validateProfile(
      {
        concepts: { 'clinical.phlebotomy': 'has', 'clinical.ekg': 'learning' },
        credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2025-05-01' }],
        experienceYears: 1.5,
        state: 'wa',
        specialties: ['specialty.pediatrics'],
      },
      testLexicon,
    );
    expect(result).toEqual({
      ok: true,
      profile: {
        concepts: { 'clinical.ekg': 'learning', 'clinical.phlebotomy': 'has' },
        credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2025-05-01' }],
        experienceYears: 1.5,
        state: 'WA',
        specialties: ['specialty.pediatrics'],
      },
    });
    expect(validateProfile({}, testLexicon)).toEqual({
      ok: true,
      profile: { concepts: {}, credentials: [], experienceYears: 0, state: null, specialties: [] },
    });
  });

  it('names unknown concept ids', () => {
    const result = validateProfile(
      {
        concepts: { 'clinical.teleportation': 'has', 'clinical.ekg': 'has' },
        credentials: [{ id: 'cert.wizard' }],
        specialties: ['specialty.space'],
      },
      testLexicon,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.unknownIds).toEqual(['cert.wizard', 'clinical.teleportation', 'specialty.space']);
      expect(formatProfileIssues(result.issues)).toContain(
        'concepts.clinical.teleportation: unknown concept id "clinical.teleportation"',
      );
    }
  });

  it.each([
    [{ concepts: { 'clinical.ekg': 'expert' } }, 'concepts.clinical.ekg'],
    [{ credentials: [{ id: 'clinical.ekg' }] }, 'not a cert.* concept'],
    [{ specialties: ['clinical.ekg'] }, 'not a specialty.* concept'],
    [{ credentials: [{ id: 'cert.bls', earned: '2023-02-30' }] }, 'credentials.0.earned'],
    [{ credentials: [{ id: 'cert.bls', earned: '2024-01-01', expires: '2023-01-01' }] }, 'before earned'],
    [{ experienceYears: -1 }, 'experienceYears'],
    [{ state: 'Washington' }, 'state'],
    [{ extra: true }, 'extra'],
  ])('rejects %j', (json, issue) => {
    const result = validateProfile(json, testLexicon);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProfileIssues(result.issues).join('\n')).toContain(issue);
  });
});
