import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/extract/types.js';
import { buildGapReport } from '../../src/gap/index.js';
import type { Profile } from '../../src/profile/index.js';
import { type Asked, analysisOf, CONCEPT_IDS, profileOf, TODAY, testLexicon } from '../fixtures/gap.js';

const STATES = ['WA', 'OR', 'CA'];

const arbLevel = fc.constantFrom<Level>('required', 'preferred', 'duty');
const arbAsked: fc.Arbitrary<Asked> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...CONCEPT_IDS), arbLevel), { selector: (t) => t[0], maxLength: 12 })
  .map((list) => list.map(([id, level]): [string, Level] => [id, level]));
const arbAttributes = fc.record({
  experienceYears: fc.option(fc.constantFrom(0.5, 1, 2, 3), { nil: null }),
  certWindowDays: fc.option(fc.constantFrom(30, 90, 365), { nil: null }),
  location: fc.option(fc.constantFrom('Seattle, WA 98101', 'Portland, OR', 'Fresno, CA'), { nil: null }),
});
const arbAnalysis = fc.tuple(arbAsked, arbAttributes).map(([asked, attrs]) => analysisOf(asked, attrs));

const arbDate = fc.constantFrom('2020-01-01', '2024-06-30', '2026-01-15', '2027-12-31');
const arbProfile: fc.Arbitrary<Profile> = fc.record({
  concepts: fc.dictionary(
    fc.constantFrom(...CONCEPT_IDS),
    fc.constantFrom<'has' | 'learning'>('has', 'learning'),
    {
      maxKeys: 10,
    },
  ),
  credentials: fc.array(
    fc.record(
      {
        id: fc.constantFrom(...CONCEPT_IDS.filter((id) => id.startsWith('cert.'))),
        earned: arbDate,
        expires: arbDate,
        state: fc.constantFrom(...STATES),
      },
      { requiredKeys: ['id'] },
    ),
    { maxLength: 4 },
  ),
  experienceYears: fc.constantFrom(0, 0.5, 1, 2, 5),
  state: fc.option(fc.constantFrom(...STATES), { nil: null }),
  specialties: fc.constant([]),
});

const report = (a: ReturnType<typeof analysisOf>, p: Profile) =>
  buildGapReport(a, p, testLexicon, { today: TODAY });

describe('gap report properties', () => {
  it('adding a held concept never lowers a score, a category score or adds a knockout', () => {
    fc.assert(
      fc.property(arbAnalysis, arbProfile, fc.constantFrom(...CONCEPT_IDS), (analysis, profile, id) => {
        const before = report(analysis, profile);
        const after = report(analysis, { ...profile, concepts: { ...profile.concepts, [id]: 'has' } });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const [category, b] of Object.entries(before.breakdown)) {
          expect(after.breakdown[category as keyof typeof after.breakdown]!.score).toBeGreaterThanOrEqual(
            b.score,
          );
        }
        expect(after.knockouts.length).toBeLessThanOrEqual(before.knockouts.length);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a valid credential or more experience never lowers a score', () => {
    fc.assert(
      fc.property(
        arbAnalysis,
        arbProfile,
        fc.constantFrom(...CONCEPT_IDS.filter((id) => id.startsWith('cert.'))),
        (analysis, profile, id) => {
          const before = report(analysis, profile);
          const state = analysis.attributes.location?.match(/, ([A-Z]{2})/)?.[1];
          const withCred = report(analysis, {
            ...profile,
            credentials: [...profile.credentials, { id, ...(state ? { state } : {}) }],
          });
          expect(withCred.score).toBeGreaterThanOrEqual(before.score);
          const older = report(analysis, { ...profile, experienceYears: profile.experienceYears + 1 });
          expect(older.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a profile holding everything a posting asks scores 100 with no knockouts', () => {
    fc.assert(
      fc.property(
        arbAnalysis,
        fc.option(fc.constantFrom(...STATES), { nil: null }),
        (analysis, profileState) => {
          const state = analysis.attributes.location?.match(/, ([A-Z]{2})/)?.[1];
          const profile = profileOf({
            state: profileState,
            experienceYears: analysis.attributes.experienceYears ?? 0,
            concepts: Object.fromEntries(
              analysis.concepts.filter((c) => c.category !== 'cert').map((c) => [c.id, 'has']),
            ),
            credentials: analysis.concepts
              .filter((c) => c.category === 'cert')
              .map((c) => ({
                id: c.id,
                earned: '2025-01-01',
                expires: '2028-01-01',
                ...(state ? { state } : {}),
              })),
          });
          const r = report(analysis, profile);
          expect(r.score).toBe(100);
          expect(r.knockouts).toEqual([]);
          expect(r.missing).toEqual([]);
          for (const b of Object.values(r.breakdown)) expect(b.score).toBe(100);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same inputs give the identical JSON, whatever the input order', () => {
    fc.assert(
      fc.property(arbAnalysis, arbProfile, (analysis, profile) => {
        const a = JSON.stringify(report(analysis, profile));
        const shuffled = { ...analysis, concepts: [...analysis.concepts].reverse() };
        const reordered: Profile = {
          ...profile,
          concepts: Object.fromEntries(Object.entries(profile.concepts).reverse()),
          credentials: [...profile.credentials].reverse(),
        };
        expect(JSON.stringify(report(structuredClone(analysis), structuredClone(profile)))).toBe(a);
        expect(JSON.stringify(report(shuffled, reordered))).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it('scores stay within 0–100 and impacts are positive and sorted', () => {
    fc.assert(
      fc.property(arbAnalysis, arbProfile, (analysis, profile) => {
        const r = report(analysis, profile);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        for (let i = 1; i < r.missing.length; i++)
          expect(r.missing[i - 1]!.impact).toBeGreaterThanOrEqual(r.missing[i]!.impact);
        for (const m of r.missing) expect(m.impact).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
