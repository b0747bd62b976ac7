// Brings stored analyses up to the current lexicon, so analytics never mix lexicon versions silently.
import { countPostingsByLexiconVersion, type Db, listStalePostings, replaceAnalysis } from '../db/index.js';
import { analyzePosting } from '../extract/index.js';
import type { Lexicon } from '../lexicon/index.js';
import type { RawFormat } from './content-hash.js';
import { postingInputOf } from './prepare-posting.js';
import { deriveState } from './us-state.js';

export interface ReanalyzeResult {
  lexiconVersion: string;
  /** Stale postings per old lexicon version, before the run. */
  staleByVersion: Record<string, number>;
  updated: number;
}

export function reanalyzePostings(
  db: Db,
  lexicon: Lexicon,
  options: { batchSize?: number; dryRun?: boolean; onBatch?: (done: number, total: number) => void } = {},
): ReanalyzeResult {
  const batchSize = options.batchSize ?? 200;
  const staleByVersion = Object.fromEntries(
    countPostingsByLexiconVersion(db)
      .filter((v) => v.lexiconVersion !== lexicon.version)
      .map((v) => [v.lexiconVersion, v.count]),
  );
  const total = Object.values(staleByVersion).reduce((a, b) => a + b, 0);
  let updated = 0;
  if (options.dryRun) return { lexiconVersion: lexicon.version, staleByVersion, updated };
  let afterId: string | undefined;
  for (;;) {
    const batch = listStalePostings(db, lexicon.version, { afterId, limit: batchSize });
    if (batch.length === 0) break;
    // Analyse outside the transaction; write each batch in one, so a crash leaves whole batches done.
    const analysed = batch.map((row) => ({
      id: row.id,
      analysis: analyzePosting(postingInputOf(row.rawFormat as RawFormat, row.raw), lexicon),
    }));
    db.transaction((tx) => {
      for (const { id, analysis } of analysed) {
        const location = analysis.attributes.location;
        replaceAnalysis(tx, id, analysis, {
          title: analysis.attributes.title,
          location,
          state: deriveState(location),
        });
      }
    });
    updated += batch.length;
    afterId = batch.at(-1)?.id;
    options.onBatch?.(updated, total);
  }
  return { lexiconVersion: lexicon.version, staleByVersion, updated };
}
