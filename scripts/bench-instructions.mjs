#!/usr/bin/env node
// `npm run bench:instructions`: the engine's machine instructions per pass over the corpus, counted
// by valgrind (cachegrind). On a shared machine wall time moves ±25 % with the neighbours' load; this
// count moves by a few per cent at most, so it tells whether a change made the engine do less work.
// It is not a speed: fewer instructions that miss the cache more can be slower (`npm run bench`).
//
// V8 runs single-threaded with fixed seeds (so its GC and compiler work land in the count the same way
// every run). Two child runs differ only by BENCH_PASSES passes, both after a warm-up and then
// BENCH_PASSES passes more: V8 may still optimise a function some dozens of passes in, and a
// compilation that fell between the two runs' ends would be counted as the passes' work (a 40-pass
// count once read 107 M where 100 passes read 84 M). Needs valgrind, `npm run build` and ../shared/corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputBytes, readCorpusInputs, sharedDir } from './corpus-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = sharedDir(root);
const corpus = join(shared, 'corpus', 'postings.jsonl');
const passes = Number(process.env.BENCH_PASSES ?? 40);

if (process.argv[2] === '--run') {
  // The measured child: a warm-up of 20 passes, then the passes asked for.
  const { loadLexicon } = await import(join(root, 'dist', 'lexicon', 'index.js'));
  const { analyzePosting } = await import(join(root, 'dist', 'extract', 'index.js'));
  const lexicon = loadLexicon();
  const inputs = readCorpusInputs(corpus);
  const count = 20 + Number(process.argv[3]);
  for (let i = 0; i < count; i++) for (const input of inputs) analyzePosting(input, lexicon);
  process.exit(0);
}

if (!existsSync(corpus)) {
  console.error(`bench:instructions: no corpus at ${corpus}; set MA_GAP_SHARED`);
  process.exit(2);
}
try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('bench:instructions: needs valgrind (apt-get install -y valgrind)');
  process.exit(2);
}

/** Instructions of one child run of `extra` measured passes after the warm-up. */
function instructions(extra) {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=no',
    '--cachegrind-out-file=/dev/null',
    process.execPath,
    '--single-threaded',
    '--random-seed=1',
    '--hash-seed=1',
    fileURLToPath(import.meta.url),
    '--run',
    String(extra),
  ];
  const run = spawnSync('valgrind', args, {
    encoding: 'utf8',
    env: { ...process.env, MA_GAP_SHARED: shared },
  });
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !refs) {
    console.error(`bench:instructions: valgrind failed\n${run.stderr}`);
    process.exit(1);
  }
  return Number(refs[1].replaceAll(',', ''));
}

const bytes = inputBytes(readCorpusInputs(corpus));
const base = instructions(passes);
const more = instructions(2 * passes);
const perPass = (more - base) / passes;
console.log(`corpus: ${(bytes / 1024).toFixed(1)} KiB; ${passes} passes counted under valgrind`);
console.log(
  `instructions: ${(perPass / 1e6).toFixed(2)} M per pass, ${(perPass / bytes).toFixed(0)} per input byte`,
);
