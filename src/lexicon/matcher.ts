// What the engine matches against, derived once per lexicon: its tries keyed by vocabulary ids, and
// a cache of each word's normal form, stem and ids. Held in a WeakMap keyed by the lexicon object,
// so it lives as long as the lexicon does and two lexicons never share ids.
import type { CompiledAlias, CompiledPattern } from './compiled.js';
import type { Lexicon } from './load.js';
import { normalizeWord, stemWord } from './stem.js';
import {
  addPatternWords,
  addTrieWords,
  compileTrie,
  createTrie,
  type MatchTrie,
  startsPattern,
  type TrieNode,
  type Vocabulary,
  type WordIds,
} from './trie.js';

/** A word's forms and vocabulary ids (0 = no pattern names it). */
export interface WordInfo extends WordIds {
  surface: string;
  norm: string;
  stem: string;
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
 * trie whose owners are list numbers: a condition walks it for its own list (MatchOptions.owner),
 * and one trie serves all lists without one root array per list.
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
 * Every word the lexicon's patterns use, in id order (id = index + 1), from the build-time tries.
 * The phrase lists (near, notNear…) are included because tokens take their ids before the context
 * trie is built from them.
 */
export function collectVocabulary(
  tries: readonly TrieNode[],
  aliases: readonly Pick<CompiledAlias, 'near' | 'notNear' | 'notAfter' | 'notBefore'>[],
): string[] {
  const vocabulary: Vocabulary = new Map();
  for (const trie of tries) addTrieWords(vocabulary, trie);
  for (const a of aliases) {
    for (const phrases of [a.near, a.notNear, a.notAfter, a.notBefore])
      if (phrases) addPatternWords(vocabulary, phrases);
  }
  return [...vocabulary.keys()];
}
const WORD_CACHE_LIMIT = 200_000;

export function lexiconMatcher(lexicon: Lexicon): LexiconMatcher {
  let matcher = matchers.get(lexicon);
  if (!matcher) {
    // The tries' edges are keyed by the build's vocabulary ids; tokens take their ids from the same.
    const vocabulary: Vocabulary = new Map(lexicon.vocabulary.map((w, i) => [w, i + 1]));
    const concept = compileTrie(lexicon.conceptTrie, vocabulary, 1);
    const cue = compileTrie(lexicon.cueTrie, vocabulary, 2);
    const heading = compileTrie(lexicon.headingTrie, vocabulary, 4);
    const context = buildContextTrie(lexicon, vocabulary, 8);
    const words = new WordTable(vocabulary, [concept, cue, heading, context.trie], lexicon.shorthand);
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

/** A string's UTF-16 code units (lone surrogates included), in one native copy. */
export function charCodes(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le');
  // A small Buffer is a slice of a shared pool, at an even offset: viewed in place, not copied again.
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  const codes = new Uint16Array(text.length);
  new Uint8Array(codes.buffer).set(bytes);
  return codes;
}

/** chars[from, to) as a string of its own (in chunks: a call takes only so many arguments). */
function stringOf(chars: Uint16Array, from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k += 4096)
    text += String.fromCharCode(...chars.subarray(k, Math.min(to, k + 4096)));
  return text;
}

/** A word's fields in WordTable.words, WORD_FIELDS ints per word (one cache line holds two words). */
export const WORD_STEM = 0;
export const WORD_NORM = 1;
export const WORD_EXACT = 2;
export const WORD_ROOTS = 3;
/** Marks the engine derives from the word on first sight (-1 until then). */
export const WORD_MARKS = 4;
const WORD_OFFSET = 5;
const WORD_LENGTH = 6;
export const WORD_FIELDS = 8;

/**
 * Surface → word number, found by a range of the text and its hash: the tokenizer hashes each word
 * as it scans it, so a word seen before costs no string slice and no string hashing. Open addressing
 * over typed arrays: a slot's word and hash sit side by side, and so do a word's ids, trie bits,
 * marks and where its surface lies in `chars`, so a lookup touches a few cache lines rather than the
 * word's objects scattered over the heap.
 */
export class WordTable {
  /** Per slot, two ints: the word's number + 1 (0 = empty) and its hash. */
  private slots = new Int32Array(2048);
  /** Per word, WORD_FIELDS ints (WORD_STEM…). */
  words = new Int32Array(512 * WORD_FIELDS);
  private chars = new Uint16Array(4096);
  private charCount = 0;
  private infos: WordInfo[] = [];

  /** Without a vocabulary (tokenizing with no lexicon), every id is 0. */
  constructor(
    private readonly vocabulary: Vocabulary | null,
    /** The tries whose bits go into each word's `roots`. */
    private readonly tries: readonly MatchTrie[] = [],
    /** Shorthand read as the word it stands for (Lexicon.shorthand). */
    private readonly shorthand: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** How many words the table holds. */
  get size(): number {
    return this.infos.length;
  }

  /** The word text[start, end) whose hash (WORD_HASH_SEED, wordHashStep) is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): WordInfo {
    return this.infos[this.find(charCodes(text), text, start, end, hash)]!;
  }

  /**
   * The number of the word text[start, end) (see lookup), adding it when new. `codes` holds the
   * text's UTF-16 units (charCodes): the tokenizer reads each posting's once, and a typed array's
   * element is cheaper to read than a string's, whose every read checks how the string is stored.
   */
  find(codes: Uint16Array, text: string, start: number, end: number, hash: number): number {
    const key = hash === 0 ? 1 : hash; // 0 marks an empty slot's hash
    const { slots, words, chars } = this;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const w = slots[2 * slot]! - 1;
      if (w < 0) break;
      if (slots[2 * slot + 1] !== key || words[w * WORD_FIELDS + WORD_LENGTH] !== length) continue;
      const offset = words[w * WORD_FIELDS + WORD_OFFSET]! - start;
      let k = start;
      while (k < end && chars[offset + k] === codes[k]) k++;
      if (k === end) return w;
    }
    return this.add(key, text, start, end);
  }

  /** A word's forms and ids. */
  info(word: number): WordInfo {
    return this.infos[word]!;
  }

  private add(key: number, text: string, start: number, end: number): number {
    if (this.size >= WORD_CACHE_LIMIT) this.clear();
    if ((this.size + 1) * 4 > this.slots.length) this.rehash(this.slots.length); // load ≤ 1/2
    const w = this.size;
    if ((w + 1) * WORD_FIELDS > this.words.length) {
      const words = new Int32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    const length = end - start;
    if (this.charCount + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.charCount + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    const offset = this.charCount;
    for (let k = 0; k < length; k++) this.chars[offset + k] = text.charCodeAt(start + k);
    this.charCount += length;
    // The surface is copied out of the table's own chars: a slice of a long word would be a view
    // that keeps the whole posting it came from alive as long as the table holds the word.
    const info = this.describe(stringOf(this.chars, offset, offset + length));
    this.infos.push(info);
    const at = w * WORD_FIELDS;
    this.words[at + WORD_STEM] = info.stemId;
    this.words[at + WORD_NORM] = info.normId;
    this.words[at + WORD_EXACT] = info.exactId;
    this.words[at + WORD_ROOTS] = info.roots;
    this.words[at + WORD_MARKS] = -1;
    this.words[at + WORD_OFFSET] = offset;
    this.words[at + WORD_LENGTH] = length;
    this.place(key, w);
    return w;
  }

  private describe(surface: string): WordInfo {
    // A dotted acronym ("C.M.A", see the tokenizer) is the word without its dots.
    if (surface.includes('.')) return { ...this.describe(surface.replaceAll('.', '')), surface };
    const written = normalizeWord(surface);
    // "pts" is matched, stemmed and read by every rule as "patients"; `surface` keeps what was written.
    const norm = this.shorthand.get(written) ?? written;
    const stem = stemWord(norm);
    const vocabulary = this.vocabulary;
    if (vocabulary === null) return { surface, norm, stem, stemId: 0, normId: 0, exactId: 0, roots: 0 };
    const ids = {
      stemId: vocabulary.get(stem) ?? 0,
      normId: vocabulary.get(norm) ?? 0,
      exactId: surface === norm ? 0 : (vocabulary.get(surface) ?? 0),
    };
    let roots = 0;
    for (const trie of this.tries) if (startsPattern(trie, ids)) roots |= trie.bit;
    return { surface, norm, stem, ...ids, roots };
  }

  private place(key: number, word: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let slot = key & mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = word + 1;
    this.slots[2 * slot + 1] = key;
  }

  /** Doubles the slots, placing every word again. */
  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s] !== 0) this.place(old[s + 1]!, old[s]! - 1);
  }

  /** At the size limit the table starts over (a stream of unique junk must not grow it forever). */
  private clear(): void {
    this.slots = new Int32Array(2048);
    this.charCount = 0;
    this.infos = [];
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
