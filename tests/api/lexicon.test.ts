import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { readJson } from '../fixtures/read-json.js';
import { makeApp, testLexicon } from './test-app.js';

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

describe('lexicon routes', () => {
  it('lists every concept with labels, categories and training', async () => {
    const t = makeApp();
    db = t.db;
    const res = await t.app.request('/api/v1/lexicon');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.version).toBe(testLexicon().version);
    expect(body.concepts).toHaveLength(testLexicon().concepts.length);
    expect(body.concepts[0]).toMatchObject({
      id: expect.any(String),
      label: expect.any(String),
      training: expect.any(Array),
    });
  });

  it('filters by category', async () => {
    const t = makeApp();
    db = t.db;
    const body = await readJson(await t.app.request('/api/v1/lexicon?category=cert'));
    expect(body.concepts.length).toBeGreaterThan(0);
    expect(body.concepts.every((c: { category: string }) => c.category === 'cert')).toBe(true);
    expect((await t.app.request('/api/v1/lexicon?category=nope')).status).toBe(422);
  });

  it('returns one concept, or 404', async () => {
    const t = makeApp();
    db = t.db;
    const res = await t.app.request('/api/v1/lexicon/concepts/cert.ccma');
    expect(res.status).toBe(200);
    expect((await readJson(res)).id).toBe('cert.ccma');
    const missing = await t.app.request('/api/v1/lexicon/concepts/cert.nope');
    expect(missing.status).toBe(404);
    expect(await readJson(missing)).toMatchObject({ status: 404, title: 'Not found' });
  });
});
