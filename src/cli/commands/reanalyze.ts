// `ma-gap reanalyze`: re-runs the engine on stored postings analysed with another lexicon version.
import { loadConfig } from '../../config/index.js';
import { closeDatabase, openDatabase } from '../../db/index.js';
import { loadLexicon } from '../../lexicon/index.js';
import { reanalyzePostings } from '../../postings/index.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { parseFlags } from '../parse-flags.js';

export const reanalyzeCommand: CliCommand = {
  name: 'reanalyze',
  usage: `Usage: ma-gap reanalyze [--db <file>] [--batch-size <n>] [--dry-run]

Re-analyses every stored posting whose lexicon version differs from the current lexicon's,
a batch per transaction, and prints the counts. --db defaults to MA_GAP_DB (./data/ma-gap.db).
Safe to run next to a running server (SQLite WAL + busy timeout).`,
  async run(args, io) {
    const flags = parseFlags(args, ['db', 'batch-size'], ['dry-run']);
    const batchSize = flags['batch-size'] === undefined ? 200 : Number(flags['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new CliUsageError('--batch-size must be a positive integer');
    const config = loadConfig(flags.db === undefined ? io.env : { ...io.env, MA_GAP_DB: flags.db });
    const lexicon = loadLexicon(config.lexiconDir ? { dir: config.lexiconDir } : {});
    const db = openDatabase(config.dbPath);
    try {
      const dryRun = flags['dry-run'] === 'true';
      const result = reanalyzePostings(db, lexicon, {
        batchSize,
        dryRun,
        onBatch: (done, total) => io.stderr.write(`reanalyze: ${done}/${total}\n`),
      });
      const stale = Object.entries(result.staleByVersion);
      const total = stale.reduce((n, [, count]) => n + count, 0);
      io.stdout.write(`lexicon ${result.lexiconVersion}: ${total} stale posting(s)\n`);
      for (const [version, count] of stale) io.stdout.write(`  ${version}: ${count}\n`);
      io.stdout.write(dryRun ? 'dry run: nothing changed\n' : `re-analysed ${result.updated} posting(s)\n`);
      return 0;
    } finally {
      closeDatabase(db);
    }
  },
};
