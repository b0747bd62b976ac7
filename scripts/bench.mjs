#!/usr/bin/env node
// `npm run bench`: engine throughput on one core over the corpus (repeated to ≥ 5 s), and the time
// from process start to the first analysis. Needs `npm run build` and ../shared/corpus.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputBytes, readCorpusInputs, sharedDir } from './corpus-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(sharedDir(root), 'corpus', 'postings.jsonl');
if (!existsSync(corpus)) {
  console.error(`bench: no corpus at ${corpus}; set MA_GAP_SHARED`);
  process.exit(2);
}
const { loadLexicon } = await import(join(root, 'dist', 'lexicon', 'index.js'));
const { analyzePosting } = await import(join(root, 'dist', 'extract', 'index.js'));

const inputs = readCorpusInputs(corpus);
const bytes = inputBytes(inputs);

const lexicon = loadLexicon();
for (const input of inputs) analyzePosting(input, lexicon); // warm-up: JIT and stem cache

const minMs = Number(process.env.BENCH_MS ?? 5000);
// The mean over the whole run, and the fastest quarter-second window: on a shared machine the mean
// moves with the neighbours' load, the best window much less.
let rounds = 0;
let bestWindow = Number.POSITIVE_INFINITY; // ms per round
const t0 = performance.now();
let elapsed = 0;
while (elapsed < minMs) {
  const w0 = performance.now();
  let windowRounds = 0;
  do {
    for (const input of inputs) analyzePosting(input, lexicon);
    windowRounds++;
  } while (performance.now() - w0 < 250);
  bestWindow = Math.min(bestWindow, (performance.now() - w0) / windowRounds);
  rounds += windowRounds;
  elapsed = performance.now() - t0;
}
const seconds = elapsed / 1000;
const postings = (rounds * inputs.length) / seconds;
const mb = (rounds * bytes) / seconds / 1e6;
const bestMb = bytes / bestWindow / 1000;

// Time to first result: a fresh process, from spawn to the first line of output.
function firstResultMs() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'ma-gap.js'), 'analyze', '--json', '-'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => resolve(performance.now() - started));
    child.on('error', reject);
    child.stdin.end(inputs[0].text ?? inputs[0].html);
  });
}
// A bare Node start, alternated with those runs: how long this machine takes to start any process
// right now (it moves with the neighbours' load), to read the first-result time against.
function bareStartMs() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('exit', () => resolve(performance.now() - started));
    child.on('error', reject);
  });
}
const starts = [];
const bare = [];
for (let i = 0; i < 7; i++) {
  starts.push(await firstResultMs());
  bare.push(await bareStartMs());
}
starts.sort((a, b) => a - b);
bare.sort((a, b) => a - b);

console.log(
  `corpus: ${inputs.length} postings, ${(bytes / 1024).toFixed(1)} KiB; ${rounds} rounds in ${seconds.toFixed(2)} s`,
);
console.log(
  `throughput: ${postings.toFixed(0)} postings/s, ${mb.toFixed(2)} MB/s mean; best 0.25 s window ${bestMb.toFixed(2)} MB/s (target ≥ 15 MB/s)`,
);
console.log(
  `first result: median ${starts[3].toFixed(0)} ms, best ${starts[0].toFixed(0)} ms over 7 runs (target < 300 ms); a bare \`node -e 0\` takes ${bare[3].toFixed(0)} ms here now`,
);
console.log(
  `memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
