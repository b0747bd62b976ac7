import { describe, expect, it } from 'vitest';
import type { Analysis, FoundConcept } from '../../src/extract/types.js';
import {
  credentialDates,
  experienceFromRanges,
  profileFromAnalysis,
  toIso,
} from '../../src/profile/index.js';
import { noAttributes } from '../fixtures/gap.js';
import { RESUME_JORDAN, RESUME_STUDENT } from '../fixtures/resumes.js';

/** An analysis of `text` that found each concept at the given phrases (the engine's job, hand-done). */
function foundIn(text: string, found: Record<string, string[]>): Analysis {
  const concepts: FoundConcept[] = Object.entries(found).map(([id, phrases]) => ({
    id,
    category: id.split('.')[0] as FoundConcept['category'],
    label: id,
    level: 'duty',
    evidence: phrases.map((p) => {
      const start = text.indexOf(p);
      if (start < 0) throw new Error(`fixture: "${p}" not in text`);
      return { start, end: start + p.length, text: p, sentence: p, level: 'duty' as const, section: 'intro' };
    }),
  }));
  return {
    lexiconVersion: 'test',
    concepts,
    attributes: noAttributes(),
    text,
  };
}

describe('profileFromAnalysis', () => {
  it('maps a resume analysis to a profile: concepts, dated credentials, experience, state, name', () => {
    const analysis = foundIn(RESUME_JORDAN, {
      'clinical.phlebotomy': ['venipuncture'],
      'clinical.ekg': ['EKGs'],
      'cert.ccma': ['CCMA'],
      'cert.bls': ['BLS'],
      'cert.state-ma': ['Washington State MA-C'],
      'ehr.epic': ['Epic'],
      'specialty.pediatrics': ['pediatrics'],
    });
    expect(profileFromAnalysis(analysis, { today: '2026-01-15' })).toEqual({
      name: 'Jordan Rivera',
      concepts: {
        'clinical.ekg': 'has',
        'clinical.phlebotomy': 'has',
        'ehr.epic': 'has',
        'specialty.pediatrics': 'has',
      },
      credentials: [
        { id: 'cert.bls', expires: '2026-06-30' },
        { id: 'cert.ccma', earned: '2023-01-01' },
        { id: 'cert.state-ma', state: 'WA' },
      ],
      // June 2019 – January 2026, the school years not counted.
      experienceYears: 6.7,
      state: 'WA',
      specialties: [],
    });
  });

  it('takes a credential in progress as learning', () => {
    const analysis = foundIn(RESUME_STUDENT, {
      'cert.rma': ['RMA'],
      'cert.bls': ['BLS'],
      'edu.high-school': ['High school diploma'],
    });
    const profile = profileFromAnalysis(analysis, { today: '2026-01-15' });
    expect(profile.concepts).toEqual({ 'cert.rma': 'learning', 'edu.high-school': 'has' });
    expect(profile.credentials).toEqual([{ id: 'cert.bls', earned: '2025-01-01' }]);
    expect(profile.experienceYears).toBe(0);
    expect(profile.state).toBe('OR');
  });

  it('takes the engine’s experience when there are no date ranges', () => {
    const analysis = foundIn('Three years as an MA', {});
    analysis.attributes.experienceYears = 3;
    expect(profileFromAnalysis(analysis, { today: '2026-01-15' }).experienceYears).toBe(3);
  });
});

describe('resume dates', () => {
  it.each([
    [' (NHA) 2023', { earned: '2023-01-01' }],
    [' (AHA), expires 06/2026', { expires: '2026-06-30' }],
    [' earned May 2022, exp. May 2024', { earned: '2022-05-01', expires: '2024-05-31' }],
    [' 03/15/2021 - valid through 2025-03-15', { earned: '2021-03-15', expires: '2025-03-15' }],
    [' (NHA)', {}],
  ])('credentialDates(%j)', (after, dates) => {
    expect(credentialDates(after)).toEqual(dates);
  });

  it.each([
    ['2023', 'start', '2023-01-01'],
    ['2024', 'end', '2024-12-31'],
    ['Feb 2024', 'end', '2024-02-29'],
    ['sept. 2020', 'start', '2020-09-01'],
    ['13/2020', 'start', null],
    ['02/30/2020', 'start', null],
  ] as const)('toIso(%s, %s)', (written, edge, iso) => {
    expect(toIso(written, edge)).toBe(iso);
  });

  it('sums job date ranges, overlaps once, skipping schooling', () => {
    const text = [
      'MA, Clinic A   Jan 2020 - Dec 2020',
      'MA, Clinic B   06/2020 – 05/2021',
      'Medical Assistant Program, Community College 2018 - 2019',
      'Receptionist   2022 to Present',
    ].join('\n');
    // Jan 2020–May 2021 (17 months) + Jan 2022–Jan 2026 (49 months) = 66 months = 5.5 years
    expect(experienceFromRanges(text, '2026-01-15')).toBe(5.5);
    expect(experienceFromRanges('no dates here', '2026-01-15')).toBeNull();
  });
});
