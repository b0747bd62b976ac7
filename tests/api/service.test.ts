import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { createLogger } from '../../src/logging/index.js';
import { POSTING_CCMA } from '../fixtures/api-postings.js';
import { readJson } from '../fixtures/read-json.js';
import { jsonRequest, makeApp, testLexicon } from './test-app.js';

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

function setup(overrides: Parameters<typeof makeApp>[0] = {}) {
  const t = makeApp(overrides);
  db = t.db;
  return t;
}

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = await readJson(res);
  expect(body).toMatchObject({
    type: expect.stringMatching(/^urn:ma-gap:problem:/),
    title: expect.any(String),
    status,
  });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
  return body;
}

describe('health and OpenAPI', () => {
  it('reports health with the lexicon version', async () => {
    const { app } = setup();
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      status: 'ok',
      lexiconVersion: testLexicon().version,
      database: 'ok',
      stalePostings: 0,
    });
  });

  it('describes every route in /openapi.json', async () => {
    const { app } = setup();
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await readJson(res);
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/analyze',
        'POST /api/v1/postings',
        'POST /api/v1/postings/batch',
        'GET /api/v1/postings',
        'GET /api/v1/postings/{id}',
        'DELETE /api/v1/postings/{id}',
        'GET /api/v1/lexicon',
        'GET /api/v1/lexicon/concepts/{id}',
        'GET /api/v1/health',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('Analysis');
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
  });
});

describe('errors are problem details', () => {
  it('400 for malformed JSON', async () => {
    const { app } = setup();
    const res = await app.request('/api/v1/analyze', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text": ',
    });
    await expectProblem(res, 400);
  });

  it('413 for a body over the limit, with or without Content-Length', async () => {
    const { app } = setup({ bodyLimit: 1000 });
    const big = JSON.stringify({ text: 'x'.repeat(2000) });
    await expectProblem(await app.request('/api/v1/analyze', jsonRequest('POST', JSON.parse(big))), 413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request('/api/v1/postings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(chunked, 413);
  });

  it('gives the batch route its own, larger limit', async () => {
    const { app } = setup({ bodyLimit: 1000, batchBodyLimit: 100_000 });
    const res = await app.request(
      '/api/v1/postings/batch',
      jsonRequest('POST', [{ text: POSTING_CCMA.repeat(5) }]),
    );
    expect(res.status).toBe(201);
  });

  it('415 for a wrong content type', async () => {
    const { app } = setup();
    for (const path of ['/api/v1/analyze', '/api/v1/postings', '/api/v1/postings/batch']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: POSTING_CCMA,
      });
      await expectProblem(res, 415);
    }
  });

  it('404 for an unknown route and an unknown id', async () => {
    const { app } = setup();
    await expectProblem(await app.request('/api/v1/nope'), 404);
    await expectProblem(await app.request('/api/v1/postings/00000000-0000-0000-0000-000000000000'), 404);
  });

  it('500 hides the cause, carries the request id and logs the cause with it', async () => {
    const lines: string[] = [];
    const t = makeApp(
      {},
      createLogger('error', (line) => lines.push(line)),
    );
    const { app, db: d } = t;
    d.$client.close(); // every query now throws
    const res = await app.request('/api/v1/postings', { headers: { 'X-Request-Id': 'req-123' } });
    const body = await expectProblem(res, 500);
    expect(body.requestId).toBe('req-123');
    expect(res.headers.get('x-request-id')).toBe('req-123');
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|select/i);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'error', requestId: 'req-123', status: 500 });
  });
});

describe('API keys', () => {
  const keys = { apiKeys: ['k-one', 'k-two'] };

  it('requires a key on write routes only', async () => {
    const { app } = setup(keys);
    const res = await app.request('/api/v1/postings', jsonRequest('POST', { text: POSTING_CCMA }));
    const body = await expectProblem(res, 401);
    expect(body.detail).toMatch(/API key/);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    const bad = await app.request(
      '/api/v1/postings',
      jsonRequest('POST', { text: POSTING_CCMA }, { Authorization: 'Bearer wrong' }),
    );
    await expectProblem(bad, 401);
    const ok = await app.request(
      '/api/v1/postings',
      jsonRequest('POST', { text: POSTING_CCMA }, { Authorization: 'Bearer k-two' }),
    );
    expect(ok.status).toBe(201);
    const { id } = await readJson(ok);
    await expectProblem(await app.request(`/api/v1/postings/${id}`, { method: 'DELETE' }), 401);
    // Reads and the stateless analyze stay open.
    expect((await app.request('/api/v1/postings')).status).toBe(200);
    expect((await app.request('/api/v1/analyze', jsonRequest('POST', { text: POSTING_CCMA }))).status).toBe(
      200,
    );
  });

  it('treats gap reports and training plans as reads: they store nothing', async () => {
    const { app } = setup(keys);
    const profile = { concepts: { 'clinical.phlebotomy': 'has' } };
    const gap = await app.request('/api/v1/gap', jsonRequest('POST', { profile, text: POSTING_CCMA }));
    expect(gap.status).toBe(200);
    const plan = await app.request('/api/v1/plan', jsonRequest('POST', { profile }));
    expect(plan.status).toBe(200);
    await expectProblem(await app.request('/api/v1/profiles', jsonRequest('POST', profile)), 401);
  });

  it('protects reads when configured, never health', async () => {
    const { app } = setup({ ...keys, protectReads: true });
    await expectProblem(await app.request('/api/v1/postings'), 401);
    await expectProblem(await app.request('/api/v1/analyze', jsonRequest('POST', { text: 'x' })), 401);
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect(
      (await app.request('/api/v1/postings', { headers: { Authorization: 'Bearer k-one' } })).status,
    ).toBe(200);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client spends its window', async () => {
    const { app } = setup({ rateLimit: 2, rateWindowMs: 60_000 });
    const first = await app.request('/api/v1/lexicon/concepts/cert.ccma');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await app.request('/api/v1/lexicon/concepts/cert.ccma')).status).toBe(200);
    const limited = await app.request('/api/v1/lexicon/concepts/cert.ccma');
    await expectProblem(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Health is never limited.
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });

  it('counts each API key separately', async () => {
    const { app } = setup({ rateLimit: 1, apiKeys: ['a', 'b'] });
    const as = (key: string) =>
      app.request('/api/v1/lexicon/concepts/cert.ccma', { headers: { Authorization: `Bearer ${key}` } });
    expect((await as('a')).status).toBe(200);
    expect((await as('b')).status).toBe(200);
    expect((await as('a')).status).toBe(429);
  });
});

describe('headers', () => {
  it('sets security headers and a request id', async () => {
    const { app } = setup();
    const res = await app.request('/api/v1/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers CORS preflights for configured origins only', async () => {
    const { app } = setup({ corsOrigins: ['https://ats.example.com'] });
    const preflight = (origin: string) =>
      app.request('/api/v1/postings', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    expect((await preflight('https://ats.example.com')).headers.get('access-control-allow-origin')).toBe(
      'https://ats.example.com',
    );
    expect(
      (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });
});
