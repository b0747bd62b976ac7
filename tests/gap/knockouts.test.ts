import { describe, expect, it } from 'vitest';
import { buildGapReport } from '../../src/gap/index.js';
import type { Profile } from '../../src/profile/index.js';
import { type Asked, analysisOf, profileOf, TODAY, testLexicon } from '../fixtures/gap.js';

interface Case {
  name: string;
  asked: Asked;
  attributes?: Parameters<typeof analysisOf>[1];
  profile: Partial<Profile>;
  knockouts: string[];
  /** Missing ids (when checked). */
  missing?: string[];
  note?: string;
}

const anyOf: Asked = [
  ['cert.cma', 'required', 'CMA, RMA or CCMA required.'],
  ['cert.rma', 'required', 'CMA, RMA or CCMA required.'],
  ['cert.ccma', 'required', 'CMA, RMA or CCMA required.'],
];

const CASES: Case[] = [
  {
    name: 'required credential held',
    asked: [['cert.bls', 'required']],
    profile: { credentials: [{ id: 'cert.bls' }] },
    knockouts: [],
  },
  {
    name: 'required credential missing',
    asked: [['cert.bls', 'required']],
    profile: {},
    knockouts: ['cert.bls'],
  },
  {
    name: 'preferred credential missing is a gap',
    asked: [['cert.bls', 'preferred']],
    profile: {},
    knockouts: [],
    missing: ['cert.bls'],
  },
  {
    name: 'a credential on the checklist counts',
    asked: [['cert.bls', 'required']],
    profile: { concepts: { 'cert.bls': 'has' } },
    knockouts: [],
  },
  {
    name: 'a credential being learned does not',
    asked: [['cert.bls', 'required']],
    profile: { concepts: { 'cert.bls': 'learning' } },
    knockouts: ['cert.bls'],
  },
  {
    name: 'any-of list met by one alternative',
    asked: anyOf,
    profile: { credentials: [{ id: 'cert.rma', earned: '2022-01-01' }] },
    knockouts: [],
    missing: [],
  },
  {
    name: 'any-of list with none held: one knockout',
    asked: anyOf,
    profile: {},
    knockouts: ['cert.ccma'],
    missing: ['cert.ccma', 'cert.cma', 'cert.rma'],
  },
  {
    name: 'any-of list not met by a certification it does not name',
    asked: anyOf,
    profile: { credentials: [{ id: 'cert.ncma' }] },
    knockouts: ['cert.ccma'],
  },
  {
    name: 'generic MA certification met by a specific one',
    asked: [['cert.ma-any', 'required']],
    profile: { credentials: [{ id: 'cert.cmac' }] },
    knockouts: [],
  },
  {
    name: 'a specific certification is not met by the generic one',
    asked: [['cert.cma', 'required', 'CMA (AAMA) required.']],
    profile: { concepts: { 'cert.ma-any': 'has' } },
    knockouts: ['cert.cma'],
  },
  {
    name: 'an MA certification being learned does not meet the generic one',
    asked: [['cert.ma-any', 'required']],
    profile: { concepts: { 'cert.rma': 'learning' } },
    knockouts: ['cert.ma-any'],
  },
  {
    name: 'expired credential counts as missing',
    asked: [['cert.bls', 'required']],
    profile: { credentials: [{ id: 'cert.bls', earned: '2022-01-01', expires: '2025-12-31' }] },
    knockouts: ['cert.bls'],
    note: 'expired on 2025-12-31',
  },
  {
    name: 'a credential expiring today still counts',
    asked: [['cert.bls', 'required']],
    profile: { credentials: [{ id: 'cert.bls', expires: TODAY }] },
    knockouts: [],
  },
  {
    name: 'a renewed credential beside the expired one counts',
    asked: [['cert.bls', 'required']],
    profile: {
      credentials: [
        { id: 'cert.bls', expires: '2024-01-01' },
        { id: 'cert.bls', expires: '2027-01-01' },
      ],
    },
    knockouts: [],
  },
  {
    name: 'an expired credential in the any-of list while another is valid',
    asked: anyOf,
    profile: { credentials: [{ id: 'cert.cma', expires: '2024-01-01' }, { id: 'cert.ccma' }] },
    knockouts: [],
  },
  {
    name: 'a window turns a missing required credential into a gap',
    asked: [['cert.ccma', 'required', 'CCMA required within 90 days of hire.']],
    attributes: { certWindowDays: 90 },
    profile: {},
    knockouts: [],
    missing: ['cert.ccma'],
    note: 'may be obtained within 90 days of hire',
  },
  {
    name: 'a window applies to an any-of list',
    asked: anyOf,
    attributes: { certWindowDays: 365 },
    profile: {},
    knockouts: [],
  },
  {
    name: "a window stated for the MA certification doesn't excuse BLS",
    asked: [
      ['cert.ccma', 'required', 'Must obtain CCMA within 90 days of hire.'],
      ['cert.bls', 'required', 'Current BLS required.'],
    ],
    attributes: { certWindowDays: 90 },
    profile: {},
    knockouts: ['cert.bls'],
  },
  {
    name: 'an expired credential inside a window is a gap',
    asked: [['cert.bls', 'required']],
    attributes: { certWindowDays: 30 },
    profile: { credentials: [{ id: 'cert.bls', expires: '2025-01-01' }] },
    knockouts: [],
    note: 'expired on 2025-01-01; may be obtained within 30 days of hire',
  },
  {
    name: 'experience short',
    asked: [],
    attributes: { experienceYears: 2 },
    profile: { experienceYears: 1 },
    knockouts: ['experience'],
  },
  {
    name: 'experience enough',
    asked: [],
    attributes: { experienceYears: 0.5 },
    profile: { experienceYears: 0.5 },
    knockouts: [],
  },
  {
    name: 'state credential for the posting state',
    asked: [['cert.state-ma', 'required']],
    attributes: { location: 'Tacoma, WA' },
    profile: { state: 'WA', credentials: [{ id: 'cert.state-ma', earned: '2024-01-01' }] },
    knockouts: [],
  },
  {
    name: 'state credential for another state',
    asked: [['cert.state-ma', 'required']],
    attributes: { location: 'Tacoma, WA' },
    profile: { state: 'WA', credentials: [{ id: 'cert.state-ma', state: 'OR' }] },
    knockouts: ['cert.state-ma'],
    note: 'held for OR; this posting is in WA',
  },
  {
    name: "state credential defaults to the profile's state",
    asked: [['cert.state-ma', 'required']],
    attributes: { location: 'Portland, Oregon' },
    profile: { state: 'WA', concepts: { 'cert.state-ma': 'has' } },
    knockouts: ['cert.state-ma'],
  },
  {
    name: 'state credential where the posting state is unknown',
    asked: [['cert.state-ma', 'required']],
    profile: { state: 'OR', credentials: [{ id: 'cert.state-ma' }] },
    knockouts: [],
  },
  {
    name: 'state credential held for several states',
    asked: [['cert.limited-xray', 'required']],
    attributes: { location: 'Spokane, WA 99201' },
    profile: {
      credentials: [
        { id: 'cert.limited-xray', state: 'ID' },
        { id: 'cert.limited-xray', state: 'WA' },
      ],
    },
    knockouts: [],
  },
  {
    name: 'state credential for another state, preferred: a gap with a note',
    asked: [['cert.state-ma', 'preferred']],
    attributes: { location: 'Tacoma, WA' },
    profile: { credentials: [{ id: 'cert.state-ma', state: 'OR' }] },
    knockouts: [],
    note: 'held for OR; this posting is in WA',
  },
  {
    name: 'missing education and skills never knock out',
    asked: [
      ['edu.ma-program', 'required'],
      ['clinical.phlebotomy', 'required'],
    ],
    profile: {},
    knockouts: [],
  },
];

describe('knockouts and credential logic', () => {
  it.each(CASES)('$name', (c) => {
    const report = buildGapReport(analysisOf(c.asked, c.attributes), profileOf(c.profile), testLexicon, {
      today: TODAY,
    });
    expect(report.knockouts.map((k) => k.id)).toEqual(c.knockouts);
    if (c.missing) expect(report.missing.map((m) => m.id).sort()).toEqual(c.missing);
    if (c.note) expect(report.missing.map((m) => m.note)).toContain(c.note);
    for (const k of report.knockouts) expect(k.reason.length).toBeGreaterThan(10);
  });

  it('names the alternatives of an any-of knockout', () => {
    const report = buildGapReport(analysisOf(anyOf), profileOf(), testLexicon, { today: TODAY });
    expect(report.knockouts).toEqual([
      {
        id: 'cert.ccma',
        reason: 'requires one of CCMA (NHA), CMA (AAMA), RMA (AMT); the profile holds none of them',
        anyOf: ['cert.ccma', 'cert.cma', 'cert.rma'],
      },
    ]);
    expect(report.missing.map((m) => m.impact)).toEqual([100, 100, 100]);
  });

  it('reads the state from a stored posting when given', () => {
    const report = buildGapReport(
      analysisOf([['cert.state-ma', 'required']]),
      profileOf({ credentials: [{ id: 'cert.state-ma', state: 'OR' }] }),
      testLexicon,
      { today: TODAY, postingState: 'WA' },
    );
    expect(report.knockouts[0]?.reason).toBe("requires State MA credential in WA; the profile's is for OR");
  });
});
