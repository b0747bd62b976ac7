// The profiles repository: every query on job seekers' profiles. The profile itself is stored as JSON
// (validated by the caller against the lexicon before it gets here).
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { type Profile, profileSchema } from '../profile/schema.js';
import type { Db } from './client.js';
import type { PageCursor } from './postings.js';
import { type ProfileRow, profiles } from './schema.js';

export interface StoredProfile {
  id: string;
  name: string | null;
  createdAt: string;
  updatedAt: string;
  profile: Profile;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

export function createProfile(db: Queryable, profile: Profile, now = new Date()): StoredProfile {
  const stamp = now.toISOString();
  const row: ProfileRow = {
    id: crypto.randomUUID(),
    name: profile.name ?? null,
    data: JSON.stringify(profile),
    createdAt: stamp,
    updatedAt: stamp,
  };
  db.insert(profiles).values(row).run();
  return fromRow(row);
}

export function getProfile(db: Queryable, id: string): StoredProfile | undefined {
  const row = db.select().from(profiles).where(eq(profiles.id, id)).get();
  return row ? fromRow(row) : undefined;
}

/** One page of profiles, newest first, and the cursor of the next page (null on the last). */
export function listProfiles(
  db: Queryable,
  options: { after?: PageCursor | null; limit: number },
): { items: StoredProfile[]; next: PageCursor | null } {
  const conditions: SQL[] = [];
  if (options.after) {
    const { createdAt, id } = options.after;
    const cursor = or(
      lt(profiles.createdAt, createdAt),
      and(eq(profiles.createdAt, createdAt), lt(profiles.id, id)),
    );
    if (cursor) conditions.push(cursor);
  }
  const rows = db
    .select()
    .from(profiles)
    .where(and(...conditions))
    .orderBy(desc(profiles.createdAt), desc(profiles.id))
    .limit(options.limit + 1)
    .all();
  const items = rows.slice(0, options.limit).map(fromRow);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** Replaces a profile; undefined when there is none with that id. */
export function updateProfile(
  db: Queryable,
  id: string,
  profile: Profile,
  now = new Date(),
): StoredProfile | undefined {
  const updated = db
    .update(profiles)
    .set({ name: profile.name ?? null, data: JSON.stringify(profile), updatedAt: now.toISOString() })
    .where(eq(profiles.id, id))
    .returning()
    .all();
  const row = updated[0];
  return row ? fromRow(row) : undefined;
}

export function deleteProfile(db: Queryable, id: string): boolean {
  return db.delete(profiles).where(eq(profiles.id, id)).run().changes > 0;
}

function fromRow(row: ProfileRow): StoredProfile {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    profile: profileSchema.parse(JSON.parse(row.data)),
  };
}
