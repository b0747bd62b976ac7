// A token trie over compiled patterns: the posting's words are walked once from each start word,
// instead of one regex per alias. Gap elements (`*`) skip a few words inside a clause.
//
// The build makes the trie as plain JSON nodes (createTrie), then flattens it into typed arrays keyed
// by vocabulary ids (flattenTrie), which the compiled lexicon stores as base64 (encodeTrie). Matching
// reads only those arrays: no object per node to chase, and nothing to build at start-up.
import type { CompiledPattern } from './compiled.js';
import { LexiconError } from './errors.js';

/** A node's children by word. */
type JsonChildren = Record<string, TrieNode>;
/** A build-time node: [by stem, by lowercased word, by exact word, gaps, owners ending here]; 0 = none. */
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
  /** Where `owners` sits in the trie's outs: one number per set of owners, to index what is built from them. */
  out: number;
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
  let next = children[key];
  if (!next) {
    next = newNode();
    children[key] = next;
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
    addTrieWords(vocabulary, children[word]!);
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
 * A trie in typed arrays. Node n is nodes[4n..4n+4): the index of its first edge, its stem and
 * lowercase edge counts (low and high 16 bits), its exact and gap edge counts (likewise), and the index
 * of the owners ending there in `outs` (-1: none). A node's edges are consecutive (word id, child)
 * pairs in `edges`: stem edges, then lowercase, then exact, each sorted by id, then its gaps as
 * (max words skipped, child) pairs. Node 0 is the root.
 */
export interface FlatTrie {
  nodes: Int32Array;
  edges: Int32Array;
  outs: number[][];
}

/** A flat trie as the compiled lexicon stores it (the arrays' bytes in base64). */
export interface StoredTrie {
  nodes: string;
  edges: string;
  outs: number[][];
}

const MAX_EDGES = 0xffff;

/** Flattens a build-time trie; words missing from the vocabulary are added to it. */
export function flattenTrie(root: TrieNode, vocabulary: Vocabulary): FlatTrie {
  const nodes: number[] = [];
  const edges: number[] = [];
  const outs: number[][] = [];
  const sorted = (children: JsonChildren | 0): Array<[number, TrieNode]> => {
    if (children === 0) return [];
    const list: Array<[number, TrieNode]> = [];
    for (const word in children)
      if (Object.hasOwn(children, word)) list.push([wordId(vocabulary, word), children[word]!]);
    return list.sort((x, y) => x[0] - y[0]);
  };
  // Depth first, so a node's subtree lies near it in the arrays.
  const add = (node: TrieNode): number => {
    const n = nodes.length / 4;
    const stem = sorted(node[0]);
    const lower = sorted(node[1]);
    const exact = sorted(node[2]);
    const gaps = node[3] === 0 ? [] : node[3].map(([max, next]): [number, TrieNode] => [max, next]);
    for (const count of [stem.length, lower.length, exact.length, gaps.length])
      if (count > MAX_EDGES) throw new RangeError(`a trie node has ${count} edges of one kind`);
    const first = edges.length / 2;
    nodes.push(first, stem.length | (lower.length << 16), exact.length | (gaps.length << 16), -1);
    if (node[4] !== 0) {
      nodes[4 * n + 3] = outs.length;
      outs.push(node[4]);
    }
    const all = [...stem, ...lower, ...exact, ...gaps];
    for (const [key] of all) edges.push(key, 0);
    all.forEach(([, child], k) => {
      edges[2 * (first + k) + 1] = add(child);
    });
    return n;
  };
  add(root);
  return { nodes: Int32Array.from(nodes), edges: Int32Array.from(edges), outs };
}

/** Whether typed arrays hold their bytes little-endian here (the stored order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A flat trie for the compiled file: each array's bytes, little-endian, in base64. */
export function encodeTrie(trie: FlatTrie): StoredTrie {
  const base64 = (a: Int32Array) => {
    const bytes = Buffer.from(a.slice().buffer);
    return (LITTLE_ENDIAN ? bytes : bytes.swap32()).toString('base64');
  };
  return { nodes: base64(trie.nodes), edges: base64(trie.edges), outs: trie.outs };
}

/** A stored trie's arrays, decoded and checked: a damaged compiled file fails here, not mid-walk. */
export function decodeTrie(stored: StoredTrie): FlatTrie {
  const damaged = (problem: string) =>
    new LexiconError(`a compiled trie is damaged (${problem}); run \`npm run build\``);
  const int32 = (text: string) => {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length % 4 !== 0) throw damaged('array sizes');
    if (!LITTLE_ENDIAN) bytes.swap32();
    const array = new Int32Array(bytes.length >> 2);
    new Uint8Array(array.buffer).set(bytes); // a copy: the Buffer may sit unaligned in a shared pool
    return array;
  };
  const trie = { nodes: int32(stored.nodes), edges: int32(stored.edges), outs: stored.outs };
  const problem = trieProblem(trie);
  if (problem) throw damaged(problem);
  return trie;
}

/** How many edges node n has, of all four kinds. */
function edgeCount(nodes: Int32Array, n: number): number {
  const words = nodes[4 * n + 1]!;
  const more = nodes[4 * n + 2]!;
  return (words & MAX_EDGES) + (words >>> 16) + (more & MAX_EDGES) + (more >>> 16);
}

/** What is wrong with a flat trie's arrays, if anything: every edge and owner index in range. */
function trieProblem({ nodes, edges, outs }: FlatTrie): string | undefined {
  if (nodes.length === 0 || nodes.length % 4 !== 0 || edges.length % 2 !== 0) return 'array sizes';
  const count = nodes.length / 4;
  for (let n = 0; n < count; n++) {
    const first = nodes[4 * n]!;
    const total = edgeCount(nodes, n);
    const out = nodes[4 * n + 3]!;
    if (first < 0 || 2 * (first + total) > edges.length) return `node ${n}'s edges`;
    if (out < -1 || out >= outs.length || (out !== -1 && !Array.isArray(outs[out])))
      return `node ${n}'s owners`;
    for (let k = first; k < first + total; k++) {
      const child = edges[2 * k + 1]!;
      if (child <= 0 || child >= count) return `node ${n}'s child`;
    }
  }
  return undefined;
}

/**
 * A trie ready for matchTrie: a flat trie (or a build-time one, flattened now) with its root's
 * children indexed by word id, since the root is probed at every token.
 */
export function compileTrie(source: TrieNode | FlatTrie, vocabulary: Vocabulary, bit = 0): MatchTrie {
  const flat = Array.isArray(source) ? flattenTrie(source, vocabulary) : source;
  const { nodes, edges } = flat;
  const size = vocabulary.size + 1;
  const rootStem = new Int32Array(size);
  const rootLower = new Int32Array(size);
  const rootExact = new Int32Array(size);
  let k = nodes[0]!;
  for (const [array, count] of [
    [rootStem, nodes[1]! & MAX_EDGES],
    [rootLower, nodes[1]! >>> 16],
    [rootExact, nodes[2]! & MAX_EDGES],
  ] as const) {
    for (const end = k + count; k < end; k++) array[edges[2 * k]!] = edges[2 * k + 1]!;
  }
  return { ...flat, vocabulary, bit, rootStem, rootLower, rootExact, reach: null };
}

/**
 * Which owners each node leads to (its own and its descendants'), as a bitset of `reachWords` ints
 * per node: a walk for one owner (MatchOptions.owner) then enters only the branches that can end in it.
 */
function ownerReach({ nodes, edges, outs }: FlatTrie): OwnerReach {
  let owners = 0;
  for (const out of outs) for (const o of out) owners = Math.max(owners, o + 1);
  const reachWords = Math.max(1, Math.ceil(owners / 32));
  const count = nodes.length / 4;
  const reach = new Int32Array(count * reachWords);
  // A child always comes after its parent (flattenTrie numbers depth first): children are done first.
  for (let n = count - 1; n >= 0; n--) {
    const at = n * reachWords;
    const out = nodes[4 * n + 3]!;
    if (out !== -1) for (const o of outs[out]!) reach[at + (o >>> 5)]! |= 1 << (o & 31);
    for (let k = nodes[4 * n]!, end = k + edgeCount(nodes, n); k < end; k++) {
      const child = edges[2 * k + 1]! * reachWords;
      for (let w = 0; w < reachWords; w++) reach[at + w]! |= reach[child + w]!;
    }
  }
  return { bits: reach, words: reachWords };
}

/** Per node, the owners it leads to: `words` ints of bits each. */
export interface OwnerReach {
  bits: Int32Array;
  words: number;
}

/** Whether a pattern of the trie starts with a word of these ids. */
export function startsPattern(trie: MatchTrie, word: Omit<WordIds, 'roots'>): boolean {
  return (
    (trie.rootStem[word.stemId] ?? 0) !== 0 ||
    (trie.rootLower[word.normId] ?? 0) !== 0 ||
    (trie.rootExact[word.exactId] ?? 0) !== 0
  );
}

export interface MatchTrie extends FlatTrie {
  vocabulary: Vocabulary;
  /**
   * This trie's bit in the words' `roots` masks (0: none). A word whose mask lacks it starts no
   * pattern, which skips the root lookups for most words without touching the root arrays.
   */
  bit: number;
  /** The root's child by word id (0: none; ids past the end have none). */
  rootStem: Int32Array;
  rootLower: Int32Array;
  rootExact: Int32Array;
  /** Which owners each node leads to, worked out on the first walk for one owner (MatchOptions.owner). */
  reach: OwnerReach | null;
}

const SOFT = 1;
const COMMA = 2;

/** How matchTrie treats the tokens. */
export interface MatchOptions {
  /** Stop after this many matches (a "does it occur" test needs one). */
  limit?: number;
  /** Match across any boundary between the tokens (a heading's words, whatever separates them). */
  ignoreSeparators?: boolean;
  /**
   * Only matches that end in this owner (their `owners` include it): the walk skips every branch
   * that cannot, so one phrase list of a shared trie costs a walk of its own phrases only.
   */
  owner?: number;
}

/** The state of one matchTrie call, passed down the recursion instead of closed over. */
interface Walk {
  nodes: Int32Array;
  edges: Int32Array;
  outs: number[][];
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
  /** MatchOptions.owner, or -1. */
  owner: number;
  reach: Int32Array;
  reachWords: number;
}

/** Whether the walk may enter `node`: it leads to the owner asked for, or none was asked. */
function reaches(walk: Walk, node: number): boolean {
  const { owner } = walk;
  return owner < 0 || (walk.reach[node * walk.reachWords + (owner >>> 5)]! & (1 << (owner & 31))) !== 0;
}

const NO_MATCHES: readonly TrieMatch[] = Object.freeze([]);
const NO_TOKENS: readonly MatchToken[] = Object.freeze([]);
const NO_INTS = new Int32Array(0);
/** Stands for "any boundary" (an integer, so the walk's fields stay small integers). */
const ANY_SEP = 0x7fffffff;

/** The child of `count` edges from `first` whose word id is `id`, or 0. */
function findChild(edges: Int32Array, first: number, count: number, id: number): number {
  if (count <= 8) {
    for (let k = first, end = first + count; k < end; k++) if (edges[2 * k] === id) return edges[2 * k + 1]!;
    return 0;
  }
  let lo = first;
  let hi = first + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = edges[2 * mid]!;
    if (at === id) return edges[2 * mid + 1]!;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function visit(walk: Walk, node: number, i: number): void {
  const out = walk.nodes[4 * node + 3]!;
  // With an owner asked for, a node it is reached through may end other owners' patterns only.
  if (out !== -1 && walk.depth > 0 && (walk.owner < 0 || walk.outs[out]!.includes(walk.owner))) {
    const { path, depth } = walk;
    const start = path[0]!;
    const end = path[depth - 1]! + 1;
    const match: TrieMatch = {
      start,
      end,
      owners: walk.outs[out]!,
      out,
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

function enter(walk: Walk, next: number, i: number): void {
  if (!reaches(walk, next)) return;
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

function step(walk: Walk, node: number, i: number, maxSep: number): void {
  if (i >= walk.to) return;
  const token = walk.tokens[i]!;
  const { nodes, edges } = walk;
  let first = nodes[4 * node]!;
  const words = nodes[4 * node + 1]!;
  const more = nodes[4 * node + 2]!;
  const stems = words & MAX_EDGES;
  const lowers = words >>> 16;
  const exacts = more & MAX_EDGES;
  // A pattern's next word must follow closely (maxSep); a gap's first skipped word may follow a
  // comma ("collect, label and process specimens"), as the gap loop below checks.
  const close = walk.depth === 0 || token.sep <= maxSep;
  if (close && stems !== 0 && token.stemId !== 0) {
    const next = findChild(edges, first, stems, token.stemId);
    if (next !== 0) enter(walk, next, i);
  }
  first += stems;
  if (close && lowers !== 0 && token.normId !== 0) {
    const next = findChild(edges, first, lowers, token.normId);
    if (next !== 0) enter(walk, next, i);
  }
  first += lowers;
  // Exact (case-sensitive) words all carry a capital: an all-lowercase token has exactId 0.
  if (close && exacts !== 0 && token.exactId !== 0) {
    const next = findChild(edges, first, exacts, token.exactId);
    if (next !== 0) enter(walk, next, i);
  }
  first += exacts;
  const gaps = more >>> 16;
  if (gaps !== 0) {
    const { tokens, to, gapSep } = walk;
    for (let g = first, end = first + gaps; g < end; g++) {
      const max = edges[2 * g]!;
      const next = edges[2 * g + 1]!;
      if (!reaches(walk, next)) continue;
      // Skip k words (0..max); skipped words may follow commas but never a clause boundary.
      for (let k = 0; k <= max && i + k < to; k++) {
        if (tokens[i + k]!.sep > gapSep) break;
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
  const owner = options?.owner;
  let reach: OwnerReach | null = null;
  if (owner !== undefined) {
    trie.reach ??= ownerReach(trie);
    reach = trie.reach;
    // No pattern ends in an owner past the last (its bits would be the next node's).
    if (!(Number.isInteger(owner) && owner >= 0 && owner < reach.words * 32)) return NO_MATCHES;
  }
  const walk: Walk = spareWalk ?? {
    nodes: NO_INTS,
    edges: NO_INTS,
    outs: [],
    tokens,
    to,
    maxSep: SOFT,
    gapSep: COMMA,
    matches: null,
    path: new Int32Array(32),
    depth: 0,
    owner: -1,
    reach: NO_INTS,
    reachWords: 0,
  };
  spareWalk = null;
  walk.nodes = trie.nodes;
  walk.edges = trie.edges;
  walk.outs = trie.outs;
  walk.tokens = tokens;
  walk.to = to;
  walk.maxSep = free ? ANY_SEP : SOFT;
  walk.gapSep = free ? ANY_SEP : COMMA;
  walk.matches = null;
  walk.depth = 0;
  walk.owner = owner ?? -1;
  if (reach) {
    walk.reach = reach.bits;
    walk.reachWords = reach.words;
  }
  // The root is tried at every word: look its children up here and enter only where a pattern starts.
  const { rootStem, rootLower, rootExact, bit } = trie;
  const size = rootStem.length;
  const limited = limit !== Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (bit !== 0 && (token.roots & bit) === 0) continue;
    // Id 0 (no pattern word) finds nothing: slot 0 is always empty.
    const byStem = token.stemId < size ? rootStem[token.stemId]! : 0;
    const byLower = token.normId < size ? rootLower[token.normId]! : 0;
    const byExact = token.exactId < size ? rootExact[token.exactId]! : 0;
    if (byStem === 0 && byLower === 0 && byExact === 0) continue;
    pushPath(walk, i);
    if (byStem !== 0 && reaches(walk, byStem)) visit(walk, byStem, i + 1);
    if (byLower !== 0 && reaches(walk, byLower)) visit(walk, byLower, i + 1);
    if (byExact !== 0 && reaches(walk, byExact)) visit(walk, byExact, i + 1);
    walk.depth--;
    if (limited && matchCount(walk) >= limit) break;
  }
  const matches = walk.matches ?? NO_MATCHES;
  walk.matches = null;
  walk.tokens = NO_TOKENS; // the spare walk must not keep a posting alive
  walk.reach = NO_INTS;
  spareWalk = walk;
  return matches;
}
