// Stages 2–3: lines, sections, clauses and tokens of the normalised text.
import type { Lexicon } from '../lexicon/index.js';
import {
  charCodes,
  lexiconMatcher,
  type MatchOptions,
  matchHasToken,
  matchTrie,
  type SectionKind,
  type TrieMatch,
  WORD_EXACT,
  WORD_FIELDS,
  WORD_HASH_SEED,
  WORD_MARKS,
  WORD_NORM,
  WORD_ROOTS,
  WORD_STEM,
  type WordInfo,
  WordTable,
  wordHashStep,
} from '../lexicon/index.js';
import { wordMarks } from './attributes.js';

/** Boundary before a token: 0 space, 1 soft punctuation, 2 comma, 3 clause break. */
export const SEP_SPACE = 0;
export const SEP_SOFT = 1;
export const SEP_COMMA = 2;
export const SEP_CLAUSE = 3;

export interface Token {
  start: number;
  end: number;
  /** The word's forms and vocabulary ids, shared by every token of the same surface (ids are 0 when tokenized without a lexicon). */
  word: WordInfo;
  /** The word's ids and trie bits, copied for the matcher (a walk then reads only tokens). */
  stemId: number;
  normId: number;
  exactId: number;
  roots: number;
  /** The word's marks (see wordMarks), copied too. */
  marks: number;
  sep: number;
  clause: number;
  line: number;
  /** Part of a heading or label ("Requirements:"), never a concept. */
  heading: boolean;
  section: SectionKind;
}

export interface Clause {
  index: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  line: number;
  block: number;
}

export interface Line {
  start: number;
  end: number;
  /** text.slice(start, end), sliced once here for every later stage. */
  text: string;
  /** Whether the line holds only whitespace. */
  blank: boolean;
  /** The section of its first word after any label ("Pay: $20" is compensation); intro when it has none. */
  section: SectionKind;
  /** Its words' marks (see wordMarks), OR-ed. */
  marks: number;
  block: number;
  bullet: boolean;
}

export interface Segmented {
  text: string;
  tokens: Token[];
  clauses: Clause[];
  lines: Line[];
  /** The posting's title line, when the first line looks like one. */
  title: { start: number; end: number } | null;
}

/** Words after which "." ends no sentence (lowercase; none is longer than ABBREVIATION_MAX). */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'etc',
  'inc',
  'jr',
  'sr',
  'approx',
  'dept',
  'no',
  'e',
  'g',
  'i',
]);
const ABBREVIATION_MAX = 6;

/**
 * Whether a "." after `word` (as written) ends an initial or an abbreviation rather than a sentence:
 * no lowercase copy for longer words. A dotted acronym's last dot never ends one, as an initial's
 * does not: "C.M.A. Preferred" and "C.M.A. Not Required" are one item.
 */
function isAbbreviation(word: string): boolean {
  if (word.length === 1) return true;
  if (word.length > 2 && word.charCodeAt(word.length - 2) === 46) return true;
  return word.length <= ABBREVIATION_MAX && ABBREVIATIONS.has(word.toLowerCase());
}

/** Classifies the characters between two words (the rare, long gaps). */
function classifyGap(gap: string, prev: string, next: string): number {
  if (gap.includes('\n')) return SEP_CLAUSE;
  if (/[;!?•●▪◦·|]/.test(gap)) return SEP_CLAUSE;
  if (gap.includes(':')) {
    // "9:45" is a time, not a label.
    if (!(gap === ':' && /\d$/.test(prev) && /^\d/.test(next))) return SEP_CLAUSE;
  }
  if (gap.includes('.')) {
    const decimal = gap === '.' && /\d$/.test(prev) && /^\d/.test(next);
    const abbreviation = /^\.\s*$/.test(gap) && isAbbreviation(prev);
    if (!decimal && !abbreviation && !/^\.[\p{L}]/u.test(gap + next)) return SEP_CLAUSE;
    if (!decimal && !abbreviation && /\.\s/.test(gap)) return SEP_CLAUSE;
  }
  // List markers inside a line: " + ", " - ", " – ", " * ".
  // ("2+ years": a "+" right after a number is "or more", not a marker.)
  const countPlus = gap.charCodeAt(0) === 43 && isDigitCode(prev.charCodeAt(prev.length - 1));
  if (/\s(?:[+*–—-]|--)\s/.test(gap) || (/^\s*[+*]\s/.test(gap) && !countPlus) || /\*\*/.test(gap))
    return SEP_CLAUSE;
  if (gap.includes(',')) return SEP_COMMA;
  if (/^\s+$/.test(gap)) return SEP_SPACE;
  return SEP_SOFT;
}

/** Gap characters that never make a boundary stronger than soft: ( ) & " ' / ’ “ ” [ ]. */
function isPlainGapChar(c: number): boolean {
  return (
    c === 40 ||
    c === 41 ||
    c === 38 ||
    c === 34 ||
    c === 39 ||
    c === 47 ||
    c === 91 ||
    c === 93 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/**
 * The boundary class of the gap text[from, to) between two words. Gaps of spaces, commas and plain
 * characters (the common ones) are classed by one scan, without slicing them; others go to classifyGap.
 */
function separatorClass(text: string, from: number, to: number, prev: string, next: string): number {
  let comma = false;
  let space = true;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) continue;
    if (c === 10) return SEP_CLAUSE;
    space = false;
    if (c === 44) comma = true;
    else if (to - from === 1 && (c === 45 || c === 47))
      return SEP_SOFT; // a lone "-" or "/"
    else if (c === 59 || c === 33 || c === 63 || (c === 58 && to - from > 1))
      return SEP_CLAUSE; // ";", "!", "?" and a colon that is not "9:45" (classifyGap's first rules)
    else if (c === 46 && to - from === 2 && text.charCodeAt(k + 1) === 32)
      // ". " ends a sentence unless it follows an initial or an abbreviation (as in classifyGap).
      return isAbbreviation(prev) ? SEP_SOFT : SEP_CLAUSE;
    else if (!isPlainGapChar(c)) {
      // A newline later in the gap (".\n", the end of most lines) settles it as classifyGap would first.
      for (let j = k + 1; j < to; j++) if (text.charCodeAt(j) === 10) return SEP_CLAUSE;
      return classifyGap(text.slice(from, to), prev, next);
    }
  }
  return comma ? SEP_COMMA : space ? SEP_SPACE : SEP_SOFT;
}

/**
 * Each UTF-16 unit's class, worked out by the Unicode property regexes on first sight (ASCII up
 * front): a load per character instead of a regex test (and a one-character string) for every
 * dash, curly quote or accented letter. A lone surrogate is neither, as the regexes say.
 */
const CHAR_KNOWN = 1;
const CHAR_LETTER = 2;
const CHAR_WORD = 4;
const charClasses = new Uint8Array(0x10000);
function classifyChar(code: number): number {
  const ch = String.fromCharCode(code);
  const cls = CHAR_KNOWN | (/\p{L}/u.test(ch) ? CHAR_LETTER : 0) | (/[\p{L}\p{N}]/u.test(ch) ? CHAR_WORD : 0);
  charClasses[code] = cls;
  return cls;
}
for (let c = 0; c < 128; c++) classifyChar(c);
function charClass(code: number): number {
  const cls = charClasses[code]!;
  return cls === 0 ? classifyChar(code) : cls;
}

/** Letters and digits (\p{L}, \p{N}); ASCII without the memo's first-sight test. */
function isWordChar(code: number): boolean {
  return ((code < 128 ? charClasses[code]! : charClass(code)) & CHAR_WORD) !== 0;
}

/** \p{L}. */
function isLetterCode(code: number): boolean {
  return (charClass(code) & CHAR_LETTER) !== 0;
}

/** Whether an ASCII capital letter. */
function isCapitalCode(c: number | undefined): boolean {
  return c !== undefined && c >= 65 && c <= 90;
}

/**
 * Whether the "." at codes[dot] joins a dotted acronym, one capital on each side ("C.M.A.", "G.E.D.",
 * "B.S."): the acronym is one word, read as if written without its dots (WordTable), not initials.
 */
function continuesAcronym(codes: Uint16Array, start: number, dot: number): boolean {
  if (!isCapitalCode(codes[dot - 1]) || (dot - 1 !== start && codes[dot - 2] !== 46)) return false;
  const next = codes[dot + 1];
  return isCapitalCode(next) && !isWordChar(codes[dot + 2] ?? 32);
}

function createToken(start: number, end: number, word: WordInfo): Token {
  return {
    start,
    end,
    word,
    stemId: 0,
    normId: 0,
    exactId: 0,
    roots: 0,
    marks: 0,
    sep: SEP_SPACE,
    clause: 0,
    line: 0,
    heading: false,
    section: 'intro',
  };
}

/**
 * Token objects kept from one analysis for the next. A posting's tokens live only while it is
 * analysed; reusing them spares the allocator and the garbage collector about 90 bytes a word (a
 * tenth of the engine's time). Whoever passes a pool must be done with the tokens it gave before.
 */
export class TokenPool {
  readonly tokens: Token[] = [];
  /** Set while a caller uses the pool, so a nested call allocates instead of sharing. */
  busy = false;
}

/** A huge input's tokens are not kept: the pool holds enough for any real posting. */
const POOL_LIMIT = 20_000;

export interface TokenizeOptions {
  pool?: TokenPool;
}

/**
 * Words with offsets and the boundary class before each; apostrophes stay inside ("patient's").
 * With a lexicon, tokens carry its vocabulary ids for matching.
 */
export function tokenize(text: string, lexicon?: Lexicon, options?: TokenizeOptions): Token[] {
  const words = lexicon ? lexiconMatcher(lexicon).words : new WordTable(null);
  const pool = options?.pool;
  // With a pool, its tokens are overwritten in place and the result is one exact-size copy.
  const tokens: Token[] = pool ? pool.tokens : [];
  let count = 0;
  const n = text.length;
  let prevEnd = 0;
  let prev = '';
  let i = 0;
  const codes = charCodes(text);
  while (i < n) {
    const first = codes[i]!;
    if (!isWordChar(first)) {
      i++;
      continue;
    }
    const start = i;
    // The word is hashed as it is scanned, so the word table finds it without slicing the text.
    let hash = WORD_HASH_SEED;
    while (i < n) {
      const c = codes[i]!;
      if (isWordChar(c)) i++;
      else if ((c === 39 || c === 0x2019) && i + 1 < n && isLetterCode(codes[i + 1]!)) i++;
      else if (c === 46 && continuesAcronym(codes, start, i)) i++;
      else break;
      hash = wordHashStep(hash, c);
    }
    const w = words.find(codes, text, start, i, hash);
    const word = words.info(w);
    const fields = words.words;
    const at = w * WORD_FIELDS;
    let marks = fields[at + WORD_MARKS]!;
    if (marks < 0) {
      marks = wordMarks(word.surface);
      fields[at + WORD_MARKS] = marks;
    }
    let token: Token;
    if (count < tokens.length) {
      token = tokens[count]!;
      token.start = start;
      token.end = i;
      token.word = word;
      token.sep = SEP_SPACE;
      token.clause = 0;
      token.line = 0;
      token.heading = false;
      token.section = 'intro';
    } else {
      token = createToken(start, i, word);
      tokens.push(token);
    }
    // The ids come from the table's arrays, not the word's object: one less pointer to chase.
    token.stemId = fields[at + WORD_STEM]!;
    token.normId = fields[at + WORD_NORM]!;
    token.exactId = fields[at + WORD_EXACT]!;
    token.roots = fields[at + WORD_ROOTS]!;
    token.marks = marks;
    if (count === 0) token.sep = SEP_CLAUSE;
    else if (start - prevEnd !== 1 || text.charCodeAt(prevEnd) !== 32) {
      // Most gaps are one space; only the others are sliced and classified.
      token.sep = separatorClass(text, prevEnd, start, prev, word.surface);
    }
    count++;
    prevEnd = i;
    prev = word.surface;
  }
  if (!pool) return tokens;
  const result = tokens.slice(0, count);
  if (tokens.length > POOL_LIMIT) tokens.length = POOL_LIMIT; // a huge input's tokens are not all kept
  return result;
}

/** Characters that mark a list item at the start of a line. */
const BULLET_CHARS = new Set([...'-–—•●▪◦*·+'].map((c) => c.charCodeAt(0)));

/**
 * Whether a line starts as a list item: /^\s*(?:[-–—•●▪◦*·+]|\d{1,2}[.)])\s+/ read by hand (a regex
 * call per line cost more than the test itself).
 */
export function isBulletLine(line: string): boolean {
  const n = line.length;
  let k = 0;
  while (k < n && isSpaceCode(line.charCodeAt(k))) k++;
  if (k === n) return false;
  const c = line.charCodeAt(k);
  if (BULLET_CHARS.has(c)) k++;
  else {
    let digits = 0;
    while (digits < 2 && k < n && isDigitCode(line.charCodeAt(k))) {
      k++;
      digits++;
    }
    if (digits === 0 || k === n || (line.charCodeAt(k) !== 46 && line.charCodeAt(k) !== 41)) return false;
    k++;
  }
  return k < n && isSpaceCode(line.charCodeAt(k));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether a (trimmed) line ends with one of the characters of `chars`. */
function endsWithOneOf(line: string, chars: string): boolean {
  return line.length > 0 && chars.includes(line[line.length - 1]!);
}
type HeadingKind = Exclude<SectionKind, 'title'>;
/** Sections whose text never states what the job asks (benefits, the company, EEO, how to apply…). */
export const SILENT_SECTIONS = new Set<SectionKind>([
  'compensation',
  'benefits',
  'about',
  'eeo',
  'conditions',
  'apply',
  'excluded',
]);
const CONTENT_KINDS = new Set<SectionKind>([
  'intro',
  'responsibilities',
  'requirements',
  'preferred',
  'physical',
]);

/** Words that do not count when measuring how much of a label a heading phrase covers. */
const LABEL_FILLER = new Set(
  'a an the and or of to for in with our your this that as on at by is are be medical assistant assistants ma mas job position'.split(
    ' ',
  ),
);

const LABEL_MATCH: MatchOptions = { ignoreSeparators: true };

interface HeadingLabel {
  kind: HeadingKind;
  /** The share of the label's content words the phrase covers. */
  coverage: number;
  /** The phrase's token range. */
  start: number;
  end: number;
}

/**
 * The heading phrase that covers most of a short label's content words. On a tie a preference
 * beats a requirement: it qualifies the list ("Qualifications (Preferred)", "Skills that would be
 * beneficial").
 */
function bestHeading(
  lexicon: Lexicon,
  tokens: readonly Token[],
  from: number,
  to: number,
): HeadingLabel | undefined {
  const trie = lexiconMatcher(lexicon).heading;
  // Most short lines hold no word a heading phrase starts with: no match, nothing to count.
  let starts = false;
  for (let i = from; i < to && !starts; i++) starts = (tokens[i]!.roots & trie.bit) !== 0;
  if (!starts) return undefined;
  let content = 0;
  for (let i = from; i < to; i++) if (!LABEL_FILLER.has(tokens[i]!.word.norm)) content++;
  if (content === 0) content = to - from;
  let best: { kind: HeadingKind; covered: number; start: number; end: number } | undefined;
  // Label words are matched as one phrase even when "/" or "&" separates them.
  for (const m of matchTrie(trie, tokens, from, to, LABEL_MATCH)) {
    let covered = 0;
    for (let i = m.start; i < m.end; i++)
      if (matchHasToken(m, i) && !LABEL_FILLER.has(tokens[i]!.word.norm)) covered++;
    if (covered === 0) covered = m.words;
    const kind = lexicon.headingKinds[m.owners[0]!]!;
    if (
      !best ||
      covered > best.covered ||
      (covered === best.covered && kind === 'preferred' && best.kind === 'requirements')
    )
      best = { kind, covered, start: m.start, end: m.end };
  }
  return best && { kind: best.kind, coverage: best.covered / content, start: best.start, end: best.end };
}

/** The heading kind a short label names, when its phrase covers at least half of its content words. */
function classifyLabel(
  lexicon: Lexicon,
  tokens: readonly Token[],
  from: number,
  to: number,
  minCoverage = 0.5,
): HeadingKind | undefined {
  const best = bestHeading(lexicon, tokens, from, to);
  return best && best.coverage >= minCoverage ? best.kind : undefined;
}

const MINOR_WORDS = new Set('a an the and or of to for in with on at by as is are be our your'.split(' '));

/**
 * A word (as isTitleCase splits them) that starts with a lowercase ASCII letter after a space or an
 * opening mark and is not a small word: one such word settles "not Title Case" without splitting.
 */
const LOWERCASE_WORD =
  /(?:^|[\s(/"“])(?!(?:a|an|the|and|or|of|to|for|in|with|on|at|by|as|is|are|be|our|your)(?![\p{L}'’-]))[a-z]/u;

/** Every word capitalised but the small ones: "About Northside Clinic", "Role of a Medical Assistant". */
export function isTitleCase(line: string): boolean {
  if (LOWERCASE_WORD.test(line)) return false; // most lines: one regex test, no word array
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((w) => MINOR_WORDS.has(w) || /^\p{Lu}/u.test(w));
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Some uppercase letter and no lowercase one (/\p{Lu}/ and not /\p{Ll}/), Latin-1 by code. */
export function isAllCaps(line: string): boolean {
  let upper = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c < 0x100) {
      if ((c >= 0x61 && c <= 0x7a) || c === 0xb5 || (c >= 0xdf && c <= 0xff && c !== 0xf7)) return false;
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) upper = true;
    } else {
      const ch = String.fromCodePoint(line.codePointAt(k)!);
      if (LOWER.test(ch)) return false;
      if (UPPER.test(ch)) upper = true;
      if (ch.length === 2) k++;
    }
  }
  return upper;
}

/**
 * Whether a trimmed line ends with a label's colon, maybe followed by Markdown bold marks: the
 * regex /:\s*[*]*\s*$/ read from the end, without a regex pass over the line.
 */
export function endsWithLabelColon(trimmed: string): boolean {
  let k = trimmed.length - 1;
  while (k >= 0 && isSpaceCode(trimmed.charCodeAt(k))) k--;
  while (k >= 0 && trimmed.charCodeAt(k) === 42) k--;
  while (k >= 0 && isSpaceCode(trimmed.charCodeAt(k))) k--;
  return k >= 0 && trimmed.charCodeAt(k) === 58;
}

/** JavaScript's \s, by char code. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 11 ||
    c === 12
  );
}

const QUALIFICATION_WORDS = new Set(
  'diploma degree ged education experience experienced minimum year years certification certified certificate license licensed licensure ability able skills skill knowledge understanding proficiency proficient familiarity familiar demonstrated preferred required must'.split(
    ' ',
  ),
);

/** A line of more words than this, unbulleted, is a paragraph rather than a list item. */
const PARAGRAPH_WORDS = 12;

/** Longest line of an unbulleted qualification block (a paragraph is not a list item). */
const MAX_PLAIN_ITEM_WORDS = 30;

/** Whether one of the line's first four words is a qualification word. */
function readsAsQualification(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from, stop = Math.min(from + 4, to); k < stop; k++)
    if (QUALIFICATION_WORDS.has(tokens[k]!.word.norm)) return true;
  return false;
}

/** Which implicit list a line may belong to (see markImplicitRequirements). */
const NOT_LISTED = 0;
const INTRO_BULLET = 1;
const INTRO_PLAIN = 2;
const LATER_DUTY_LIST = 3;

/**
 * Lists whose heading is missing but whose items mostly read as qualifications ("High school
 * diploma", "Strong communication skills", "Ability to…") are requirements lists:
 * - a bulleted list with no heading (blank lines do not end it);
 * - a run of short plain lines with no heading, at least three of them qualifications;
 * - under a responsibilities heading, a second list set apart by a blank line (a page that lost its
 *   "Qualifications" heading between the two).
 */
function markImplicitRequirements(
  tokens: Token[],
  lines: readonly Line[],
  /** Each line's tokens are the range [first, end) (first -1: none). */
  first: readonly number[],
  end: readonly number[],
): void {
  let group: number[] = [];
  let kind = NOT_LISTED;
  const flush = () => {
    let qualifying = 0;
    for (const line of group) if (readsAsQualification(tokens, first[line]!, end[line]!)) qualifying++;
    const least = kind === INTRO_PLAIN ? 3 : 2;
    if (qualifying >= least && qualifying * 2 > group.length) {
      for (const line of group)
        for (let k = first[line]!; k < end[line]!; k++) tokens[k]!.section = 'requirements';
    }
    group = [];
    kind = NOT_LISTED;
  };
  let previous = -1; // the last line with words
  for (let line = 0; line < lines.length; line++) {
    if (first[line] === -1) {
      // Blank lines do not end a bulleted list with no heading; they end the other two kinds.
      if (kind !== INTRO_BULLET && group.length > 0) flush();
      continue;
    }
    const from = first[line]!;
    const to = end[line]!;
    const { bullet } = lines[line]!;
    const section = tokens[from]!.section;
    let lineKind = NOT_LISTED;
    if (section === 'intro') {
      if (bullet) lineKind = INTRO_BULLET;
      else if (to - from <= MAX_PLAIN_ITEM_WORDS) lineKind = INTRO_PLAIN;
    } else if (section === 'responsibilities' && bullet) {
      // Only a list that follows another list of the section, past a blank line.
      const continues = kind === LATER_DUTY_LIST && previous === line - 1;
      const setApart = previous >= 0 && previous < line - 1 && lines[previous]!.bullet;
      if (continues || setApart) lineKind = LATER_DUTY_LIST;
    }
    // An item's words all lie in its first word's section, none of them a heading (only a line that
    // may be an item has its words read).
    for (let k = from; k < to && lineKind !== NOT_LISTED; k++) {
      const t = tokens[k]!;
      if (t.heading || t.section !== section) lineKind = NOT_LISTED;
    }
    if (lineKind !== kind) flush();
    if (lineKind !== NOT_LISTED) {
      kind = lineKind;
      group.push(line);
    }
    previous = line;
  }
  flush();
}

/** Words that name the job's holder as a sentence's subject. */
const ROLE_WORDS = new Set(
  'assistant assistants associate associates position role incumbent technician aide ma'.split(' '),
);
/** How far into a paragraph its subject and verb are looked for. */
const OPENER_WORDS = 16;

/**
 * Whether the first clause of tokens[from, to) says what the job's holder does: a role word, then
 * "performs", "is responsible for" or "duties" ("The Health Center Assistant performs the duties of…").
 */
function describesDuties(tokens: readonly Token[], from: number, to: number): boolean {
  let role = false;
  for (let i = from, end = Math.min(to, from + OPENER_WORDS); i < end; i++) {
    const t = tokens[i]!;
    if (i > from && t.sep === SEP_CLAUSE) return false;
    const norm = t.word.norm;
    if (!role) role = ROLE_WORDS.has(norm);
    else if (
      norm === 'performs' ||
      norm === 'duties' ||
      (norm === 'responsible' && tokens[i + 1]?.word.norm === 'for')
    )
      return true;
  }
  return false;
}

function setSection(tokens: readonly Token[], from: number, to: number, section: SectionKind): void {
  for (let i = from; i < to; i++) tokens[i]!.section = section;
}

/** Whether the line's first token is an outline number: "II.", "2)", "B." (a roman numeral, letter or number). */
function isOutlineNumber(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  const first = tokens[from]!;
  const mark = text.charCodeAt(first.end);
  // An FAQ's question marker: "Q: What do I need?" heads its answer as "What do I need?" would.
  if (mark === 58 && first.word.surface === 'Q') return true;
  if (mark !== 46 && mark !== 41) return false; // "." or ")"
  return /^(?:[ivxIVX]{1,4}|[A-Za-z]|\d{1,2})$/.test(first.word.surface);
}

/** The clause's first token after any heading words ("Education: …"). */
export function firstWordOf(seg: Segmented, clause: Clause): number {
  let i = clause.from;
  while (i < clause.to - 1 && seg.tokens[i]!.heading) i++;
  return i;
}

/** The clause after (step 1) or before (step -1) this one on its line, if there is one. */
export function clauseBeside(seg: Segmented, clause: Clause, step: 1 | -1): Clause | undefined {
  const beside = seg.clauses[clause.index + step];
  return beside && beside.line === clause.line ? beside : undefined;
}

/** Whether a colon parts two clauses of a line, `before` then `after`: a label and its value. */
export function colonBetween(seg: Segmented, before: Clause, after: Clause): boolean {
  return seg.text.slice(seg.tokens[before.to - 1]!.end, seg.tokens[after.from]!.start).includes(':');
}

/** Whether one of the matches holds the token range [start, end) whole. */
function holdsSpan(matches: readonly TrieMatch[], start: number, end: number): boolean {
  for (const m of matches) if (m.start <= start && m.end >= end) return true;
  return false;
}

/** Splits the text into lines, finds headings and labels, and gives every token its section. */
export function segmentText(text: string, lexicon: Lexicon, options?: TokenizeOptions): Segmented {
  const raw = tokenize(text, lexicon, options);
  const conceptTrie = lexiconMatcher(lexicon).concept;
  const lines: Line[] = [];
  // Each line's text without its edge spaces, for the heading tests below.
  const trimmedLines: string[] = [];
  // Each line's token range, for markImplicitRequirements (tokens come in line order). (Plain arrays
  // filled by pushes: a typed array this size gets an off-heap buffer, slow to allocate per posting,
  // and Array#fill on a new array leaves optimised code for the runtime.)
  const lineFirst: number[] = [];
  const lineEnd: number[] = [];
  let block = 0;
  for (let offset = 0; ; ) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const lineText = text.slice(offset, end);
    const trimmed = lineText.trim();
    if (trimmed === '') block++;
    lines.push({
      start: offset,
      end,
      text: lineText,
      blank: trimmed === '',
      section: 'intro',
      marks: 0,
      block,
      bullet: isBulletLine(lineText),
    });
    trimmedLines.push(trimmed);
    lineFirst.push(-1);
    lineEnd.push(0);
    if (newline === -1) break;
    offset = newline + 1;
  }

  const clauses: Clause[] = [];
  let lineIndex = 0;
  let section: SectionKind = 'intro';
  let title: Segmented['title'] = null;
  /** The section before an inline label with a value opened the current one (see blank lines). */
  let inlineOpened: SectionKind | null = null;
  let afterBlank = false;
  let t = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    lineIndex = li;
    const from = t;
    while (t < raw.length && raw[t]!.start < line.end + (li === lines.length - 1 ? 1 : 0)) t++;
    const to = t;
    if (from === to) {
      if (line.blank && inlineOpened !== null) afterBlank = true;
      continue;
    }
    // A label whose value shares its line ("Experience: 2 years in a medical office") heads the
    // items after it, not a paragraph past a blank line (a job board's field block, then the
    // posting's own text).
    if (afterBlank && inlineOpened !== null) {
      if (!line.bullet && to - from > PARAGRAPH_WORDS) section = inlineOpened;
      inlineOpened = null;
    }
    afterBlank = false;
    lineFirst[li] = from;
    lineEnd[li] = to;
    const lineText = line.text;
    const trimmed = trimmedLines[li]!;
    const words = to - from;
    const isBullet = line.bullet;
    const endsWithColon = endsWithLabelColon(trimmed);
    // A paragraph that says what the job's holder does ends a benefits or company block that no
    // heading closed (a benefits list first, then the job without a heading).
    if (
      SILENT_SECTIONS.has(section) &&
      !isBullet &&
      li > 0 &&
      lines[li - 1]!.blank &&
      describesDuties(raw, from, to)
    )
      section = 'intro';
    setSection(raw, from, to, section);

    // The first line is the title when it is short, unpunctuated and set apart.
    const isTitle =
      from === 0 &&
      words <= 20 &&
      !endsWithOneOf(trimmed, '.!?') &&
      !endsWithColon &&
      (lines[li + 1] === undefined || trimmedLines[li + 1] === '' || words <= 12) &&
      // "Responsibilities" alone on the first line is a heading, not a title.
      !(words <= 3 && classifyLabel(lexicon, raw, from, to));
    if (isTitle) {
      const lead = lineText.length - lineText.trimStart().length;
      title = { start: line.start + lead, end: line.start + lineText.trimEnd().length };
      setSection(raw, from, to, 'title');
    } else {
      // A standalone heading line. (Only a candidate, at most 8 words, needs the scan for inner breaks.)
      // An outline number ("III. ESSENTIAL FUNCTIONS", "B) Qualifications") is not one of its words; a
      // digit only before capitals ("3. RESPONSIBILITIES"): "2) Education" in a numbered duty list is an item.
      const outline =
        isOutlineNumber(text, raw, from, to) &&
        (!isDigitCode(raw[from]!.word.surface.charCodeAt(0)) || isAllCaps(trimmed));
      const labelFrom = outline ? from + 1 : from;
      const labelWords = to - labelFrom;
      let innerHard = false;
      if (labelWords <= 8)
        for (let i = labelFrom + 1; i < to && !innerHard; i++) innerHard = raw[i]!.sep === SEP_CLAUSE;
      const allCaps = labelWords <= 8 && isAllCaps(trimmed);
      // A bullet is a heading only when heading words fill it ("• Responsibilities" in a flattened page).
      const bulletHeading = isBullet && !endsWithColon && labelWords <= 4 && !endsWithOneOf(trimmed, '.!?,');
      // A question may head its list as a label does ("What would be a plus?", "What will I do?").
      const question = !isBullet && endsWithOneOf(trimmed, '?');
      const candidate =
        labelWords <= 8 &&
        !innerHard &&
        (endsWithColon || bulletHeading || question || (!isBullet && !endsWithOneOf(trimmed, '.!?,')));
      // A longer line that ends like a label ("Here is what our team members receive…").
      // (Such a line, trimmed, ends with one of ":….*": the regex runs only on those.)
      const labelLike =
        !candidate &&
        labelWords <= 12 &&
        endsWithOneOf(trimmed, ':….*') &&
        /(?::|…|\.\.\.)\s*[*]*\s*$/.test(trimmed);
      // Without a colon a line is a heading only when heading words fill it ("Benefits and Perks"),
      // or fill half of a Title Case line that names no concept ("About Northside Clinic"): plain lines such as
      // "Phlebotomy certification" or "Bilingual preferred" are content.
      // (Title Case is tested only where it decides: when a phrase covers half of the line but not all.)
      const label = candidate || labelLike ? bestHeading(lexicon, raw, labelFrom, to) : undefined;
      let kind: HeadingKind | undefined;
      if (label) {
        const minCoverage = labelLike
          ? 0
          : bulletHeading
            ? 1
            : endsWithColon || allCaps || question
              ? 0.5
              : candidate && label.coverage >= 0.5 && label.coverage < 1 && isTitleCase(trimmed)
                ? 0.5
                : 1;
        if (label.coverage >= minCoverage) kind = label.kind;
      }
      // A short line that names a concept is content ("BLS CERTIFICATION", "CCMA (NHA) 2022") unless
      // heading words fill it ("IMMUNIZATION REQUIREMENTS") or it ends like a label. Even then, heading
      // words inside a concept's match are its name, not a label ("Certification as a Medical
      // Assistant"). (The line's concepts are matched at most once, when a test below first needs them,
      // in plain code: closures over each line were most of this stage's garbage.)
      let concepts: readonly TrieMatch[] | undefined;
      if (kind && candidate && !endsWithColon) {
        concepts = matchTrie(conceptTrie, raw, labelFrom, to);
        if (label!.coverage < 0.75 ? concepts.length > 0 : holdsSpan(concepts, label!.start, label!.end))
          kind = undefined;
      }
      if (kind && bulletHeading) {
        concepts ??= matchTrie(conceptTrie, raw, labelFrom, to);
        if (concepts.length > 0) kind = undefined; // "• Medical Assistant certification"
      }
      const mayHead = candidate || (labelLike && kind !== undefined);
      let isHeading = mayHead && (kind !== undefined || (endsWithColon && labelWords <= 6));
      if (mayHead && !isHeading && allCaps && labelWords <= 6) {
        concepts ??= matchTrie(conceptTrie, raw, labelFrom, to);
        isHeading = concepts.length === 0;
      }
      if (isHeading) {
        for (let i = from; i < to; i++) raw[i]!.heading = true;
        if (kind) section = kind;
        inlineOpened = null;
        setSection(raw, from, to, section);
      } else {
        // Inline labels: "Education: High school diploma", "**Requirements:** + …". Only a line
        // with a colon (up to the next token, which may be lines on) can hold one.
        const gapsEnd = to < raw.length ? raw[to]!.start : line.end;
        let hasColon = lineText.includes(':');
        for (let k = line.end; k < gapsEnd && !hasColon; k++) hasColon = text.charCodeAt(k) === 58;
        let lineSection: SectionKind = section;
        // An outline number before the label ("II. QUALIFICATIONS: …") still leaves it at the line's start.
        const contentStart = hasColon && isOutlineNumber(text, raw, from, to) ? from + 1 : from;
        let labelStart = from;
        for (let i = from; i < to && hasColon; i++) {
          const tk = raw[i]!;
          if (tk.sep === SEP_CLAUSE && i > from) labelStart = i;
          const next = raw[i + 1];
          const gapEnd = next ? next.start : line.end;
          tk.section = lineSection;
          // Most gaps are one space: look for a colon without slicing.
          let colon = false;
          for (let k = tk.end; k < gapEnd && !colon; k++) colon = text.charCodeAt(k) === 58;
          if (!colon) continue;
          const gapAfter = text.slice(tk.end, gapEnd);
          const isLabelEnd =
            !(next && /^:\d/.test(gapAfter + next.word.surface) && /\d$/.test(tk.word.surface)) &&
            !gapAfter.includes('//');
          if (!isLabelEnd || i + 1 - labelStart > 6) continue;
          // A list item's label names the item ("- Patient Education: Educate patients…"): it must be
          // heading words alone ("- Education: GED"), and it opens no section for the items after it.
          const labelKind = classifyLabel(lexicon, raw, labelStart, i + 1, isBullet ? 1 : 0.5);
          if (!labelKind) continue;
          for (let j = labelStart; j <= i; j++) raw[j]!.heading = true;
          lineSection = labelKind;
          // A content heading at the start of a line also opens a section for the lines after it.
          if (labelStart === contentStart && CONTENT_KINDS.has(labelKind) && !isBullet) {
            if (i + 1 < to && inlineOpened === null) inlineOpened = section;
            else if (i + 1 >= to) inlineOpened = null;
            section = labelKind;
          }
        }
      }
    }

    let marks = 0;
    for (let i = from; i < to; i++) {
      const tk = raw[i]!;
      marks |= tk.marks;
      const sep = i === from ? SEP_CLAUSE : tk.sep;
      if (sep === SEP_CLAUSE || clauses.length === 0) {
        clauses.push({ index: clauses.length, from: i, to: i + 1, line: lineIndex, block: line.block });
      } else {
        clauses[clauses.length - 1]!.to = i + 1;
      }
      tk.sep = sep;
      tk.clause = clauses.length - 1;
      tk.line = lineIndex;
    }
    line.marks = marks;
    if (isTitle) section = 'intro';
  }
  markImplicitRequirements(raw, lines, lineFirst, lineEnd);
  for (let li = 0; li < lines.length; li++) {
    const first = lineFirst[li]!;
    if (first === -1) continue;
    let k = first;
    while (k < lineEnd[li]! - 1 && raw[k]!.heading) k++;
    lines[li]!.section = raw[k]!.heading ? raw[first]!.section : raw[k]!.section;
  }
  return { text, tokens: raw, clauses, lines, title };
}
