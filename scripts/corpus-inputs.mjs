// The corpus as the engine benchmarks feed it, so that `bench` and `bench:instructions` measure the
// same inputs: each posting with its title on top, as text or as HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared folder (MA_GAP_SHARED, else ../shared beside the repository). */
export function sharedDir(root) {
  return process.env.MA_GAP_SHARED ?? join(root, '..', 'shared');
}

/** The corpus postings as engine inputs: { text } or { html }. */
export function readCorpusInputs(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((r) =>
      r.format === 'html'
        ? { html: `<h1>${r.title ?? ''}</h1>\n${r.text}` }
        : { text: `${r.title ?? ''}\n\n${r.text}` },
    );
}

/** The inputs' size in UTF-8 bytes (what MB/s counts). */
export function inputBytes(inputs) {
  return inputs.reduce((n, i) => n + Buffer.byteLength(i.text ?? i.html), 0);
}
