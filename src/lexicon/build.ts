// Compiles the YAML source into the lexicon the engine loads: aliases expanded, irregular verb
// forms generated with compromise, every word stemmed. Runs at build time (and in tests).
import { createRequire } from 'node:module';
import type { CompiledAlias, CompiledCue, CompiledLexicon, CompiledPattern } from './compiled.js';
import { LexiconError } from './errors.js';
import { hashLexiconSource } from './hash.js';
import { collectVocabulary } from './matcher.js';
import { type Pattern, parseAlias } from './parse-alias.js';
import { type LexiconSource, readLexiconSource } from './read-source.js';
import { normalizeWord, stemWord } from './stem.js';
import { createTrie, encodeTrie, flattenTrie, type Vocabulary } from './trie.js';

type Nlp = (text: string) => {
  terms(): { json(): Array<{ terms: Array<{ tags: string[] }> }> };
  tag(tag: string): { verbs(): { conjugate(): Array<Record<string, string>> } };
};

let nlp: Nlp | undefined;
function loadNlp(): Nlp {
  // compromise costs ~100 ms to load: only the build needs it, never the analysis hot path.
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

/** Irregular forms of a verb ("draw" → drew, drawn) whose stems differ from the base form's. */
function irregularForms(word: string, phrase: string): string[] {
  const doc = loadNlp();
  const first = doc(phrase).terms().json()[0]?.terms[0];
  if (!first?.tags.includes('Verb')) return [];
  const forms = doc(word).tag('Verb').verbs().conjugate()[0] ?? {};
  const base = stemWord(normalizeWord(word));
  const out = new Set<string>();
  for (const key of ['PastTense', 'Participle', 'PresentTense', 'Gerund']) {
    const form = forms[key];
    if (!form || form.includes(' ')) continue;
    const stem = stemWord(normalizeWord(form));
    if (stem !== base) out.add(form);
  }
  return [...out];
}

type WordMode = 'stem' | 'lower';

function compilePattern(pattern: Pattern, mode: WordMode): CompiledPattern {
  return pattern.map((el) => {
    if (el.kind === 'gap') return { g: el.max };
    if (el.kind === 'exact') return { x: el.text };
    if (el.kind === 'lower') return { l: normalizeWord(el.text) };
    return mode === 'stem' ? { w: stemWord(normalizeWord(el.text)) } : { l: normalizeWord(el.text) };
  });
}

/** Compiles an alias into patterns, adding irregular verb forms of its first word. */
function compileAliasText(
  text: string,
  where: string,
  inflect: boolean,
  mode: WordMode = 'stem',
): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  const seen = new Set<string>();
  const add = (p: CompiledPattern) => {
    const key = JSON.stringify(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const pattern of parseAlias(text, where)) {
    const only = pattern.length === 1 ? pattern[0] : undefined;
    if (mode === 'stem' && only?.kind === 'word' && /\p{L}{3,}(?:ing|ed)$/u.test(only.text)) {
      // A lone -ing/-ed word stems onto another word ("rooming" → "room", "casting" → "cast",
      // "billing" → "bill"): match it as written.
      add([{ l: normalizeWord(only.text) }]);
      continue;
    }
    add(compilePattern(pattern, mode));
    const first = pattern[0];
    if (!inflect || first?.kind !== 'word') continue;
    const words = pattern.filter((e) => e.kind === 'word').map((e) => (e as { text: string }).text);
    if (words.length < 2) continue; // a lone word is a noun far more often than a verb
    for (const form of irregularForms(first.text, words.join(' '))) {
      add(compilePattern([{ kind: 'word', text: form }, ...pattern.slice(1)], mode));
    }
  }
  return out;
}

function compilePhrases(phrases: string[] | undefined, where: string): CompiledPattern[] | undefined {
  return phrases?.flatMap((p) => compileAliasText(p, where, false));
}

export function compileLexicon(source: LexiconSource, sourceHash: string): CompiledLexicon {
  const aliases: CompiledAlias[] = [];
  const aliasPatterns: CompiledPattern[][] = [];
  for (const concept of source.concepts) {
    for (const alias of concept.aliases) {
      const a = typeof alias === 'string' ? { text: alias } : alias;
      const where = `${concept.id} alias "${a.text}"`;
      try {
        aliasPatterns.push(compileAliasText(a.text, where, true));
        aliases.push({
          concept: concept.id,
          text: a.text,
          ...(a.also && { also: a.also }),
          ...(a.near && { near: compilePhrases(a.near, where) }),
          ...(a.notNear && { notNear: compilePhrases(a.notNear, where) }),
          ...(a.scope && { scope: a.scope }),
          ...(a.notAfter && { notAfter: compilePhrases(a.notAfter, where) }),
          ...(a.notBefore && { notBefore: compilePhrases(a.notBefore, where) }),
          ...(a.weak && { weak: true }),
        });
      } catch (err) {
        if (err instanceof LexiconError) throw new LexiconError(err.message, concept.file, concept.id);
        throw err;
      }
    }
  }
  const cues: CompiledCue[] = [];
  const cuePatterns: CompiledPattern[][] = [];
  for (const [kind, dirs] of Object.entries(source.cues) as Array<
    [CompiledCue['kind'], { pre: string[]; post: string[] }]
  >) {
    for (const dir of ['pre', 'post'] as const) {
      // Cue words are compared as written, not stemmed: "needs" is not "needed", nor "requirements" "required".
      const patterns = dirs[dir].flatMap((p) =>
        compileAliasText(p, `cue ${kind}.${dir} "${p}"`, false, 'lower'),
      );
      if (patterns.length) {
        cues.push({ kind, dir });
        cuePatterns.push(patterns);
      }
    }
  }
  const headings = Object.entries(source.sections.headings).map(([kind, phrases]) => ({
    kind: kind as CompiledLexicon['headingKinds'][number],
    patterns: phrases.flatMap((p) => compileAliasText(p, `heading ${kind} "${p}"`, false)),
  }));
  const concept = createTrie(aliasPatterns.map((patterns, owner) => ({ owner, patterns })));
  const cue = createTrie(cuePatterns.map((patterns, owner) => ({ owner, patterns })));
  const heading = createTrie(headings.map((h, owner) => ({ owner, patterns: h.patterns })));
  const vocabulary = collectVocabulary([concept, cue, heading], aliases);
  const ids: Vocabulary = new Map(vocabulary.map((w, i) => [w, i + 1]));
  const store = (trie: typeof concept) => encodeTrie(flattenTrie(trie, ids));
  const protectedWords = new Set(
    [
      ...aliases.flatMap((a) => a.text.match(/[\p{L}]*\p{Ll}\p{Lu}[\p{L}]*/gu) ?? []),
      ...source.sections.joinedNames,
    ].map((w) => w.toLowerCase()),
  );
  return {
    format: 4,
    name: source.name,
    version: source.version,
    sourceHash,
    concepts: source.concepts.map((c) => ({
      id: c.id,
      category: c.id.split('.')[0] as CompiledLexicon['concepts'][number]['category'],
      label: c.label,
      description: c.description,
      ...(c.subsumedBy && { subsumedBy: c.subsumedBy }),
      ...(c.otherRole && { otherRole: true }),
      training: c.training,
    })),
    aliases,
    cues,
    headingKinds: headings.map((h) => h.kind),
    tries: { concept: store(concept), cue: store(cue), heading: store(heading) },
    settingWords: source.sections.settingWords.map((w) => stemWord(normalizeWord(w))),
    protectedWords: [...protectedWords],
    shorthand: source.sections.shorthand,
    vocabulary,
    patternCount: aliasPatterns.reduce((n, p) => n + p.length, 0),
  };
}

/** Reads, validates and compiles a lexicon directory. */
export function buildLexicon(dir: string): CompiledLexicon {
  return compileLexicon(readLexiconSource(dir), hashLexiconSource(dir));
}
