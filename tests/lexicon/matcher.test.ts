import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extract/index.js';
import {
  charCodes,
  lexiconMatcher,
  loadLexicon,
  normalizeWord,
  stemWord,
  WORD_FIELDS,
  WORD_HASH_SEED,
  WORD_ROOTS,
  WordTable,
  wordHashStep,
} from '../../src/lexicon/index.js';

const hashOf = (text: string, start: number, end: number) => {
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) h = wordHashStep(h, text.charCodeAt(i));
  return h;
};

describe('charCodes', () => {
  it.each([
    ['empty', ''],
    ['Latin-1 (stored one byte a character)', 'Phlebotomy café'],
    ['two-byte, with an emoji', 'Draw blood 😀 – “EKG”'],
    ['lone surrogates', 'a\uD800b\uDC00c\uDFFF'],
    ['longer than a pooled Buffer', `${'x'.repeat(5000)}\uD83D`],
  ])('gives every UTF-16 unit of a string as charCodeAt does (%s)', (_name, text) => {
    const codes = charCodes(text);
    expect(codes.length).toBe(text.length);
    expect(Array.from(codes)).toEqual(Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)));
  });
});

describe('WordTable', () => {
  it('finds a word by its range of the text, across resizes, and reuses the entry', () => {
    const table = new WordTable(null);
    const words = Array.from({ length: 3000 }, (_, i) => `Word${i}`);
    const text = words.join(' ');
    const first = new Map<string, unknown>();
    let at = 0;
    for (const w of words) {
      const info = table.lookup(text, at, at + w.length, hashOf(text, at, at + w.length));
      expect(info.surface).toBe(w);
      expect(info.norm).toBe(normalizeWord(w));
      expect(info.stem).toBe(stemWord(normalizeWord(w)));
      first.set(w, info);
      at += w.length + 1;
    }
    at = 0;
    for (const w of words) {
      expect(table.lookup(text, at, at + w.length, hashOf(text, at, at + w.length))).toBe(first.get(w));
      at += w.length + 1;
    }
  });

  it('reads shorthand as the word it stands for, keeping the surface as written', () => {
    const table = new WordTable(null, [], new Map([['pts', 'patients']]));
    const text = 'room Pts';
    const info = table.lookup(text, 5, 8, hashOf(text, 5, 8));
    expect(info.surface).toBe('Pts');
    expect(info.norm).toBe('patients');
    expect(info.stem).toBe(stemWord('patients'));
  });

  it("keeps each word's ids in its arrays, as its info has them, across growth", () => {
    const table = lexiconMatcher(loadLexicon()).words;
    const words = [
      'phlebotomy',
      'Epic',
      'CMA',
      'vital',
      'signs',
      'scheduling',
      'zzqx',
      ...Array.from({ length: 1500 }, (_, i) => `w${i}`),
    ];
    const text = words.join(' ');
    const codes = charCodes(text);
    let at = 0;
    for (const w of words) {
      const n = table.find(codes, text, at, at + w.length, hashOf(text, at, at + w.length));
      const info = table.info(n);
      expect(info.surface).toBe(w);
      const base = n * WORD_FIELDS;
      expect(Array.from(table.words.subarray(base, base + WORD_ROOTS + 1))).toEqual([
        info.stemId,
        info.normId,
        info.exactId,
        info.roots,
      ]);
      at += w.length + 1;
    }
    const phlebotomy = table.info(table.find(codes, text, 0, 10, hashOf(text, 0, 10)));
    expect(phlebotomy.stemId + phlebotomy.normId).toBeGreaterThan(0);
  });

  it("copies a long word's surface whole (longer than one chunk of characters)", () => {
    const table = new WordTable(null);
    const word = 'ab'.repeat(6000);
    const text = `x ${word} y`;
    expect(table.lookup(text, 2, 2 + word.length, hashOf(text, 2, 2 + word.length)).surface).toBe(word);
  });

  it('tells apart words whose hashes collide', () => {
    const table = new WordTable(null);
    expect(table.lookup('ab', 0, 2, 7).surface).toBe('ab');
    expect(table.lookup('cd', 0, 2, 7).surface).toBe('cd');
    expect(table.lookup('ab', 0, 2, 7).surface).toBe('ab');
  });

  it('stores words whose hash is 0 (the empty-slot mark) and 1 apart', () => {
    const table = new WordTable(null);
    const zero = table.lookup('ab', 0, 2, 0);
    const one = table.lookup('cd', 0, 2, 1);
    expect(zero.surface).toBe('ab');
    expect(one.surface).toBe('cd');
    expect(table.lookup('xab', 1, 3, 0)).toBe(zero);
    expect(table.lookup('cd', 0, 2, 1)).toBe(one);
  });
});

describe('lexicon vocabulary ids', () => {
  const lexicon = loadLexicon();
  it('numbers the words patterns name, and gives 0 to others', () => {
    const [ccma, zzz] = tokenize('CCMA zzzqqq', lexicon);
    const { word: c } = ccma!;
    expect(c.stemId + c.normId + c.exactId).toBeGreaterThan(0);
    expect([zzz!.word.stemId, zzz!.word.normId, zzz!.word.exactId]).toEqual([0, 0, 0]);
    expect(lexiconMatcher(lexicon)).toBe(lexiconMatcher(lexicon));
  });

  it('classes the gaps between words', () => {
    const seps = tokenize('a b, c (d) e - f\ng / h; i', lexicon).map((t) => t.sep);
    expect(seps).toEqual([3, 0, 2, 1, 1, 3, 3, 1, 3]);
  });
});
