// The lexicon at run time: load the compiled lexicon and look concepts up. The compiler (YAML
// source → compiled JSON) lives in build.ts and read-source.ts and is imported from there directly:
// it pulls in zod, yaml and compromise, which the analysis path must not pay for.
import type { ConceptInfo } from './compiled.js';
import type { Lexicon } from './load.js';

export type { CompiledLexicon, ConceptInfo } from './compiled.js';
export {
  CATEGORIES,
  type Category,
  CUE_KINDS,
  type CueKind,
  LEVELS,
  type Level,
  SECTION_KINDS,
  type SectionKind,
} from './constants.js';
export { LexiconError } from './errors.js';
export { hashLexiconSource } from './hash.js';
export {
  createLexicon,
  DEFAULT_COMPILED_PATH,
  DEFAULT_LEXICON_DIR,
  type Lexicon,
  type LoadLexiconOptions,
  loadLexicon,
} from './load.js';
export {
  type ContextTrie,
  charCodes,
  contextTrie,
  type LexiconMatcher,
  lexiconMatcher,
  WORD_EXACT,
  WORD_FIELDS,
  WORD_HASH_SEED,
  WORD_MARKS,
  WORD_NORM,
  WORD_ROOTS,
  WORD_STEM,
  type WordInfo,
  WordTable,
  wordHashStep,
} from './matcher.js';
export type { TrainingSource } from './schema.js';
export { normalizeWord, stemWord } from './stem.js';
export {
  compileTrie,
  createTrie,
  type FlatTrie,
  type MatchOptions,
  type MatchToken,
  type MatchTrie,
  matchHasToken,
  matchTrie,
  type StoredTrie,
  type TrieMatch,
  type TrieNode,
  type Vocabulary,
  type WordIds,
} from './trie.js';

/** A concept by id, or undefined. */
export function getConcept(lexicon: Lexicon, id: string): ConceptInfo | undefined {
  return lexicon.conceptById.get(id);
}
