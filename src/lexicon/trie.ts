// A token trie over compiled patterns: the posting's words are walked once from each start word,
// instead of one regex per alias. Gap elements (`*`) skip a few words inside a clause.
import type { CompiledPattern } from './compiled.js';

export interface TrieNode {
  words: Map<string, TrieNode> | undefined;
  lower: Map<string, TrieNode> | undefined;
  exact: Map<string, TrieNode> | undefined;
  gaps: Array<{ max: number; next: TrieNode }> | undefined;
  /** Ids of the patterns' owners that end here. */
  out: number[] | undefined;
}

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

/** Every node has the same shape, so the matcher's property reads stay monomorphic (fast). */
function newNode(): TrieNode {
  return { words: undefined, lower: undefined, exact: undefined, gaps: undefined, out: undefined };
}

export function createTrie(entries: Array<{ owner: number; patterns: CompiledPattern[] }>): TrieNode {
  const root = newNode();
  for (const { owner, patterns } of entries) {
    for (const pattern of patterns) {
      let node = root;
      for (const el of pattern) {
        if ('w' in el || 'l' in el) {
          if ('w' in el) node.words ??= new Map();
          else node.lower ??= new Map();
          const [key, map] = 'w' in el ? [el.w, node.words!] : [el.l, node.lower!];
          let next = map.get(key);
          if (!next) {
            next = newNode();
            map.set(key, next);
          }
          node = next;
        } else if ('x' in el) {
          node.exact ??= new Map();
          let next = node.exact.get(el.x);
          if (!next) {
            next = newNode();
            node.exact.set(el.x, next);
          }
          node = next;
        } else {
          node.gaps ??= [];
          let gap = node.gaps.find((g) => g.max === el.g);
          if (!gap) {
            gap = { max: el.g, next: newNode() };
            node.gaps.push(gap);
          }
          node = gap.next;
        }
      }
      node.out ??= [];
      if (!node.out.includes(owner)) node.out.push(owner);
    }
  }
  return root;
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
    if (node.out && path.length > 0) {
      matches.push({
        start: path[0]!,
        end: path[path.length - 1]! + 1,
        owners: node.out,
        tokens: path.slice(),
      });
    }
    step(node, i, SOFT);
  };

  const step = (node: TrieNode, i: number, maxSep: number): void => {
    if (i >= to) return;
    const token = tokens[i]!;
    if (path.length > 0 && token.sep > maxSep) return;
    const byStem = node.words?.get(token.stem);
    if (byStem) {
      path.push(i);
      visit(byStem, i + 1);
      path.pop();
    }
    const byLower = node.lower?.get(token.norm);
    if (byLower) {
      path.push(i);
      visit(byLower, i + 1);
      path.pop();
    }
    // Exact (case-sensitive) words all carry a capital: an all-lowercase token cannot match one.
    const byExact = token.surface === token.norm ? undefined : node.exact?.get(token.surface);
    if (byExact) {
      path.push(i);
      visit(byExact, i + 1);
      path.pop();
    }
    if (node.gaps) {
      for (const gap of node.gaps) {
        // Skip k words (0..max); skipped words may follow commas but never a clause boundary.
        for (let k = 0; k <= gap.max && i + k < to; k++) {
          if (tokens[i + k]!.sep > COMMA) break;
          step(gap.next, i + k, COMMA);
        }
      }
    }
  };

  for (let i = from; i < to && matches.length < limit; i++) step(root, i, Number.POSITIVE_INFINITY);
  return matches;
}
