#!/usr/bin/env node
// `npm run dump:analyses [-- --out FILE]`: a fingerprint of what the engine finds, to prove that a
// refactor (a faster tokenizer, a fused pass) changes nothing. Every corpus posting is analysed in
// several shapes (as written, flattened to one line, upper-cased, as HTML paragraphs), plus edge
// cases; the analyses are hashed together. The same build gives the same hash on every run; with
// --out, the analyses are also written one per line, to diff two builds. Needs `npm run build` and
// ../shared/corpus (read at run time, never copied).
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpusInputs, sharedDir } from './corpus-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(sharedDir(root), 'corpus', 'postings.jsonl');
if (!existsSync(corpus)) {
  console.error(`dump:analyses: no corpus at ${corpus}; set MA_GAP_SHARED`);
  process.exit(2);
}
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;

const { loadLexicon } = await import(join(root, 'dist', 'lexicon', 'index.js'));
const { analyzePosting } = await import(join(root, 'dist', 'extract', 'index.js'));
const lexicon = loadLexicon();

const escapeHtml = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
/** Each posting in the shapes users paste it in. */
function shapesOf(input) {
  if (input.html !== undefined) return [['html', input]];
  const text = input.text;
  return [
    ['text', { text }],
    ['flat', { text: text.replace(/\s*\n\s*/g, ' ') }],
    ['upper', { text: text.toUpperCase() }],
    [
      'html',
      {
        html: text
          .split('\n')
          .map((l) => `<p>${escapeHtml(l)}</p>`)
          .join('\n'),
      },
    ],
  ];
}
const EDGE_CASES = [
  { text: '' },
  { text: 'x' },
  { text: '\n\n\n' },
  { text: 'Draw bloodRoom patients' },
  { html: '<script>alert(1)</script><p>CCMA required</p>' },
  { text: '🩺 Medical Assistant 🩺\n\n- Take vitals ✔\n- CMA, RMA or CCMA required' },
  { text: `Requirements:\n${'- High school diploma\n'.repeat(2000)}` },
];

const hash = createHash('sha1');
const lines = [];
let count = 0;
const add = (id, input) => {
  const line = JSON.stringify({ id, ...analyzePosting(input, lexicon) });
  hash.update(line).update('\n');
  if (out) lines.push(line);
  count++;
};
for (const [i, input] of readCorpusInputs(corpus).entries()) {
  for (const [shape, shaped] of shapesOf(input)) add(`${i}:${shape}`, shaped);
}
for (const [i, input] of EDGE_CASES.entries()) add(`edge:${i}`, input);

if (out) writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`analyses: ${count} (lexicon ${lexicon.version}); sha1 ${hash.digest('hex')}`);
