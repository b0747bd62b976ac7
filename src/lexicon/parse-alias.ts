// Parses the alias mini-language (lexicon/README.md) into flat sequences of pattern elements.
import { LexiconError } from './errors.js';

export type PatternElement =
  | { kind: 'word'; text: string } // compared by stem, case-insensitive
  | { kind: 'exact'; text: string } // compared by surface form, case-sensitive
  | { kind: 'lower'; text: string } // compared by lowercased surface form, not stemmed
  | { kind: 'gap'; max: number }; // skips 0..max words inside a clause

export type Pattern = PatternElement[];

const MAX_EXPANSIONS = 512;
const GAP_WORDS: Record<string, number> = { '*': 3, '**': 6 };

type Item = { alternatives: string[][]; optional: boolean };

function splitItems(text: string, where: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      const close = ch === '(' ? ')' : ']';
      const end = text.indexOf(close, i);
      if (end < 0) throw new LexiconError(`unclosed "${ch}" in alias "${text}"`, undefined, where);
      const inner = text.slice(i + 1, end);
      if (/[()[\]]/.test(inner))
        throw new LexiconError(`nested brackets in alias "${text}"`, undefined, where);
      const alternatives = inner.split('|').map((a) => a.trim().split(/\s+/).filter(Boolean));
      if (alternatives.some((a) => a.length === 0)) {
        throw new LexiconError(`empty alternative in alias "${text}"`, undefined, where);
      }
      items.push({ alternatives, optional: ch === '[' });
      i = end + 1;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '|') {
      throw new LexiconError(`unexpected "${ch}" in alias "${text}"`, undefined, where);
    }
    let end = text.indexOf(' ', i);
    if (end < 0) end = text.length;
    items.push({ alternatives: [[text.slice(i, end)]], optional: false });
    i = end;
  }
  return items;
}

/** Turns one written word into pattern elements: "x-ray" → [x, ray] and [xray]; "=PA" → exact. */
function expandWord(word: string, where: string, alias: string): Pattern[] {
  if (word in GAP_WORDS) return [[{ kind: 'gap', max: GAP_WORDS[word]! }]];
  if (word.startsWith('~')) {
    const lower = word.slice(1);
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'’]*$/u.test(lower)) {
      throw new LexiconError(`bad unstemmed word "${word}" in alias "${alias}"`, undefined, where);
    }
    return [[{ kind: 'lower', text: lower }]];
  }
  if (word.startsWith('=')) {
    const exact = word.slice(1);
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'’]*$/u.test(exact)) {
      // "=G.E.D." would never match: the tokenizer reads a dotted acronym as the word without dots.
      const hint = exact.includes('.') ? ' (write acronyms without dots: "=GED" also matches "G.E.D.")' : '';
      throw new LexiconError(
        `bad case-sensitive word "${word}" in alias "${alias}"${hint}`,
        undefined,
        where,
      );
    }
    if (!/\p{Lu}/u.test(exact)) {
      // A token written all in lowercase carries no exact id (its surface is its normal form).
      throw new LexiconError(
        `case-sensitive word "${word}" in alias "${alias}" has no capital and would never match: write "~${exact}"`,
        undefined,
        where,
      );
    }
    return [[{ kind: 'exact', text: exact }]];
  }
  if (!/^[\p{L}\p{N}'’]+(?:[-/][\p{L}\p{N}'’]+)*$/u.test(word)) {
    throw new LexiconError(`bad word "${word}" in alias "${alias}"`, undefined, where);
  }
  const parts = word.split(/[-/]/);
  if (parts.length === 1) return [[{ kind: 'word', text: word }]];
  const apart: Pattern = parts.map((p) => ({ kind: 'word', text: p }));
  return word.includes('-') ? [apart, [{ kind: 'word', text: parts.join('') }]] : [apart];
}

/** Expands an alias into every flat pattern it stands for. */
export function parseAlias(alias: string, where = ''): Pattern[] {
  const items = splitItems(alias.trim(), where);
  if (items.length === 0) throw new LexiconError('empty alias', undefined, where);
  let results: Pattern[] = [[]];
  for (const item of items) {
    const options: Pattern[] = [];
    for (const alternative of item.alternatives) {
      let seqs: Pattern[] = [[]];
      for (const word of alternative) {
        const variants = expandWord(word, where, alias);
        seqs = seqs.flatMap((s) => variants.map((v) => [...s, ...v]));
      }
      options.push(...seqs);
    }
    if (item.optional) options.push([]);
    results = results.flatMap((r) => options.map((o) => [...r, ...o]));
    if (results.length > MAX_EXPANSIONS) {
      throw new LexiconError(
        `alias "${alias}" expands to more than ${MAX_EXPANSIONS} forms`,
        undefined,
        where,
      );
    }
  }
  for (const pattern of results) {
    const first = pattern[0];
    const last = pattern[pattern.length - 1];
    if (!first || first.kind === 'gap' || last?.kind === 'gap') {
      throw new LexiconError(`alias "${alias}" must start and end with a word`, undefined, where);
    }
  }
  return results;
}
