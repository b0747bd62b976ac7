import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db } from '../../src/db/index.js';
import { RESUME_SHORT } from '../fixtures/resumes.js';
import { jsonRequest, makeApp } from './test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Json = any;

let db: Db | undefined;
afterEach(() => db && closeDatabase(db));

const PROFILE = {
  concepts: { 'clinical.phlebotomy': 'has', 'clinical.ekg': 'learning' },
  credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2025-05-01' }],
  experienceYears: 1.5,
  state: 'WA',
  specialties: ['specialty.pediatrics'],
};

function app() {
  const t = makeApp();
  db = t.db;
  return t.app;
}

describe('/api/v1/profiles', () => {
  it('imports, reads, exports, replaces, lists and deletes a profile', async () => {
    const a = app();
    const res = await a.request('/api/v1/profiles', jsonRequest('POST', { ...PROFILE, name: 'Sam' }));
    expect(res.status).toBe(201);
    const created: Json = await res.json();
    expect(res.headers.get('Location')).toBe(`/api/v1/profiles/${created.id}`);
    expect(created).toMatchObject({ name: 'Sam', profile: { ...PROFILE, name: 'Sam' } });

    const got: Json = await (await a.request(`/api/v1/profiles/${created.id}`)).json();
    expect(got).toEqual(created);

    const exported = await a.request(`/api/v1/profiles/${created.id}/export`);
    expect(exported.headers.get('Content-Disposition')).toContain('attachment');
    const exportedJson: Json = await exported.json();
    expect(exportedJson).toEqual({ ...PROFILE, name: 'Sam' });
    // Export → import round-trips.
    const reimported: Json = await (
      await a.request('/api/v1/profiles', jsonRequest('POST', exportedJson))
    ).json();
    expect(reimported.profile).toEqual(exportedJson);

    const put = await a.request(
      `/api/v1/profiles/${created.id}`,
      jsonRequest('PUT', { ...PROFILE, experienceYears: 3 }),
    );
    expect(put.status).toBe(200);
    expect(((await put.json()) as Json).profile.experienceYears).toBe(3);

    const list: Json = await (await a.request('/api/v1/profiles?limit=1')).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toEqual(expect.any(String));
    const next: Json = await (await a.request(`/api/v1/profiles?limit=1&cursor=${list.nextCursor}`)).json();
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();

    expect((await a.request(`/api/v1/profiles/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await a.request(`/api/v1/profiles/${created.id}`)).status).toBe(404);
    expect((await a.request(`/api/v1/profiles/${created.id}`, jsonRequest('PUT', PROFILE))).status).toBe(404);
  });

  it('answers 422 naming unknown concept ids', async () => {
    const res = await app().request(
      '/api/v1/profiles',
      jsonRequest('POST', {
        concepts: { 'clinical.teleportation': 'has' },
        credentials: [{ id: 'cert.wizard' }],
      }),
    );
    expect(res.status).toBe(422);
    const problem: Json = await res.json();
    expect(problem.detail).toBe('Unknown concept ids: cert.wizard, clinical.teleportation');
    expect(problem.errors.map((e: Json) => e.path)).toEqual([
      '/concepts/clinical.teleportation',
      '/credentials/0/id',
    ]);
  });

  it('answers 422 for a malformed profile', async () => {
    const res = await app().request(
      '/api/v1/profiles',
      jsonRequest('POST', { concepts: { 'clinical.ekg': 'expert' } }),
    );
    expect(res.status).toBe(422);
  });

  it('reads a profile from resume text, stored only when asked', async () => {
    const a = app();
    const res = await a.request('/api/v1/profiles/from-resume', jsonRequest('POST', { text: RESUME_SHORT }));
    expect(res.status).toBe(200);
    const profile: Json = await res.json();
    expect(profile.concepts).toMatchObject({ 'clinical.phlebotomy': 'has', 'clinical.ekg': 'has' });
    expect(profile.credentials).toEqual([{ id: 'cert.ccma', earned: '2023-01-01' }]);
    expect(((await (await a.request('/api/v1/profiles')).json()) as Json).items).toEqual([]);

    const saved = await a.request(
      '/api/v1/profiles/from-resume',
      jsonRequest('POST', { text: RESUME_SHORT, save: true, name: 'Kim' }),
    );
    expect(saved.status).toBe(201);
    const stored: Json = await saved.json();
    expect(saved.headers.get('Location')).toBe(`/api/v1/profiles/${stored.id}`);
    expect(stored).toMatchObject({ name: 'Kim', profile: { name: 'Kim' } });
  });
});

describe('OpenAPI document', () => {
  it('lists the profile, gap and plan routes', async () => {
    const res = await app().request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc: Json = await res.json();
    for (const path of [
      '/api/v1/profiles',
      '/api/v1/profiles/{id}',
      '/api/v1/profiles/from-resume',
      '/api/v1/gap',
      '/api/v1/plan',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.GapReport).toBeDefined();
  });
});
