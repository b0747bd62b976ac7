import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { numberedPosting, POSTING_CCMA, POSTING_DERM, POSTING_HTML } from '../fixtures/api-postings.js';
import { readJson } from '../fixtures/read-json.js';
import { jsonRequest, makeApp } from './test-app.js';

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

function setup(overrides: Parameters<typeof makeApp>[0] = {}) {
  const t = makeApp(overrides);
  db = t.db;
  const post = (path: string, body: unknown) => t.app.request(`/api/v1${path}`, jsonRequest('POST', body));
  const get = (path: string) => t.app.request(`/api/v1${path}`);
  return { ...t, post, get };
}

const countRows = (d: Db) => d.$client.prepare('select count(*) as n from postings').get() as { n: number };

describe('POST /api/v1/postings', () => {
  it('stores and analyses a posting (201), then returns the same one for the same content (200)', async () => {
    const t = setup();
    const first = await t.post('/postings', { text: POSTING_CCMA, source: 'test', postedDate: '2024-05-01' });
    expect(first.status).toBe(201);
    const created = await readJson(first);
    expect(first.headers.get('location')).toBe(`/api/v1/postings/${created.id}`);
    expect(created).toMatchObject({ source: 'test', state: 'MN', postedDate: '2024-05-01' });
    expect(created.analysis.concepts.map((c: { id: string }) => c.id)).toContain('cert.ccma');

    const again = await t.post('/postings', { text: POSTING_CCMA });
    expect(again.status).toBe(200);
    expect((await readJson(again)).id).toBe(created.id);
    expect(countRows(t.db).n).toBe(1);
  });

  it('takes HTML, a client-given state, and cuts an ISO timestamp to its date', async () => {
    const t = setup();
    const res = await t.post('/postings', {
      html: POSTING_HTML,
      state: 'wa',
      postedDate: '2024-05-01T10:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toMatchObject({ state: 'WA', postedDate: '2024-05-01' });
  });

  it('rejects invalid fields with 422 and writes nothing', async () => {
    const t = setup();
    const res = await t.post('/postings', { text: 'x', state: 'ZZ', postedDate: 'yesterday' });
    expect(res.status).toBe(422);
    const paths = (await readJson(res)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/state', '/postedDate']));
    expect(countRows(t.db).n).toBe(0);
  });
});

describe('GET and DELETE /api/v1/postings/:id', () => {
  it('returns a posting with its analysis, deletes it, then 404s', async () => {
    const t = setup();
    const created = await readJson(await t.post('/postings', { text: POSTING_DERM }));
    const got = await t.get(`/postings/${created.id}`);
    expect(got.status).toBe(200);
    expect(await readJson(got)).toEqual(created);

    const del = await t.app.request(`/api/v1/postings/${created.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await t.get(`/postings/${created.id}`)).status).toBe(404);
    const again = await t.app.request(`/api/v1/postings/${created.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET /api/v1/postings', () => {
  it('pages with a cursor', async () => {
    const t = setup();
    const res = await t.post(
      '/postings/batch',
      Array.from({ length: 5 }, (_, i) => ({ text: numberedPosting(i) })),
    );
    expect(res.status).toBe(201);
    const ids: string[] = [];
    let url = '/postings?limit=2';
    for (let pages = 0; pages < 10; pages++) {
      const page = await readJson(await t.get(url));
      ids.push(...page.items.map((p: { id: string }) => p.id));
      if (!page.nextCursor) break;
      url = `/postings?limit=2&cursor=${page.nextCursor}`;
    }
    expect(new Set(ids).size).toBe(5);
  });

  it('filters by concept, level, specialty, state and date range', async () => {
    const t = setup();
    const a = await readJson(await t.post('/postings', { text: POSTING_CCMA, postedDate: '2024-03-01' }));
    const b = await readJson(await t.post('/postings', { text: POSTING_DERM, postedDate: '2024-06-01' }));
    const ids = async (query: string) =>
      ((await readJson(await t.get(`/postings?${query}`))).items as Array<{ id: string }>)
        .map((p) => p.id)
        .sort();
    expect(await ids('concept=cert.ccma')).toEqual([a.id]);
    expect(await ids('concept=cert.ccma&level=required')).toEqual([a.id]);
    expect(await ids('concept=cert.ccma&level=duty')).toEqual([]);
    expect(await ids('state=TX')).toEqual([b.id]);
    expect(await ids('state=tx')).toEqual([b.id]);
    expect(await ids('postedFrom=2024-04-01')).toEqual([b.id]);
    expect(await ids('postedFrom=2024-01-01&postedTo=2024-03-31')).toEqual([a.id]);
    const derm = b.analysis.attributes.specialties as string[];
    if (derm.length > 0) expect(await ids(`specialty=${derm[0]}`)).toEqual([b.id]);
  });

  it.each([
    ['limit=0', '/limit'],
    ['limit=abc', '/limit'],
    ['level=sometimes', '/level'],
    ['state=XX', '/state'],
    ['postedFrom=2024-13', '/postedFrom'],
    ['concept=cert.not-a-concept', '/concept'],
    ['specialty=not-a-specialty', '/specialty'],
    ['cursor=garbage', '/cursor'],
    ['postedFrom=2024-05-01&postedTo=2024-01-01', '/postedTo'],
  ])('answers 422 for %s', async (query, path) => {
    const t = setup();
    const res = await t.get(`/postings?${query}`);
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.errors[0]).toMatchObject({ path, location: 'query' });
  });
});

describe('POST /api/v1/postings/batch', () => {
  it('stores a JSON array, deduplicating within the batch and against the store', async () => {
    const t = setup();
    await t.post('/postings', { text: POSTING_CCMA });
    const res = await t.post('/postings/batch', [
      { text: POSTING_CCMA },
      { text: POSTING_DERM },
      { text: POSTING_DERM },
    ]);
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toMatchObject({ created: 1, existing: 2 });
    expect(body.items.map((i: { status: string }) => i.status)).toEqual(['existing', 'created', 'existing']);
    expect(body.items[1].id).toBe(body.items[2].id);
    expect(countRows(t.db).n).toBe(2);

    const again = await t.post('/postings/batch', [{ text: POSTING_DERM }]);
    expect(again.status).toBe(200);
  });

  it('is all or nothing: one bad item writes nothing and is reported by index', async () => {
    const t = setup();
    const res = await t.post('/postings/batch', [{ text: numberedPosting(1) }, { text: '' }, { html: 5 }]);
    expect(res.status).toBe(422);
    const paths = (await readJson(res)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/1/text', '/2/html']));
    expect(countRows(t.db).n).toBe(0);
  });

  it('accepts NDJSON and reports bad lines by index', async () => {
    const t = setup();
    const ndjson = (lines: string[]) =>
      t.app.request('/api/v1/postings/batch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson' },
        body: lines.join('\n'),
      });
    const bad = await ndjson([JSON.stringify({ text: numberedPosting(1) }), '{not json', JSON.stringify({})]);
    expect(bad.status).toBe(422);
    const paths = (await readJson(bad)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['/1', '/2/text']);
    expect(countRows(t.db).n).toBe(0);

    const good = await ndjson([
      JSON.stringify({ text: numberedPosting(1) }),
      '',
      JSON.stringify({ text: numberedPosting(2) }),
    ]);
    expect(good.status).toBe(201);
    expect((await readJson(good)).created).toBe(2);
  });

  it('rejects more than 1,000 postings and an empty batch', async () => {
    const t = setup();
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ text: `p${i}` }));
    expect((await t.post('/postings/batch', tooMany)).status).toBe(422);
    expect((await t.post('/postings/batch', [])).status).toBe(422);
    expect((await t.post('/postings/batch', { text: 'not an array' })).status).toBe(422);
    expect(countRows(t.db).n).toBe(0);
  });

  it('rolls back everything when a write fails midway', async () => {
    const t = setup();
    // A trigger makes the third insert fail inside the transaction, after two succeeded.
    t.db.$client.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON postings
      WHEN (SELECT count(*) FROM postings) >= 2 BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const res = await t.post(
      '/postings/batch',
      [1, 2, 3].map((i) => ({ text: numberedPosting(i) })),
    );
    expect(res.status).toBe(500);
    const problem = await readJson(res);
    expect(JSON.stringify(problem)).not.toMatch(/boom|INSERT|sqlite/i);
    expect(problem.requestId).toEqual(expect.any(String));
    expect(countRows(t.db).n).toBe(0);
  });
});
