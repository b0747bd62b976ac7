import { describe, expect, it } from 'vitest';
import type { CompiledPattern } from '../../src/lexicon/compiled.js';
import {
  addTrieWords,
  compileTrie,
  createTrie,
  decodeTrie,
  encodeTrie,
  flattenTrie,
  type MatchToken,
  matchTrie,
  type Vocabulary,
} from '../../src/lexicon/trie.js';

// Patterns of stems: owner 0 "draw blood", owner 1 "vital sign", owner 2 "schedule * appointment".
const PATTERNS: CompiledPattern[][] = [
  [[{ w: 'draw' }, { w: 'blood' }]],
  [[{ w: 'vital' }, { w: 'sign' }]],
  [[{ w: 'schedul' }, { g: 2 }, { w: 'appoint' }]],
];

function setUp(stored: boolean) {
  const root = createTrie(PATTERNS.map((patterns, owner) => ({ owner, patterns })));
  const vocabulary: Vocabulary = new Map();
  addTrieWords(vocabulary, root);
  // Stored: flattened, written as the compiled lexicon writes it and read back.
  const trie = compileTrie(
    stored ? decodeTrie(JSON.parse(JSON.stringify(encodeTrie(flattenTrie(root, vocabulary))))) : root,
    vocabulary,
  );
  // Tokens by stem, separated by spaces (sep 0) unless a comma is given.
  const tokens = (...stems: string[]): MatchToken[] =>
    stems.map((stem) => ({
      stemId: vocabulary.get(stem.replace(',', '')) ?? 0,
      normId: 0,
      exactId: 0,
      roots: 0,
      sep: stem.startsWith(',') ? 2 : 0,
    }));
  return { trie, tokens };
}

describe('matchTrie', () => {
  it.each([false, true])('finds the same matches in a stored trie (%s) as in a built one', (stored) => {
    const { trie, tokens } = setUp(stored);
    const sentence = tokens('draw', 'blood', 'and', 'vital', 'sign', 'schedul', 'the', 'next', 'appoint');
    const found = matchTrie(trie, sentence, 0, sentence.length).map((m) => [
      m.owners,
      m.start,
      m.end,
      m.words,
    ]);
    expect(found).toEqual([
      [[0], 0, 2, 2],
      [[1], 3, 5, 2],
      [[2], 5, 9, 2],
    ]);
  });

  it('lists the tokens of a match only when a gap skipped some', () => {
    const { trie, tokens } = setUp(true);
    const [gapped] = matchTrie(trie, tokens('schedul', 'an', 'appoint'), 0, 3);
    expect(gapped!.tokens).toEqual([0, 2]);
    const [plain] = matchTrie(trie, tokens('draw', 'blood'), 0, 2);
    expect(plain!.tokens).toBeNull();
  });

  it('stops at the limit, and a gap never crosses a clause break', () => {
    const { trie, tokens } = setUp(false);
    const sentence = tokens('draw', 'blood', 'draw', 'blood');
    expect(matchTrie(trie, sentence, 0, 4, { limit: 1 })).toHaveLength(1);
    const broken = tokens('schedul', 'x', 'appoint');
    broken[1]!.sep = 3;
    expect(matchTrie(trie, broken, 0, 3)).toEqual([]);
  });
});

describe('decodeTrie', () => {
  const root = createTrie(PATTERNS.map((patterns, owner) => ({ owner, patterns })));
  const vocabulary: Vocabulary = new Map();
  addTrieWords(vocabulary, root);
  const stored = encodeTrie(flattenTrie(root, vocabulary));
  const damage = (field: 'nodes' | 'edges', at: number, value: number) => {
    const array = decodeTrie(stored)[field].slice();
    array[at] = value;
    return { ...stored, [field]: encodeTrie({ nodes: array, edges: array, outs: [] })[field] };
  };

  it('reads back what was stored', () => {
    expect(decodeTrie(stored)).toEqual(flattenTrie(root, vocabulary));
  });

  it.each([
    ['a child out of range', () => damage('edges', 1, 999)],
    ['an owners index out of range', () => damage('nodes', 3, 99)],
    ['an edge range past the end', () => damage('nodes', 0, 999)],
    ['a cut array', () => ({ ...stored, nodes: stored.nodes.slice(0, 8) })],
  ])('rejects %s', (_what, damaged) => {
    expect(() => decodeTrie(damaged())).toThrow(/damaged/);
  });
});
