// A token trie over compiled patterns: the posting's words are walked once from each start word,
// instead of one regex per alias. Gap elements (`*`) skip a few words inside a clause.
//
// The trie is plain JSON so the build can write it and the runtime use it straight from JSON.parse
// (no construction at start-up). A node is always a 5-slot array, so the matcher's reads stay
// monomorphic: [by stem, by lowercased word, by exact word, gaps, owners ending here]; 0 = none.
// A children object becomes a Map the first time the matcher reads it: parsed objects each have
// their own shape, and looking words up in thousands of differently shaped objects is slow.
import type { CompiledPattern } from './compiled.js';

type Children = Record<string, TrieNode> | Map<string, TrieNode>;
export type TrieNode = [
  words: Children | 0,
  lower: Children | 0,
  exact: Children | 0,
  gaps: TrieGap[] | 0,
  out: number[] | 0,
];
/** Skip 0..max words, then continue at next. */
export type TrieGap = [max: number, next: TrieNode];

/** What the matcher needs of a token. `sep` is the boundary before it: 0 space, 1 soft punctuation, 2 comma. */
export interface MatchToken {
  stem: string;
  /** The lowercased surface without apostrophes. */
  norm: string;
  surface: string;
  sep: number;
}

export interface TrieMatch {
  start: number;
  /** Exclusive. */
  end: number;
  owners: number[];
  /** Indices of the tokens the pattern's words matched (gaps excluded). */
  tokens: number[];
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

/** The node's children in a slot, as a Map (converted from the parsed object on first use). */
function childrenOf(node: TrieNode, slot: 0 | 1 | 2): Map<string, TrieNode> | undefined {
  const children = node[slot];
  if (children === 0) return undefined;
  if (children instanceof Map) return children;
  // Own keys only: the parsed object's prototype holds names like "constructor".
  const map = new Map(Object.entries(children));
  node[slot] = map;
  return map;
}

const SOFT = 1;
const COMMA = 2;

/** Every match of the trie's patterns that starts and ends within tokens[from, to). */
export function matchTrie(
  root: TrieNode,
  tokens: readonly MatchToken[],
  from: number,
  to: number,
  /** Stop after this many matches (a "does it occur" test needs one). */
  limit = Number.POSITIVE_INFINITY,
): TrieMatch[] {
  const matches: TrieMatch[] = [];
  const path: number[] = [];

  const visit = (node: TrieNode, i: number): void => {
    const out = node[4];
    if (out !== 0 && path.length > 0) {
      matches.push({ start: path[0]!, end: path[path.length - 1]! + 1, owners: out, tokens: path.slice() });
    }
    step(node, i, SOFT);
  };

  const step = (node: TrieNode, i: number, maxSep: number): void => {
    if (i >= to) return;
    const token = tokens[i]!;
    if (path.length > 0 && token.sep > maxSep) return;
    const byStem = childrenOf(node, 0)?.get(token.stem);
    if (byStem) {
      path.push(i);
      visit(byStem, i + 1);
      path.pop();
    }
    const byLower = childrenOf(node, 1)?.get(token.norm);
    if (byLower) {
      path.push(i);
      visit(byLower, i + 1);
      path.pop();
    }
    // Exact (case-sensitive) words all carry a capital: an all-lowercase token cannot match one.
    const byExact = token.surface === token.norm ? undefined : childrenOf(node, 2)?.get(token.surface);
    if (byExact) {
      path.push(i);
      visit(byExact, i + 1);
      path.pop();
    }
    const gaps = node[3];
    if (gaps !== 0) {
      for (const [max, next] of gaps) {
        // Skip k words (0..max); skipped words may follow commas but never a clause boundary.
        for (let k = 0; k <= max && i + k < to; k++) {
          if (tokens[i + k]!.sep > COMMA) break;
          step(next, i + k, COMMA);
        }
      }
    }
  };

  // The root is tried at every word: look its children up here and enter only where a pattern starts.
  const rootWords = childrenOf(root, 0);
  const rootLower = childrenOf(root, 1);
  const rootExact = childrenOf(root, 2);
  for (let i = from; i < to && matches.length < limit; i++) {
    const token = tokens[i]!;
    const byStem = rootWords?.get(token.stem);
    const byLower = rootLower?.get(token.norm);
    const byExact = token.surface === token.norm ? undefined : rootExact?.get(token.surface);
    if (byStem === undefined && byLower === undefined && byExact === undefined) continue;
    path.push(i);
    if (byStem) visit(byStem, i + 1);
    if (byLower) visit(byLower, i + 1);
    if (byExact) visit(byExact, i + 1);
    path.pop();
  }
  return matches;
}
