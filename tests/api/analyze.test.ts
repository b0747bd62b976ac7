import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { POSTING_CCMA, POSTING_HTML } from '../fixtures/api-postings.js';
import { readJson } from '../fixtures/read-json.js';
import { jsonRequest, makeApp, testLexicon } from './test-app.js';

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

describe('POST /api/v1/analyze', () => {
  it('analyses text without storing anything', async () => {
    const t = makeApp();
    db = t.db;
    const res = await t.app.request('/api/v1/analyze', jsonRequest('POST', { text: POSTING_CCMA }));
    expect(res.status).toBe(200);
    const analysis = await readJson(res);
    expect(analysis.lexiconVersion).toBe(testLexicon().version);
    expect(analysis.concepts.map((c: { id: string }) => c.id)).toContain('cert.ccma');
    expect(analysis.attributes).toHaveProperty('experienceYears');
    const list = await readJson(await t.app.request('/api/v1/postings'));
    expect(list.items).toEqual([]);
  });

  it('analyses HTML', async () => {
    const t = makeApp();
    db = t.db;
    const res = await t.app.request('/api/v1/analyze', jsonRequest('POST', { html: POSTING_HTML }));
    expect(res.status).toBe(200);
    const analysis = await readJson(res);
    expect(analysis.text).not.toContain('<li>');
    expect(analysis.concepts.length).toBeGreaterThan(0);
  });

  it.each([
    [{}, '/text'],
    [{ text: '' }, '/text'],
    [{ text: 'a', html: '<p>b</p>' }, '/text'],
    [{ text: 42 }, '/text'],
  ])('answers 422 with field paths for %j', async (body, path) => {
    const t = makeApp();
    db = t.db;
    const res = await t.app.request('/api/v1/analyze', jsonRequest('POST', body));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(res);
    expect(problem).toMatchObject({ status: 422, type: 'urn:ma-gap:problem:validation-failed' });
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
