// The postings repository: every query on postings and their concept mentions.
import { and, asc, desc, eq, exists, gt, gte, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Analysis, FoundConcept } from '../extract/types.js';
import type { PostingDescription, PreparedPosting } from '../postings/index.js';
import type { Db } from './client.js';
import { conceptMentions, type PostingRow, postings } from './schema.js';

/** A stored posting without its analysis, as listed. */
export interface PostingSummary extends PostingDescription {
  id: string;
  contentHash: string;
  lexiconVersion: string;
  createdAt: string;
  analyzedAt: string;
}

export interface StoredPosting extends PostingSummary {
  analysis: Analysis;
}

export interface PostingFilter {
  /** Postings that mention this concept id… */
  concept?: string;
  /** …at this level (with `concept`: that concept at that level; alone: any concept at that level). */
  level?: string;
  /** A specialty concept id ("specialty.dermatology"). */
  specialty?: string;
  state?: string;
  /** Inclusive YYYY-MM-DD bounds on the posted date. */
  postedFrom?: string;
  postedTo?: string;
}

/** Where a page ends; the next page starts strictly after it (newest first). */
export interface PageCursor {
  createdAt: string;
  id: string;
}

export interface InsertResult {
  posting: StoredPosting;
  created: boolean;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

const summaryColumns = {
  id: postings.id,
  source: postings.source,
  title: postings.title,
  employer: postings.employer,
  location: postings.location,
  state: postings.state,
  postedDate: postings.postedDate,
  contentHash: postings.contentHash,
  lexiconVersion: postings.lexiconVersion,
  createdAt: postings.createdAt,
  analyzedAt: postings.analyzedAt,
};

export function findPostingByHash(db: Queryable, contentHash: string): StoredPosting | undefined {
  const row = db.select().from(postings).where(eq(postings.contentHash, contentHash)).get();
  return row ? withAnalysis(db, row) : undefined;
}

export function getPosting(db: Queryable, id: string): StoredPosting | undefined {
  const row = db.select().from(postings).where(eq(postings.id, id)).get();
  return row ? withAnalysis(db, row) : undefined;
}

/**
 * Stores a posting and its mentions, or returns the posting already stored with the same content.
 * Runs in its own transaction unless given one.
 */
export function insertPosting(db: Db, prepared: PreparedPosting, now = new Date()): InsertResult {
  return db.transaction((tx) => insertPostingIn(tx, prepared, now));
}

/** Stores many postings in ONE transaction: a throw anywhere writes nothing. */
export function insertPostings(db: Db, items: PreparedPosting[], now = new Date()): InsertResult[] {
  return db.transaction((tx) => items.map((item) => insertPostingIn(tx, item, now)));
}

function insertPostingIn(tx: Queryable, prepared: PreparedPosting, now: Date): InsertResult {
  const stamp = now.toISOString();
  const id = crypto.randomUUID();
  // ON CONFLICT DO NOTHING rather than look-then-insert: correct even with two writers.
  const inserted = tx
    .insert(postings)
    .values({
      id,
      source: prepared.source,
      title: prepared.title,
      employer: prepared.employer,
      location: prepared.location,
      state: prepared.state,
      postedDate: prepared.postedDate,
      rawFormat: prepared.format,
      raw: prepared.raw,
      normalizedText: prepared.analysis.text,
      contentHash: prepared.contentHash,
      lexiconVersion: prepared.analysis.lexiconVersion,
      attributes: JSON.stringify(prepared.analysis.attributes),
      createdAt: stamp,
      analyzedAt: stamp,
    })
    .onConflictDoNothing({ target: postings.contentHash })
    .returning({ id: postings.id })
    .all();
  if (inserted.length === 0) {
    const existing = findPostingByHash(tx, prepared.contentHash);
    if (!existing) throw new Error('posting vanished after a content-hash conflict');
    return { posting: existing, created: false };
  }
  insertMentions(tx, id, prepared.analysis.concepts);
  const posting = getPosting(tx, id);
  if (!posting) throw new Error('posting not readable after insert');
  return { posting, created: true };
}

/**
 * Replaces a posting's analysis (after a lexicon change). Title, location and state are filled only
 * where still empty: values a client gave are never overwritten.
 */
export function replaceAnalysis(
  db: Queryable,
  id: string,
  analysis: Analysis,
  derived: { title: string | null; location: string | null; state: string | null },
  now = new Date(),
): void {
  const current = db.select().from(postings).where(eq(postings.id, id)).get();
  if (!current) return;
  db.update(postings)
    .set({
      normalizedText: analysis.text,
      lexiconVersion: analysis.lexiconVersion,
      attributes: JSON.stringify(analysis.attributes),
      analyzedAt: now.toISOString(),
      title: current.title ?? derived.title,
      location: current.location ?? derived.location,
      state: current.state ?? derived.state,
    })
    .where(eq(postings.id, id))
    .run();
  db.delete(conceptMentions).where(eq(conceptMentions.postingId, id)).run();
  insertMentions(db, id, analysis.concepts);
}

export function deletePosting(db: Queryable, id: string): boolean {
  // Mentions go with it (ON DELETE CASCADE).
  return db.delete(postings).where(eq(postings.id, id)).run().changes > 0;
}

/** One page of postings, newest first, and the cursor of the next page (null on the last). */
export function listPostings(
  db: Queryable,
  options: { filter?: PostingFilter; after?: PageCursor | null; limit: number },
): { items: PostingSummary[]; next: PageCursor | null } {
  const conditions = filterConditions(db, options.filter ?? {});
  if (options.after) {
    const { createdAt, id } = options.after;
    const cursor = or(
      lt(postings.createdAt, createdAt),
      and(eq(postings.createdAt, createdAt), lt(postings.id, id)),
    );
    if (cursor) conditions.push(cursor);
  }
  const rows = db
    .select(summaryColumns)
    .from(postings)
    .where(and(...conditions))
    .orderBy(desc(postings.createdAt), desc(postings.id))
    .limit(options.limit + 1)
    .all();
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

function filterConditions(db: Queryable, filter: PostingFilter): SQL[] {
  const conditions: SQL[] = [];
  const mentioned = (conceptId: string | undefined, level: string | undefined) => {
    const where = [eq(conceptMentions.postingId, postings.id)];
    if (conceptId) where.push(eq(conceptMentions.conceptId, conceptId));
    if (level) where.push(eq(conceptMentions.level, level));
    return exists(
      db
        .select({ one: sql`1` })
        .from(conceptMentions)
        .where(and(...where)),
    );
  };
  if (filter.concept || filter.level) conditions.push(mentioned(filter.concept, filter.level));
  if (filter.specialty) conditions.push(mentioned(filter.specialty, undefined));
  if (filter.state) conditions.push(eq(postings.state, filter.state));
  if (filter.postedFrom) conditions.push(gte(postings.postedDate, filter.postedFrom));
  if (filter.postedTo) conditions.push(lte(postings.postedDate, filter.postedTo));
  return conditions;
}

/** Postings analysed with another lexicon version, by id, in pages (for `ma-gap reanalyze`). */
export function listStalePostings(
  db: Queryable,
  lexiconVersion: string,
  options: { afterId?: string; limit: number },
): Array<Pick<PostingRow, 'id' | 'rawFormat' | 'raw' | 'lexiconVersion'>> {
  const conditions = [ne(postings.lexiconVersion, lexiconVersion)];
  if (options.afterId) conditions.push(gt(postings.id, options.afterId));
  return db
    .select({
      id: postings.id,
      rawFormat: postings.rawFormat,
      raw: postings.raw,
      lexiconVersion: postings.lexiconVersion,
    })
    .from(postings)
    .where(and(...conditions))
    .orderBy(asc(postings.id))
    .limit(options.limit)
    .all();
}

/** How many postings each lexicon version analysed. */
export function countPostingsByLexiconVersion(
  db: Queryable,
): Array<{ lexiconVersion: string; count: number }> {
  return db
    .select({ lexiconVersion: postings.lexiconVersion, count: sql<number>`count(*)`.mapWith(Number) })
    .from(postings)
    .groupBy(postings.lexiconVersion)
    .orderBy(asc(postings.lexiconVersion))
    .all();
}

function insertMentions(db: Queryable, postingId: string, concepts: FoundConcept[]): void {
  if (concepts.length === 0) return;
  db.insert(conceptMentions)
    .values(
      concepts.map((concept, position) => ({
        postingId,
        conceptId: concept.id,
        category: concept.category,
        label: concept.label,
        level: concept.level,
        position,
        evidence: JSON.stringify(concept.evidence),
      })),
    )
    .run();
}

function withAnalysis(db: Queryable, row: PostingRow): StoredPosting {
  const mentions = db
    .select()
    .from(conceptMentions)
    .where(eq(conceptMentions.postingId, row.id))
    .orderBy(asc(conceptMentions.position))
    .all();
  return toStoredPosting(row, mentions);
}

/** Ids per query in getPostings: well under SQLite's limit on bound parameters. */
const IDS_PER_QUERY = 500;

/**
 * Many postings with their analyses, in the order of `ids` (undefined where none is stored): two
 * queries per 500 ids, not two per posting.
 */
export function getPostings(db: Queryable, ids: readonly string[]): Array<StoredPosting | undefined> {
  const found = new Map<string, StoredPosting>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const rows = db.select().from(postings).where(inArray(postings.id, chunk)).all();
    const mentions = db
      .select()
      .from(conceptMentions)
      .where(inArray(conceptMentions.postingId, chunk))
      .orderBy(asc(conceptMentions.postingId), asc(conceptMentions.position))
      .all();
    const byPosting = new Map<string, MentionRow[]>();
    for (const m of mentions) {
      const list = byPosting.get(m.postingId);
      if (list) list.push(m);
      else byPosting.set(m.postingId, [m]);
    }
    for (const row of rows) found.set(row.id, toStoredPosting(row, byPosting.get(row.id) ?? []));
  }
  return ids.map((id) => found.get(id));
}

type MentionRow = typeof conceptMentions.$inferSelect;

function toStoredPosting(row: PostingRow, mentions: readonly MentionRow[]): StoredPosting {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    employer: row.employer,
    location: row.location,
    state: row.state,
    postedDate: row.postedDate,
    contentHash: row.contentHash,
    lexiconVersion: row.lexiconVersion,
    createdAt: row.createdAt,
    analyzedAt: row.analyzedAt,
    analysis: {
      lexiconVersion: row.lexiconVersion,
      concepts: mentions.map((m) => ({
        id: m.conceptId,
        category: m.category as FoundConcept['category'],
        label: m.label,
        level: m.level as FoundConcept['level'],
        evidence: JSON.parse(m.evidence) as FoundConcept['evidence'],
      })),
      attributes: JSON.parse(row.attributes) as Analysis['attributes'],
      text: row.normalizedText,
    },
  };
}
