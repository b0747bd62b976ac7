// Loads the compiled lexicon and builds its tries, once; the engine receives the result as data.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledAlias, CompiledCue, CompiledLexicon, ConceptInfo } from './compiled.js';
import type { SectionKind } from './constants.js';
import { LexiconError } from './errors.js';
import { hashLexiconSource } from './hash.js';
import { decodeTrie, type FlatTrie } from './trie.js';

export interface Lexicon {
  name: string;
  version: string;
  concepts: ConceptInfo[];
  conceptById: Map<string, ConceptInfo>;
  aliases: CompiledAlias[];
  cues: CompiledCue[];
  headingKinds: Array<Exclude<SectionKind, 'title'>>;
  settingWords: Set<string>;
  /** Names with inner capitals ("NextGen", "eClinicalWorks") that are not two glued lines. */
  protectedWords: Set<string>;
  /** Informal shorthand → the word it stands for ("pts" → "patients"). */
  shorthand: Map<string, string>;
  /** The pattern words in id order (id = index + 1): the tries' edges are keyed by these ids. */
  vocabulary: string[];
  /** Tries: owners are indices into aliases / cues / headingKinds. */
  conceptTrie: FlatTrie;
  cueTrie: FlatTrie;
  headingTrie: FlatTrie;
}

export interface LoadLexiconOptions {
  /** The lexicon source directory (default: the package's lexicon/). */
  dir?: string;
  /** A compiled lexicon file (default: dist/lexicon/compiled.json beside the build). */
  compiledPath?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** src/lexicon and dist/lexicon are both two levels below the package root. */
export const DEFAULT_LEXICON_DIR = join(here, '..', '..', 'lexicon');
export const DEFAULT_COMPILED_PATH = join(here, '..', '..', 'dist', 'lexicon', 'compiled.json');

export function createLexicon(compiled: CompiledLexicon): Lexicon {
  // Everything the engine needs comes straight from the compiled JSON: nothing to build at start-up.
  return {
    name: compiled.name,
    version: compiled.version,
    concepts: compiled.concepts,
    conceptById: new Map(compiled.concepts.map((c) => [c.id, c])),
    aliases: compiled.aliases,
    cues: compiled.cues,
    headingKinds: compiled.headingKinds,
    settingWords: new Set(compiled.settingWords),
    protectedWords: new Set(compiled.protectedWords),
    shorthand: new Map(Object.entries(compiled.shorthand ?? {})),
    conceptTrie: decodeTrie(compiled.tries.concept),
    cueTrie: decodeTrie(compiled.tries.cue),
    headingTrie: decodeTrie(compiled.tries.heading),
    vocabulary: compiled.vocabulary,
  };
}

function readCompiled(path: string): CompiledLexicon | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as CompiledLexicon;
    return parsed.format === 4 ? parsed : undefined;
  } catch {
    throw new LexiconError('compiled lexicon is not valid JSON; run `npm run build`', path);
  }
}

/**
 * The lexicon, from the compiled file when it matches the source, else compiled from source now
 * (slower: it loads compromise). A source error throws LexiconError naming the file and entry.
 */
export function loadLexicon(options: LoadLexiconOptions = {}): Lexicon {
  const dir = options.dir ?? DEFAULT_LEXICON_DIR;
  const compiled = readCompiled(options.compiledPath ?? DEFAULT_COMPILED_PATH);
  const hasSource = existsSync(join(dir, 'lexicon.yaml'));
  if (compiled && (!hasSource || compiled.sourceHash === hashLexiconSource(dir)))
    return createLexicon(compiled);
  if (!hasSource) throw new LexiconError('no lexicon source (lexicon.yaml) and no compiled lexicon', dir);
  // The compiler (zod, yaml, compromise) is loaded only when needed: it would triple start-up time.
  const compiler = createRequire(import.meta.url)('./build.js') as typeof import('./build.js');
  return createLexicon(compiler.buildLexicon(dir));
}
