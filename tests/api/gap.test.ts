import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { SCORING_VERSION } from '../../src/gap/index.js';
import { jsonRequest, makeApp } from './test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Json = any;

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

// Invented postings (never corpus text).
const POSTING_WA = `Medical Assistant - Family Medicine
Location: Tacoma, WA 98402
Requirements:
- CCMA required
- Current BLS certification required
- 1 year of experience required
Responsibilities:
- Perform venipuncture and EKGs
- Take vital signs`;

const POSTING_OR = `Medical Assistant
Location: Portland, OR 97205
Requirements:
- BLS certification required
Duties: administer injections, schedule appointments`;

const PROFILE = {
  concepts: { 'clinical.phlebotomy': 'has', 'clinical.ekg': 'has' },
  credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2027-05-01' }],
  experienceYears: 2,
  state: 'WA',
};

function app() {
  const t = makeApp();
  db = t.db;
  return t.app;
}

describe('POST /api/v1/gap', () => {
  it('reports on posting text with an inline profile, byte-for-byte stable', async () => {
    const a = app();
    const body = { profile: PROFILE, text: POSTING_WA, today: '2026-01-15' };
    const res = await a.request('/api/v1/gap', jsonRequest('POST', body));
    expect(res.status).toBe(200);
    const text = await res.text();
    const report: Json = JSON.parse(text);
    expect(report.scoringVersion).toBe(SCORING_VERSION);
    expect(report.score).toBeGreaterThan(0);
    expect(report.score).toBeLessThan(100);
    expect(report.knockouts).toEqual([{ id: 'cert.bls', reason: expect.stringContaining('BLS') }]);
    expect(report.met.map((m: Json) => m.id)).toEqual(
      expect.arrayContaining(['cert.ccma', 'clinical.phlebotomy']),
    );
    expect(report.missing[0]).toMatchObject({ id: 'cert.bls', level: 'required' });
    expect(report.missing[0].training.length).toBeGreaterThan(0);
    expect(await (await a.request('/api/v1/gap', jsonRequest('POST', body))).text()).toBe(text);
  });

  it('reports on a stored posting and a stored profile', async () => {
    const a = app();
    const posting: Json = await (
      await a.request('/api/v1/postings', jsonRequest('POST', { text: POSTING_WA }))
    ).json();
    const profile: Json = await (await a.request('/api/v1/profiles', jsonRequest('POST', PROFILE))).json();
    const res = await a.request(
      '/api/v1/gap',
      jsonRequest('POST', { profileId: profile.id, postingId: posting.id, today: '2026-01-15' }),
    );
    expect(res.status).toBe(200);
    const inline: Json = await (
      await a.request(
        '/api/v1/gap',
        jsonRequest('POST', { profile: PROFILE, text: POSTING_WA, today: '2026-01-15' }),
      )
    ).json();
    expect(await res.json()).toEqual(inline);
  });

  it.each([
    [{ profile: PROFILE }, 422],
    [{ text: POSTING_WA }, 422],
    [{ profile: PROFILE, profileId: 'x', text: POSTING_WA }, 422],
    [{ profile: PROFILE, text: POSTING_WA, html: '<p>x</p>' }, 422],
    [{ profile: { concepts: { 'clinical.nope': 'has' } }, text: POSTING_WA }, 422],
    [{ profileId: 'no-such-profile', text: POSTING_WA }, 404],
    [{ profile: PROFILE, postingId: 'no-such-posting' }, 404],
  ])('answers %j with %i', async (body, status) => {
    const res = await app().request('/api/v1/gap', jsonRequest('POST', body));
    expect(res.status).toBe(status);
    if (status === 422 && 'profile' in body && JSON.stringify(body).includes('clinical.nope')) {
      expect(((await res.json()) as Json).detail).toBe('Unknown concept ids: clinical.nope');
    }
  });
});

describe('POST /api/v1/plan', () => {
  async function stored() {
    const a = app();
    const ids: string[] = [];
    for (const text of [POSTING_WA, POSTING_OR]) {
      ids.push(
        ((await (await a.request('/api/v1/postings', jsonRequest('POST', { text }))).json()) as Json).id,
      );
    }
    return { a, ids };
  }

  it('ranks steps over all stored postings', async () => {
    const { a } = await stored();
    const res = await a.request(
      '/api/v1/plan',
      jsonRequest('POST', { profile: PROFILE, today: '2026-01-15' }),
    );
    expect(res.status).toBe(200);
    const plan: Json = await res.json();
    expect(plan.postings).toBe(2);
    expect(plan.current.knockedOut).toBe(2);
    expect(plan.steps[0]).toMatchObject({ id: 'cert.bls', meets: 2, unlocks: 2 });
    expect(plan.steps[0].summary).toMatch(/meets the credential requirement of 2 of 2 postings/);
  });

  it('takes posting ids or a filter', async () => {
    const { a, ids } = await stored();
    const byIds: Json = await (
      await a.request(
        '/api/v1/plan',
        jsonRequest('POST', { profile: PROFILE, postingIds: [ids[1]], today: '2026-01-15' }),
      )
    ).json();
    expect(byIds.postings).toBe(1);
    const byState: Json = await (
      await a.request(
        '/api/v1/plan',
        jsonRequest('POST', { profile: PROFILE, filter: { state: 'WA' }, today: '2026-01-15' }),
      )
    ).json();
    expect(byState.postings).toBe(1);
    expect(byState.steps[0].postingIds).toEqual([ids[0]]);
    const missing = await a.request(
      '/api/v1/plan',
      jsonRequest('POST', { profile: PROFILE, postingIds: ['nope'] }),
    );
    expect(missing.status).toBe(404);
  });
});
