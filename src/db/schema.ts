// Every table, in one module. Kept portable for a later PostgreSQL port: text ids (UUIDs), ISO-8601
// text timestamps, JSON stored as text, no SQLite-only column tricks.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const postings = sqliteTable(
  'postings',
  {
    id: text('id').primaryKey(),
    /** Where the client got the posting (a URL, a feed name); free text. */
    source: text('source'),
    /** As given by the client, else as extracted. */
    title: text('title'),
    employer: text('employer'),
    location: text('location'),
    /** Two-letter US state: given by the client, else derived from the location. */
    state: text('state'),
    /** YYYY-MM-DD. */
    postedDate: text('posted_date'),
    /** 'text' or 'html': how `raw` must be fed back to the engine when re-analysing. */
    rawFormat: text('raw_format').notNull(),
    raw: text('raw').notNull(),
    normalizedText: text('normalized_text').notNull(),
    /** sha256 of format + raw content: the dedup key. */
    contentHash: text('content_hash').notNull(),
    lexiconVersion: text('lexicon_version').notNull(),
    /** The analysis attributes (experience, pay, …) as JSON. */
    attributes: text('attributes').notNull(),
    createdAt: text('created_at').notNull(),
    analyzedAt: text('analyzed_at').notNull(),
  },
  (t) => [
    uniqueIndex('postings_content_hash_uq').on(t.contentHash),
    index('postings_created_idx').on(t.createdAt, t.id),
    index('postings_state_idx').on(t.state),
    index('postings_posted_date_idx').on(t.postedDate),
    index('postings_lexicon_version_idx').on(t.lexiconVersion),
  ],
);

/** One row per (posting, concept): the level it is asked at and where the posting says so. */
export const conceptMentions = sqliteTable(
  'concept_mentions',
  {
    postingId: text('posting_id')
      .notNull()
      .references(() => postings.id, { onDelete: 'cascade' }),
    conceptId: text('concept_id').notNull(),
    category: text('category').notNull(),
    label: text('label').notNull(),
    level: text('level').notNull(),
    /** The engine's order, so an analysis reads back exactly as it was produced. */
    position: integer('position').notNull(),
    /** Evidence as JSON: [{ start, end, text, sentence }], offsets into normalized_text. */
    evidence: text('evidence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postingId, t.conceptId] }),
    index('concept_mentions_concept_level_idx').on(t.conceptId, t.level),
  ],
);

/** A job seeker's profile (its repository lives in profiles.ts). */
export const profiles = sqliteTable('profiles', {
  id: text('id').primaryKey(),
  name: text('name'),
  /** The profile as JSON. */
  data: text('data').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export type PostingRow = typeof postings.$inferSelect;
export type NewPostingRow = typeof postings.$inferInsert;
export type ConceptMentionRow = typeof conceptMentions.$inferSelect;
export type ProfileRow = typeof profiles.$inferSelect;
