// Compiles the lexicon once before the suite when dist/lexicon/compiled.json is missing or older
// than lexicon/: every test then loads it as the CLI does, without compiling per test file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildLexicon } from '../src/lexicon/build.js';
import { DEFAULT_COMPILED_PATH, DEFAULT_LEXICON_DIR, hashLexiconSource } from '../src/lexicon/index.js';

export default function setup(): void {
  const hash = hashLexiconSource(DEFAULT_LEXICON_DIR);
  if (existsSync(DEFAULT_COMPILED_PATH)) {
    const compiled = JSON.parse(readFileSync(DEFAULT_COMPILED_PATH, 'utf8')) as { sourceHash?: string };
    if (compiled.sourceHash === hash) return;
  }
  mkdirSync(dirname(DEFAULT_COMPILED_PATH), { recursive: true });
  writeFileSync(DEFAULT_COMPILED_PATH, JSON.stringify(buildLexicon(DEFAULT_LEXICON_DIR)));
}
