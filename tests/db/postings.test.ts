import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  countPostingsByLexiconVersion,
  type Db,
  deletePosting,
  getPosting,
  getPostings,
  insertPosting,
  insertPostings,
  listPostings,
  listStalePostings,
  openDatabase,
  replaceAnalysis,
} from '../../src/db/index.js';
import { fakeAnalysis, fakePrepared } from '../fixtures/prepared-postings.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => closeDatabase(db));

describe('openDatabase', () => {
  it('turns on foreign keys and a busy timeout, and WAL for files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ma-gap-db-'));
    try {
      const file = openDatabase(join(dir, 'nested', 'test.db'));
      expect(file.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(file.$client.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(file.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
      closeDatabase(file);
      // Re-opening applies no migration twice.
      closeDatabase(openDatabase(join(dir, 'nested', 'test.db')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('postings repository', () => {
  it('stores a posting with its mentions and reads the same analysis back', () => {
    const prepared = fakePrepared('CCMA required. Draw blood.', [
      ['cert.ccma', 'required'],
      ['clinical.phlebotomy', 'duty'],
    ]);
    const { posting, created } = insertPosting(db, prepared);
    expect(created).toBe(true);
    expect(posting.analysis).toEqual(prepared.analysis);
    expect(getPosting(db, posting.id)).toEqual(posting);
  });

  it('reads many postings at once, in the order asked, each as getPosting reads it', () => {
    const a = insertPosting(db, fakePrepared('First', [['cert.ccma', 'required']])).posting;
    const b = insertPosting(
      db,
      fakePrepared('Second', [
        ['clinical.phlebotomy', 'duty'],
        ['cert.bls', 'required'],
      ]),
    ).posting;
    const c = insertPosting(db, fakePrepared('Third')).posting;
    expect(getPostings(db, [c.id, 'missing', a.id, b.id])).toEqual([
      getPosting(db, c.id),
      undefined,
      getPosting(db, a.id),
      getPosting(db, b.id),
    ]);
    expect(getPostings(db, [])).toEqual([]);
  });

  it('reads more postings than one query takes', () => {
    const ids = insertPostings(
      db,
      Array.from({ length: 1001 }, (_, i) => fakePrepared(`Posting ${i}`, [['cert.ccma', 'required']])),
    ).map((r) => r.posting.id);
    const found = getPostings(db, ids);
    expect(found.map((p) => p?.id)).toEqual(ids);
    expect(found.every((p) => p?.analysis.concepts[0]?.id === 'cert.ccma')).toBe(true);
  });

  it('returns the existing posting for the same content', () => {
    const first = insertPosting(db, fakePrepared('Same text'));
    const second = insertPosting(db, fakePrepared('Same text', [], { title: 'Other' }));
    expect(second.created).toBe(false);
    expect(second.posting.id).toBe(first.posting.id);
  });

  it('writes a batch in one transaction: a failure writes nothing', () => {
    const good = fakePrepared('Good one', [['cert.ccma', 'required']]);
    const bad = fakePrepared('Bad one', [
      ['cert.ccma', 'required'],
      ['cert.ccma', 'duty'], // same (posting, concept) twice violates the primary key
    ]);
    expect(() => insertPostings(db, [good, bad])).toThrow();
    expect(listPostings(db, { limit: 10 }).items).toHaveLength(0);
    const results = insertPostings(db, [good, fakePrepared('Good one')]);
    expect(results.map((r) => r.created)).toEqual([true, false]);
  });

  it('deletes a posting and its mentions', () => {
    const { posting } = insertPosting(db, fakePrepared('Delete me', [['cert.ccma', 'required']]));
    expect(deletePosting(db, posting.id)).toBe(true);
    expect(deletePosting(db, posting.id)).toBe(false);
    expect(db.$client.prepare('select count(*) as n from concept_mentions').get()).toEqual({ n: 0 });
  });

  it('pages newest first with a cursor, without gaps or repeats', () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        insertPosting(db, fakePrepared(`Posting ${i}`), new Date(Date.UTC(2024, 0, 1 + (i % 3)))).posting.id,
      );
    }
    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = listPostings(db, { limit: 3, after });
      seen.push(...page.items.map((p) => p.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('filters by concept, level, specialty, state and posted date', () => {
    const a = insertPosting(
      db,
      fakePrepared(
        'A',
        [
          ['cert.ccma', 'required'],
          ['specialty.dermatology', 'duty'],
        ],
        {
          state: 'MN',
          postedDate: '2024-03-01',
        },
      ),
    ).posting;
    const b = insertPosting(
      db,
      fakePrepared('B', [['cert.ccma', 'preferred']], { state: 'TX', postedDate: '2024-05-01' }),
    ).posting;
    const ids = (filter: Parameters<typeof listPostings>[1]['filter']) =>
      listPostings(db, { filter, limit: 10 })
        .items.map((p) => p.id)
        .sort();
    expect(ids({ concept: 'cert.ccma' })).toEqual([a.id, b.id].sort());
    expect(ids({ concept: 'cert.ccma', level: 'required' })).toEqual([a.id]);
    expect(ids({ level: 'preferred' })).toEqual([b.id]);
    expect(ids({ specialty: 'specialty.dermatology' })).toEqual([a.id]);
    expect(ids({ state: 'TX' })).toEqual([b.id]);
    expect(ids({ postedFrom: '2024-04-01' })).toEqual([b.id]);
    expect(ids({ postedTo: '2024-03-01' })).toEqual([a.id]);
  });

  it('finds stale postings and replaces their analysis', () => {
    const { posting } = insertPosting(db, fakePrepared('Old', [['cert.ccma', 'required']]));
    expect(listStalePostings(db, 'test-1', { limit: 10 })).toHaveLength(0);
    expect(listStalePostings(db, 'test-2', { limit: 10 }).map((p) => p.id)).toEqual([posting.id]);
    const next = { ...fakeAnalysis('Old', [['cert.cma', 'preferred']]), lexiconVersion: 'test-2' };
    replaceAnalysis(db, posting.id, next, { title: 'X', location: 'Austin, TX', state: 'TX' });
    const updated = getPosting(db, posting.id);
    expect(updated?.analysis).toEqual(next);
    expect(updated?.title).toBe('Medical Assistant'); // kept: it was already set
    expect(updated?.state).toBe('TX'); // filled: it was empty
    expect(countPostingsByLexiconVersion(db)).toEqual([{ lexiconVersion: 'test-2', count: 1 }]);
  });
});
