// `npm run build` step: compile lexicon/ into dist/lexicon/compiled.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLexicon } from './build.js';
import { LexiconError } from './errors.js';
import { DEFAULT_LEXICON_DIR } from './load.js';

const out = join(dirname(fileURLToPath(import.meta.url)), 'compiled.json');
try {
  const compiled = buildLexicon(DEFAULT_LEXICON_DIR);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(compiled));
  const patterns = compiled.patternCount;
  process.stdout.write(
    `lexicon ${compiled.version}: ${compiled.concepts.length} concepts, ${compiled.aliases.length} aliases, ${patterns} patterns → ${out}\n`,
  );
} catch (err) {
  process.stderr.write(`lexicon build failed: ${err instanceof LexiconError ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
