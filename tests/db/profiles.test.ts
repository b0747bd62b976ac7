import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  createProfile,
  type Db,
  deleteProfile,
  getProfile,
  listProfiles,
  openDatabase,
  updateProfile,
} from '../../src/db/index.js';
import { profileOf } from '../fixtures/gap.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => closeDatabase(db));

describe('profiles repository', () => {
  it('creates, reads, updates and deletes a profile', () => {
    const profile = profileOf({ name: 'Sam', concepts: { 'clinical.ekg': 'has' }, state: 'WA' });
    const created = createProfile(db, profile, new Date('2026-01-01T00:00:00Z'));
    expect(created).toMatchObject({ name: 'Sam', createdAt: '2026-01-01T00:00:00.000Z', profile });
    expect(getProfile(db, created.id)).toEqual(created);

    const changed = { ...profile, name: 'Sam K', experienceYears: 2 };
    const updated = updateProfile(db, created.id, changed, new Date('2026-02-01T00:00:00Z'));
    expect(updated).toMatchObject({
      name: 'Sam K',
      createdAt: created.createdAt,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(getProfile(db, created.id)?.profile.experienceYears).toBe(2);

    expect(deleteProfile(db, created.id)).toBe(true);
    expect(deleteProfile(db, created.id)).toBe(false);
    expect(getProfile(db, created.id)).toBeUndefined();
    expect(updateProfile(db, created.id, changed)).toBeUndefined();
  });

  it('lists newest first, a page at a time', () => {
    const ids = [1, 2, 3].map((d) => createProfile(db, profileOf(), new Date(`2026-01-0${d}T00:00:00Z`)).id);
    const first = listProfiles(db, { limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const second = listProfiles(db, { limit: 2, after: first.next });
    expect(second.items.map((p) => p.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
  });
});
