import fc from 'fast-check';
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

describe('matchTrie for one owner', () => {
  // Owners share prefixes (and some share whole patterns), and there are more than 32 of them, so
  // a node's reach spans several ints.
  const WORDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const pattern = fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS).map((w): CompiledPattern[number] => ({ w })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }).map((g): CompiledPattern[number] => ({ g })) },
    ),
    { minLength: 1, maxLength: 4 },
  );
  const lists = fc.array(fc.array(pattern, { minLength: 1, maxLength: 3 }), { minLength: 30, maxLength: 45 });
  const words = fc.array(
    fc.record({ word: fc.constantFrom(...WORDS, 'x'), sep: fc.constantFrom(0, 0, 0, 1, 2, 3) }),
    { maxLength: 20 },
  );

  it('finds exactly the matches of that owner that a full walk finds', () => {
    fc.assert(
      fc.property(lists, words, fc.nat(), (patternLists, sentence, pick) => {
        // A pattern must start with a word (the lexicon compiler never starts one with a gap).
        const entries = patternLists.map((patterns, owner) => ({
          owner,
          patterns: patterns.filter((p) => 'w' in p[0]!),
        }));
        const vocabulary: Vocabulary = new Map();
        const root = createTrie(entries);
        addTrieWords(vocabulary, root);
        const trie = compileTrie(root, vocabulary);
        const tokens: MatchToken[] = sentence.map(({ word, sep }) => ({
          stemId: vocabulary.get(word) ?? 0,
          normId: 0,
          exactId: 0,
          roots: 0,
          sep,
        }));
        const owner = pick % entries.length;
        const key = (m: { start: number; end: number; words: number; tokens: readonly number[] | null }) =>
          `${m.start}-${m.end}-${m.words}-${m.tokens?.join('.') ?? ''}`;
        const all = matchTrie(trie, tokens, 0, tokens.length)
          .filter((m) => m.owners.includes(owner))
          .map(key);
        const mine = matchTrie(trie, tokens, 0, tokens.length, { owner }).map(key);
        expect(mine).toEqual(all);
        // (A limit stops after the start word that reaches it, which may give more than one.)
        expect(matchTrie(trie, tokens, 0, tokens.length, { owner, limit: 1 }).length > 0).toBe(
          all.length > 0,
        );
      }),
      { numRuns: 500 },
    );
  });

  it.each([-1, 3, 32, 1.5])('finds nothing for owner %s, which no pattern ends in', (owner) => {
    const { trie, tokens } = setUp(false);
    const sentence = tokens('draw', 'blood', 'vital', 'sign');
    expect(matchTrie(trie, sentence, 0, 4)).toHaveLength(2);
    expect(matchTrie(trie, sentence, 0, 4, { owner })).toEqual([]);
    expect(matchTrie(trie, sentence, 0, 4, { owner: 1 }).map((m) => m.start)).toEqual([2]);
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
