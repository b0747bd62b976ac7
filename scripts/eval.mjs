#!/usr/bin/env node
// `npm run eval [-- --split dev|test|all] [--verbose]`: runs the corpus through `ma-gap analyze --jsonl`
// and scores it with the corpus's own scorer. The corpus is read from ../shared at run time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir } from './corpus-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = sharedDir(root);
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const verbose = args.includes('--verbose');
const postings = join(shared, 'corpus', 'postings.jsonl');
const labels = join(shared, 'corpus', `labels-${split}.jsonl`);
if (!existsSync(postings) || !existsSync(labels)) {
  console.error(`eval: no corpus at ${join(shared, 'corpus')} (labels-${split}.jsonl); set MA_GAP_SHARED`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'ma-gap-eval-'));
const run = (cmd, argv, opts = {}) => {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
};
const input = join(dir, 'input.jsonl');
writeFileSync(input, run('node', [join(shared, 'eval', 'make-input.mjs'), postings, split]));
const pred = join(dir, 'pred.jsonl');
writeFileSync(pred, run('node', [join(root, 'bin', 'ma-gap.js'), 'analyze', '--jsonl', input]));
process.stdout.write(
  run('node', [join(shared, 'eval', 'score.mjs'), labels, pred, ...(verbose ? ['--verbose'] : [])]),
);
console.log(`(predictions: ${pred})`);
