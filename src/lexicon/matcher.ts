// What the engine matches against, derived once per lexicon: its tries keyed by vocabulary ids, and
// a cache of each word's normal form, stem and ids. Held in a WeakMap keyed by the lexicon object,
// so it lives as long as the lexicon does and two lexicons never share ids.
import type { CompiledPattern } from './compiled.js';
import type { Lexicon } from './load.js';
import { normalizeWord, stemWord } from './stem.js';
import {
  addPatternWords,
  addTrieWords,
  compileTrie,
  createTrie,
  type MatchTrie,
  startsPattern,
  type Vocabulary,
  type WordIds,
} from './trie.js';

/** A word's forms and vocabulary ids (0 = no pattern names it). */
export interface WordInfo extends WordIds {
  surface: string;
  norm: string;
  stem: string;
  /** Flags the engine derives from the word on first sight and keeps here (-1 until then). */
  marks: number;
}

export interface LexiconMatcher {
  concept: MatchTrie;
  cue: MatchTrie;
  heading: MatchTrie;
  vocabulary: Vocabulary;
  /** Surface → forms and ids: a posting's vocabulary repeats, so each word is worked out once. */
  words: WordTable;
  /** The aliases' context phrase lists in one trie (see ContextTrie). */
  context: ContextTrie;
}

/**
 * Every phrase list of the aliases' context conditions (near, notNear, notAfter, notBefore) in one
 * trie whose owners are list numbers: a clause or block is scanned once for all of them, not once
 * per condition (a posting without blank lines is one long block).
 */
export interface ContextTrie {
  trie: MatchTrie;
  /** A list's number (its owner in the trie), by the list itself. */
  listNumber: Map<CompiledPattern[], number>;
  /** Pattern elements in each list's longest phrase, by number. */
  longest: number[];
}

const matchers = new WeakMap<Lexicon, LexiconMatcher>();

/**
 * Every word the lexicon's patterns use, in id order (id = index + 1). The build stores it in the
 * compiled lexicon so start-up need not walk the tries; the phrase lists (near, notNear…) are
 * included because tokens take their ids before those tries are built.
 */
export function collectVocabulary(
  lexicon: Pick<Lexicon, 'conceptTrie' | 'cueTrie' | 'headingTrie' | 'aliases'>,
): string[] {
  const vocabulary: Vocabulary = new Map();
  addTrieWords(vocabulary, lexicon.conceptTrie);
  addTrieWords(vocabulary, lexicon.cueTrie);
  addTrieWords(vocabulary, lexicon.headingTrie);
  for (const a of lexicon.aliases) {
    for (const phrases of [a.near, a.notNear, a.notAfter, a.notBefore])
      if (phrases) addPatternWords(vocabulary, phrases);
  }
  return [...vocabulary.keys()];
}
const WORD_CACHE_LIMIT = 200_000;

export function lexiconMatcher(lexicon: Lexicon): LexiconMatcher {
  let matcher = matchers.get(lexicon);
  if (!matcher) {
    // Every word first (tokens take their ids from the vocabulary), then the tries' roots: the rest
    // of each trie is expanded as matching reaches it, which keeps start-up cheap.
    const ordered = lexicon.vocabulary ?? collectVocabulary(lexicon);
    const vocabulary: Vocabulary = new Map(ordered.map((w, i) => [w, i + 1]));
    const concept = compileTrie(lexicon.conceptTrie, vocabulary, 1);
    const cue = compileTrie(lexicon.cueTrie, vocabulary, 2);
    const heading = compileTrie(lexicon.headingTrie, vocabulary, 4);
    const context = buildContextTrie(lexicon, vocabulary, 8);
    const words = new WordTable(vocabulary, [concept, cue, heading, context.trie]);
    matcher = { concept, cue, heading, context, vocabulary, words };
    matchers.set(lexicon, matcher);
  }
  return matcher;
}

/** The hash WordTable.lookup expects: FNV-1a over UTF-16 code units, fed one unit at a time. */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Whether text holds `word` at `start` (a char loop: V8's startsWith with a position is far slower). */
function sameChars(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Surface → WordInfo, looked up by a range of the text and its hash: the tokenizer hashes each word
 * as it scans it, so a word seen before costs no string slice and no string hashing (open addressing
 * over parallel arrays; the cached surface string is reused for the token).
 */
export class WordTable {
  private hashes = new Int32Array(1024);
  private infos: Array<WordInfo | undefined> = new Array(1024);
  private size = 0;

  /** Without a vocabulary (tokenizing with no lexicon), every id is 0. */
  constructor(
    private readonly vocabulary: Vocabulary | null,
    /** The tries whose bits go into each word's `roots`. */
    private readonly tries: readonly MatchTrie[] = [],
  ) {}

  lookup(text: string, start: number, end: number, hash: number): WordInfo {
    // A probe reads only the contiguous hash array (0 marks an empty slot, so hash 0 is stored as 1);
    // the entry itself is read only when the hash matches.
    const key = hash === 0 ? 1 : hash;
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    const length = end - start;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const h = hashes[slot]!;
      if (h === 0) break;
      if (h !== key) continue;
      const surface = this.infos[slot]!.surface;
      if (surface.length !== length) continue;
      if (sameChars(text, start, surface)) return this.infos[slot]!;
    }
    const info = this.describe(text.slice(start, end));
    this.insert(key, info);
    return info;
  }

  private describe(surface: string): WordInfo {
    const norm = normalizeWord(surface);
    const stem = stemWord(norm);
    const vocabulary = this.vocabulary;
    if (vocabulary === null)
      return { surface, norm, stem, stemId: 0, normId: 0, exactId: 0, roots: 0, marks: -1 };
    const ids = {
      stemId: vocabulary.get(stem) ?? 0,
      normId: vocabulary.get(norm) ?? 0,
      exactId: surface === norm ? 0 : (vocabulary.get(surface) ?? 0),
    };
    let roots = 0;
    for (const trie of this.tries) if (startsPattern(trie, ids)) roots |= trie.bit;
    return { surface, norm, stem, ...ids, roots, marks: -1 };
  }

  private insert(hash: number, info: WordInfo): void {
    if (this.size >= WORD_CACHE_LIMIT) this.reset(1024);
    else if ((this.size + 1) * 2 > this.hashes.length) this.reset(this.hashes.length * 2);
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.infos[slot] = info;
    this.size++;
  }

  /** Resizes to `capacity` slots, keeping the entries unless the table is at its limit. */
  private reset(capacity: number): void {
    const { hashes, infos } = this;
    const keep = this.size < WORD_CACHE_LIMIT;
    this.hashes = new Int32Array(capacity);
    this.infos = new Array(capacity);
    this.size = 0;
    if (!keep) return;
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.insert(hashes[i]!, infos[i]!);
  }
}

function buildContextTrie(lexicon: Lexicon, vocabulary: Vocabulary, bit: number): ContextTrie {
  const listNumber = new Map<CompiledPattern[], number>();
  for (const a of lexicon.aliases) {
    for (const list of [a.near, a.notNear, a.notAfter, a.notBefore])
      if (list && !listNumber.has(list)) listNumber.set(list, listNumber.size);
  }
  const lists = [...listNumber.keys()];
  return {
    trie: compileTrie(createTrie(lists.map((patterns, owner) => ({ owner, patterns }))), vocabulary, bit),
    listNumber,
    longest: lists.map((list) => Math.max(...list.map((p) => p.length))),
  };
}

/** The lexicon's context trie. */
export function contextTrie(lexicon: Lexicon): ContextTrie {
  return lexiconMatcher(lexicon).context;
}
