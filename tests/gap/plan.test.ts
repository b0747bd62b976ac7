import { describe, expect, it } from 'vitest';
import { buildTrainingPlan, type PlanPosting } from '../../src/gap/index.js';
import { analysisOf, profileOf, TODAY, testLexicon } from '../fixtures/gap.js';

const anyOf = (ids: string[]): Array<[string, 'required', string]> =>
  ids.map((id) => [id, 'required', 'CMA, RMA or CCMA required.']);

const postings: PlanPosting[] = [
  {
    postingId: 'p1',
    ...analysisOf([...anyOf(['cert.cma', 'cert.rma', 'cert.ccma']), ['clinical.ekg', 'duty']]),
  },
  {
    postingId: 'p2',
    ...analysisOf([
      ['cert.ccma', 'required'],
      ['clinical.ekg', 'preferred'],
    ]),
  },
  {
    postingId: 'p3',
    ...analysisOf([
      ['cert.ma-any', 'required'],
      ['cert.bls', 'required'],
    ]),
  },
  {
    postingId: 'p4',
    ...analysisOf([
      ['cert.bls', 'preferred'],
      ['ehr.epic', 'required'],
    ]),
  },
];

describe('buildTrainingPlan', () => {
  const plan = buildTrainingPlan(postings, profileOf(), testLexicon, { today: TODAY });

  it('ranks the credential that unlocks most postings first', () => {
    expect(plan.postings).toBe(4);
    expect(plan.current.knockedOut).toBe(3);
    const first = plan.steps[0]!;
    expect(first.id).toBe('cert.ccma');
    // Meets the any-of list of p1, the CCMA of p2 and the generic MA certification of p3.
    expect(first).toMatchObject({
      meets: 3,
      requiredIn: 3,
      clearsKnockouts: 3,
      unlocks: 2,
      postingIds: ['p1', 'p2', 'p3'],
    });
    expect(first.summary).toMatch(
      /^Earning CCMA \(NHA\) meets the credential requirement of 3 of 4 postings; it clears a knockout in 3 and leaves 2 with none/,
    );
  });

  it('lists every step that meets something, deterministically', () => {
    expect(plan.steps.map((s) => s.id)).toEqual([
      'cert.ccma',
      'cert.cma',
      'cert.rma',
      'cert.bls',
      'cert.ma-any',
      'clinical.ekg',
      'ehr.epic',
    ]);
    expect(JSON.stringify(buildTrainingPlan(postings, profileOf(), testLexicon, { today: TODAY }))).toBe(
      JSON.stringify(plan),
    );
  });

  it('can rank by score added instead, and limit the steps', () => {
    const byScore = buildTrainingPlan(postings, profileOf(), testLexicon, {
      today: TODAY,
      rankBy: 'score',
      limit: 2,
    });
    expect(byScore.rankBy).toBe('score');
    expect(byScore.steps).toHaveLength(2);
    expect(byScore.steps[0]!.scoreGain).toBeGreaterThanOrEqual(byScore.steps[1]!.scoreGain);
  });

  it('is empty when the profile already meets everything', () => {
    const all = profileOf({
      concepts: { 'clinical.ekg': 'has', 'ehr.epic': 'has' },
      credentials: [{ id: 'cert.ccma' }, { id: 'cert.bls' }],
    });
    const done = buildTrainingPlan(postings, all, testLexicon, { today: TODAY });
    expect(done.steps).toEqual([]);
    expect(done.current).toEqual({ averageScore: 100, knockedOut: 0, experienceShort: 0 });
  });

  it('handles no postings', () => {
    expect(buildTrainingPlan([], profileOf(), testLexicon, { today: TODAY })).toMatchObject({
      postings: 0,
      steps: [],
    });
  });
});
