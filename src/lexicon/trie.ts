// A token trie over compiled patterns: the posting's words are walked once from each start word,
// instead of one regex per alias. Gap elements (`*`) skip a few words inside a clause.
//
// The trie is plain JSON so the build can write it and the runtime read it straight from JSON.parse.
// A node is always a 5-slot array: [by stem, by lowercased word, by exact word, gaps, owners ending
// here]; 0 = none. Before matching, compileTrie turns it into MatchNodes keyed by vocabulary ids
// (numbers): parsed objects each have their own shape, and comparing strings per token is slow.
import type { CompiledPattern } from './compiled.js';

/**
 * A node's children by word. A child may be its whole subtree written as JSON, parsed only when the
 * matcher first reaches it: the compiled file stores the roots' subtrees that way, so start-up parses
 * (and the garbage collector handles) a fraction of the tries' objects.
 */
type JsonChildren = Record<string, TrieNode | string>;
export type TrieNode = [
  words: JsonChildren | 0,
  lower: JsonChildren | 0,
  exact: JsonChildren | 0,
  gaps: TrieGap[] | 0,
  out: number[] | 0,
];
/** Skip 0..max words, then continue at next. */
export type TrieGap = [max: number, next: TrieNode];

/**
 * What the matcher needs of a word: the vocabulary ids of its stem, its lowercased surface without
 * apostrophes, and its exact surface (0 when no pattern names that word, or, for the exact surface,
 * when it has no capital).
 */
export interface WordIds {
  stemId: number;
  normId: number;
  exactId: number;
  /** The bits of the tries a pattern of which starts with this word (see MatchTrie.bit). */
  roots: number;
}

/**
 * A token as the matcher sees it: its word's ids and trie bits (copied onto the token, so a walk
 * reads only the tokens it visits), and the boundary before it (0 space, 1 soft punctuation, 2 comma).
 */
export interface MatchToken extends WordIds {
  sep: number;
}

export interface TrieMatch {
  start: number;
  /** Exclusive. */
  end: number;
  owners: number[];
  /** How many tokens the pattern's words matched (gaps excluded). */
  words: number;
  /** Their indices when a gap skipped some; null when they are all of [start, end). */
  tokens: readonly number[] | null;
}

/** Whether the match's words include token t. */
export function matchHasToken(match: TrieMatch, t: number): boolean {
  return match.tokens === null ? t >= match.start && t < match.end : match.tokens.includes(t);
}

function newNode(): TrieNode {
  return [0, 0, 0, 0, 0];
}

function childOf(node: TrieNode, slot: 0 | 1 | 2, key: string): TrieNode {
  let children = node[slot];
  if (children === 0) {
    children = {};
    node[slot] = children;
  }
  // Built tries hold nodes only (subtrees become strings when written: packTrie).
  const plain = children as Record<string, TrieNode>;
  let next = plain[key];
  if (!next) {
    next = newNode();
    plain[key] = next;
  }
  return next;
}

export function createTrie(entries: Array<{ owner: number; patterns: CompiledPattern[] }>): TrieNode {
  const root = newNode();
  for (const { owner, patterns } of entries) {
    for (const pattern of patterns) {
      let node = root;
      for (const el of pattern) {
        if ('w' in el) node = childOf(node, 0, el.w);
        else if ('l' in el) node = childOf(node, 1, el.l);
        else if ('x' in el) node = childOf(node, 2, el.x);
        else {
          if (node[3] === 0) node[3] = [];
          let gap = node[3].find((g) => g[0] === el.g);
          if (!gap) {
            gap = [el.g, newNode()];
            node[3].push(gap);
          }
          node = gap[1];
        }
      }
      if (node[4] === 0) node[4] = [];
      if (!node[4].includes(owner)) node[4].push(owner);
    }
  }
  return root;
}

/**
 * Every word some pattern names, numbered from 1. The matcher compares these ids instead of strings:
 * a token's ids are looked up once per distinct word, and a word no pattern names (id 0) is skipped
 * without any lookup. One vocabulary serves all of a lexicon's tries, since tokens carry one set of ids.
 */
export type Vocabulary = Map<string, number>;

function wordId(vocabulary: Vocabulary, word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) {
    id = vocabulary.size + 1;
    vocabulary.set(word, id);
  }
  return id;
}

/** Adds the words of patterns to a vocabulary (for tries compiled later from those patterns). */
export function addPatternWords(vocabulary: Vocabulary, patterns: readonly CompiledPattern[]): void {
  for (const pattern of patterns) {
    for (const el of pattern) {
      if ('w' in el) wordId(vocabulary, el.w);
      else if ('l' in el) wordId(vocabulary, el.l);
      else if ('x' in el) wordId(vocabulary, el.x);
    }
  }
}

function addChildWords(vocabulary: Vocabulary, children: JsonChildren | 0): void {
  if (children === 0) return;
  // for…in, not Object.entries: no array per node (this walk is on the path to the first result).
  for (const word in children) {
    if (!Object.hasOwn(children, word)) continue;
    wordId(vocabulary, word);
    addTrieWords(vocabulary, unpack(children[word]!));
  }
}

/** Adds every word of a trie (any slot, any depth) to a vocabulary. */
export function addTrieWords(vocabulary: Vocabulary, node: TrieNode): void {
  addChildWords(vocabulary, node[0]);
  addChildWords(vocabulary, node[1]);
  addChildWords(vocabulary, node[2]);
  if (node[3] !== 0) for (const gap of node[3]) addTrieWords(vocabulary, gap[1]);
}

/**
 * A node's children by word id: ids sorted in a typed array beside their nodes. Most nodes have a
 * handful of children, found by a scan of a few integers rather than a Map's hashing; larger sets
 * are binary-searched.
 */
export class Children {
  constructor(
    private readonly ids: Int32Array,
    private readonly nodes: readonly MatchNode[],
  ) {}

  get(id: number): MatchNode | undefined {
    const ids = this.ids;
    const n = ids.length;
    if (n <= 8) {
      for (let k = 0; k < n; k++) if (ids[k] === id) return this.nodes[k];
      return undefined;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid]!;
      if (at === id) return this.nodes[mid];
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Every child with its id. */
  *entries(): IterableIterator<[number, MatchNode]> {
    for (let k = 0; k < this.ids.length; k++) yield [this.ids[k]!, this.nodes[k]!];
  }
}

/**
 * The matcher's form of a trie node: children keyed by vocabulary id (a class, so reads stay
 * monomorphic). A node is expanded from its JSON form the first time the matcher reaches it: building
 * the whole concept trie up front would cost tens of milliseconds before the first result.
 */
export class MatchNode {
  stem: Children | null = null;
  lower: Children | null = null;
  exact: Children | null = null;
  gaps: Array<{ max: number; next: MatchNode }> | null = null;
  out: number[] | null = null;
  /** The JSON node (or its text), until expanded. */
  source: TrieNode | string | null;

  constructor(source: TrieNode | string) {
    this.source = source;
  }
}

function compileChildren(children: JsonChildren | 0, vocabulary: Vocabulary): Children | null {
  if (children === 0) return null;
  const entries: Array<[number, MatchNode]> = [];
  for (const word in children) {
    if (Object.hasOwn(children, word))
      entries.push([wordId(vocabulary, word), new MatchNode(children[word]!)]);
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => a[0] - b[0]);
  return new Children(
    Int32Array.from(entries, (e) => e[0]),
    entries.map((e) => e[1]),
  );
}

/** Fills in a node's children (themselves still unexpanded) from its JSON form. */
function expand(node: MatchNode, vocabulary: Vocabulary): MatchNode {
  if (node.source === null) return node;
  const source = unpack(node.source);
  node.stem = compileChildren(source[0], vocabulary);
  node.lower = compileChildren(source[1], vocabulary);
  node.exact = compileChildren(source[2], vocabulary);
  if (source[3] !== 0) node.gaps = source[3].map(([max, next]) => ({ max, next: new MatchNode(next) }));
  if (source[4] !== 0) node.out = source[4];
  node.source = null;
  return node;
}

function unpack(node: TrieNode | string): TrieNode {
  return typeof node === 'string' ? (JSON.parse(node) as TrieNode) : node;
}

/**
 * The trie as the compiled file stores it: each child of the root written as a JSON string (see
 * JsonChildren). Matching reads both forms.
 */
export function packTrie(root: TrieNode): TrieNode {
  const pack = (children: JsonChildren | 0): JsonChildren | 0 => {
    if (children === 0) return 0;
    const packed: JsonChildren = {};
    for (const word in children) {
      if (!Object.hasOwn(children, word)) continue;
      const child = children[word]!;
      packed[word] = typeof child === 'string' ? child : JSON.stringify(child);
    }
    return packed;
  };
  return [pack(root[0]), pack(root[1]), pack(root[2]), root[3], root[4]];
}

/**
 * A trie in the matcher's form, keyed by the vocabulary's ids. Every word of the trie must already be
 * in the vocabulary (addTrieWords): tokens take their ids before the nodes are expanded.
 */
export function compileTrie(node: TrieNode, vocabulary: Vocabulary, bit = 0): MatchTrie {
  const root = expand(new MatchNode(node), vocabulary);
  return {
    root,
    vocabulary,
    bit,
    rootStem: byId(root.stem, vocabulary.size),
    rootLower: byId(root.lower, vocabulary.size),
    rootExact: byId(root.exact, vocabulary.size),
  };
}

/** Whether a pattern of the trie starts with a word of these ids. */
export function startsPattern(trie: MatchTrie, word: Omit<WordIds, 'roots'>): boolean {
  return (
    trie.rootStem[word.stemId] !== undefined ||
    trie.rootLower[word.normId] !== undefined ||
    trie.rootExact[word.exactId] !== undefined
  );
}

/** A root's children as an array indexed by word id: the root is probed at every token. */
function byId(children: Children | null, size: number): Array<MatchNode | undefined> {
  const array = new Array<MatchNode | undefined>(size + 1).fill(undefined);
  if (children !== null) for (const [id, child] of children.entries()) array[id] = child;
  return array;
}

/** A trie ready for matchTrie: its root, and the vocabulary its nodes are expanded with. */
export interface MatchTrie {
  root: MatchNode;
  vocabulary: Vocabulary;
  /**
   * This trie's bit in the words' `roots` masks (0: none). A word whose mask lacks it starts no
   * pattern, which skips the root lookups for most words without touching the root arrays.
   */
  bit: number;
  /** The root's children by word id (ids past the end have none). */
  rootStem: Array<MatchNode | undefined>;
  rootLower: Array<MatchNode | undefined>;
  rootExact: Array<MatchNode | undefined>;
}

const SOFT = 1;
const COMMA = 2;

/** How matchTrie treats the tokens. */
export interface MatchOptions {
  /** Stop after this many matches (a "does it occur" test needs one). */
  limit?: number;
  /** Match across any boundary between the tokens (a heading's words, whatever separates them). */
  ignoreSeparators?: boolean;
}

/** The state of one matchTrie call, passed down the recursion instead of closed over. */
interface Walk {
  vocabulary: Vocabulary;
  tokens: readonly MatchToken[];
  to: number;
  /** The strongest boundary a pattern's next word may follow (SOFT), or any when separators are ignored. */
  maxSep: number;
  /** The strongest boundary a word a gap skips may follow (COMMA), or any when separators are ignored. */
  gapSep: number;
  matches: TrieMatch[] | null;
  /** The token indices the current pattern's words matched, path[0..depth). */
  path: Int32Array;
  depth: number;
}

const NO_MATCHES: readonly TrieMatch[] = Object.freeze([]);
const NO_TOKENS: readonly MatchToken[] = Object.freeze([]);

function visit(walk: Walk, node: MatchNode, i: number): void {
  if (node.source !== null) expand(node, walk.vocabulary);
  const { path, depth } = walk;
  if (node.out !== null && depth > 0) {
    const start = path[0]!;
    const end = path[depth - 1]! + 1;
    const match: TrieMatch = {
      start,
      end,
      owners: node.out,
      words: depth,
      // Most matches are contiguous: their tokens are implied by the range.
      tokens: end - start === depth ? null : Array.from(path.subarray(0, depth)),
    };
    // A literal for the first match: a push onto [] would reserve 17 slots for what is mostly one.
    if (walk.matches === null) walk.matches = [match];
    else walk.matches.push(match);
  }
  step(walk, node, i, walk.maxSep);
}

function enter(walk: Walk, next: MatchNode, i: number): void {
  pushPath(walk, i);
  visit(walk, next, i + 1);
  walk.depth--;
}

function pushPath(walk: Walk, i: number): void {
  if (walk.depth === walk.path.length) {
    const longer = new Int32Array(walk.path.length * 2);
    longer.set(walk.path);
    walk.path = longer;
  }
  walk.path[walk.depth++] = i;
}

function step(walk: Walk, node: MatchNode, i: number, maxSep: number): void {
  if (i >= walk.to) return;
  const token = walk.tokens[i]!;
  if (walk.depth > 0 && token.sep > maxSep) return;
  if (node.stem !== null && token.stemId !== 0) {
    const next = node.stem.get(token.stemId);
    if (next !== undefined) enter(walk, next, i);
  }
  if (node.lower !== null && token.normId !== 0) {
    const next = node.lower.get(token.normId);
    if (next !== undefined) enter(walk, next, i);
  }
  // Exact (case-sensitive) words all carry a capital: an all-lowercase token has exactId 0.
  if (node.exact !== null && token.exactId !== 0) {
    const next = node.exact.get(token.exactId);
    if (next !== undefined) enter(walk, next, i);
  }
  const gaps = node.gaps;
  if (gaps !== null) {
    const { tokens, to, gapSep } = walk;
    for (const { max, next } of gaps) {
      // Skip k words (0..max); skipped words may follow commas but never a clause boundary.
      for (let k = 0; k <= max && i + k < to; k++) {
        if (tokens[i + k]!.sep > gapSep) break;
        if (next.source !== null) expand(next, walk.vocabulary);
        step(walk, next, i + k, gapSep);
      }
    }
  }
}

const matchCount = (walk: Walk): number => walk.matches?.length ?? 0;

/** A finished call's walk, kept for the next call: matching is synchronous, so one is enough. */
let spareWalk: Walk | null = null;

/**
 * Every match of the trie's patterns that starts and ends within tokens[from, to). The result may be
 * a shared empty array: read it, do not add to it.
 */
export function matchTrie(
  trie: MatchTrie,
  tokens: readonly MatchToken[],
  from: number,
  to: number,
  options?: MatchOptions,
): readonly TrieMatch[] {
  const limit = options?.limit ?? Number.POSITIVE_INFINITY;
  const free = options?.ignoreSeparators === true;
  const walk: Walk = spareWalk ?? {
    vocabulary: trie.vocabulary,
    tokens,
    to,
    maxSep: SOFT,
    gapSep: COMMA,
    matches: null,
    path: new Int32Array(32),
    depth: 0,
  };
  spareWalk = null;
  walk.vocabulary = trie.vocabulary;
  walk.tokens = tokens;
  walk.to = to;
  walk.maxSep = free ? Number.POSITIVE_INFINITY : SOFT;
  walk.gapSep = free ? Number.POSITIVE_INFINITY : COMMA;
  walk.matches = null;
  walk.depth = 0;
  // The root is tried at every word: look its children up here and enter only where a pattern starts.
  const { rootStem, rootLower, rootExact, bit } = trie;
  const size = rootStem.length;
  for (let i = from; i < to && matchCount(walk) < limit; i++) {
    const token = tokens[i]!;
    if (bit !== 0 && (token.roots & bit) === 0) continue;
    // Id 0 (no pattern word) finds nothing: slot 0 is always empty.
    const byStem = token.stemId < size ? rootStem[token.stemId] : undefined;
    const byLower = token.normId < size ? rootLower[token.normId] : undefined;
    const byExact = token.exactId < size ? rootExact[token.exactId] : undefined;
    if (byStem === undefined && byLower === undefined && byExact === undefined) continue;
    pushPath(walk, i);
    if (byStem) visit(walk, byStem, i + 1);
    if (byLower) visit(walk, byLower, i + 1);
    if (byExact) visit(walk, byExact, i + 1);
    walk.depth--;
  }
  const matches = walk.matches ?? NO_MATCHES;
  walk.matches = null;
  walk.tokens = NO_TOKENS; // the spare walk must not keep a posting alive
  spareWalk = walk;
  return matches;
}
