import { describe, expect, it } from 'vitest';
import { buildGapReport, SCORING_VERSION } from '../../src/gap/index.js';
import { analysisOf, profileOf, TODAY, testLexicon } from '../fixtures/gap.js';

// The worked example of the README ("Worked example"): keep the two in step.
const posting = analysisOf(
  [
    ['cert.ccma', 'required', 'CCMA or RMA required.'],
    ['cert.rma', 'required', 'CCMA or RMA required.'],
    ['cert.bls', 'required', 'Current BLS required.'],
    ['clinical.phlebotomy', 'required'],
    ['clinical.ekg', 'preferred'],
    ['ehr.epic', 'preferred'],
    ['clinical.vital-signs', 'duty'],
    ['admin.scheduling', 'duty'],
    ['specialty.pediatrics', 'duty'],
  ],
  { experienceYears: 1, location: 'Seattle, WA 98101' },
);
const profile = profileOf({
  concepts: { 'clinical.phlebotomy': 'has', 'clinical.vital-signs': 'has', 'clinical.ekg': 'learning' },
  credentials: [
    { id: 'cert.ccma', earned: '2023-05-01', expires: '2027-05-01' },
    { id: 'cert.bls', earned: '2023-06-30', expires: '2025-06-30' },
  ],
  experienceYears: 1.5,
  state: 'WA',
});

describe('buildGapReport: the worked example', () => {
  const report = buildGapReport(posting, profile, testLexicon, { today: TODAY });

  it('scores met weight over total weight, rounded down', () => {
    // total 3+3+3+3 (required: any-of, BLS, phlebotomy, experience) + 2+2 (preferred) + 1+1+1 (duties) = 19
    // met: any-of 3 + phlebotomy 3 + experience 3 + vitals 1 = 10 → floor(100 * 10 / 19) = 52
    expect(report.score).toBe(52);
    expect(report.scoringVersion).toBe(SCORING_VERSION);
    expect(report.lexiconVersion).toBe('test-1');
  });

  it('breaks the score down by category, an any-of list counting once', () => {
    expect(report.breakdown).toEqual({
      admin: { score: 0, met: 0, total: 1 },
      clinical: { score: 66, met: 2, total: 3 },
      specialty: { score: 0, met: 0, total: 1 },
      cert: { score: 50, met: 1, total: 2 },
      ehr: { score: 0, met: 0, total: 1 },
      experience: { score: 100, met: 1, total: 1 },
    });
    expect(Object.keys(report.breakdown)).toEqual([
      'admin',
      'clinical',
      'specialty',
      'cert',
      'ehr',
      'experience',
    ]);
  });

  it('lists the expired BLS as a knockout', () => {
    expect(report.knockouts).toEqual([
      { id: 'cert.bls', reason: "requires BLS certification; the profile's expired on 2025-06-30" },
    ]);
  });

  it('lists met items with the posting evidence, alternatives naming what met them', () => {
    expect(report.met.map((m) => [m.id, m.level, m.satisfiedBy ?? null])).toEqual([
      ['cert.ccma', 'required', null],
      ['cert.rma', 'required', 'cert.ccma'],
      ['clinical.phlebotomy', 'required', null],
      ['experience', 'required', null],
      ['clinical.vital-signs', 'duty', null],
    ]);
    expect(report.met[0]!.evidence[0]!.sentence).toBe('CCMA or RMA required.');
  });

  it('orders missing items by impact, with training, learning and expiry notes', () => {
    expect(
      report.missing.map((m) => ({
        id: m.id,
        impact: m.impact,
        learning: m.learning ?? false,
        note: m.note ?? null,
      })),
    ).toEqual([
      { id: 'cert.bls', impact: 15.8, learning: false, note: 'expired on 2025-06-30' },
      { id: 'clinical.ekg', impact: 10.5, learning: true, note: null },
      { id: 'ehr.epic', impact: 10.5, learning: false, note: null },
      { id: 'admin.scheduling', impact: 5.3, learning: false, note: null },
      { id: 'specialty.pediatrics', impact: 5.3, learning: false, note: null },
    ]);
    expect(report.missing[0]!.training[0]!.title).toBe('BLS certification course');
  });

  it('is byte-for-byte the same on every run', () => {
    const again = buildGapReport(structuredClone(posting), structuredClone(profile), testLexicon, {
      today: TODAY,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});

describe('buildGapReport: edges', () => {
  it('scores 100 with nothing asked', () => {
    const r = buildGapReport(analysisOf([]), profileOf(), testLexicon, { today: TODAY });
    expect(r).toMatchObject({ score: 100, breakdown: {}, knockouts: [], met: [], missing: [] });
  });

  it('counts implied holdings: a degree meets the diploma, a phlebotomy cert the skill', () => {
    const r = buildGapReport(
      analysisOf([
        ['edu.high-school', 'required'],
        ['clinical.phlebotomy', 'required'],
      ]),
      profileOf({
        concepts: { 'edu.associate': 'has' },
        credentials: [{ id: 'cert.phlebotomy', earned: '2020-01-01' }],
      }),
      testLexicon,
      { today: TODAY },
    );
    expect(r.score).toBe(100);
  });

  it('counts charting in a named EHR as EHR documentation', () => {
    const r = buildGapReport(
      analysisOf([['admin.ehr', 'required']]),
      profileOf({ concepts: { 'ehr.epic': 'has' } }),
      testLexicon,
      { today: TODAY },
    );
    expect(r.score).toBe(100);
    expect(r.met.map((m) => m.id)).toEqual(['admin.ehr']);
  });

  it('gives the experience gap an on-the-job step of the months short', () => {
    const r = buildGapReport(
      analysisOf([], { experienceYears: 2 }),
      profileOf({ experienceYears: 1.5 }),
      testLexicon,
      {
        today: TODAY,
      },
    );
    expect(r.score).toBe(0);
    expect(r.knockouts).toEqual([
      { id: 'experience', reason: 'asks for 2 years of experience; the profile has 1.5 years' },
    ]);
    expect(r.missing[0]).toMatchObject({
      id: 'experience',
      impact: 100,
      training: [{ kind: 'on-the-job', length: { min: 6 } }],
    });
  });
});
