export { buildLexicon, compileLexicon, hashLexiconSource } from './build.js';
export type { CompiledLexicon, ConceptInfo } from './compiled.js';
export { LexiconError } from './errors.js';
export {
  createLexicon,
  DEFAULT_LEXICON_DIR,
  type Lexicon,
  type LoadLexiconOptions,
  loadLexicon,
} from './load.js';
export { readLexiconSource } from './read-source.js';
export {
  CATEGORIES,
  type Category,
  LEVELS,
  type Level,
  SECTION_KINDS,
  type SectionKind,
  type TrainingSource,
} from './schema.js';
export { normalizeWord, stemWord } from './stem.js';
export { type MatchToken, matchTrie, type TrieMatch } from './trie.js';

import type { ConceptInfo } from './compiled.js';
import type { Lexicon } from './load.js';

/** A concept by id, or undefined. */
export function getConcept(lexicon: Lexicon, id: string): ConceptInfo | undefined {
  return lexicon.conceptById.get(id);
}
