// Stages 2–3: lines, sections, clauses and tokens of the normalised text.
import type { Lexicon } from '../lexicon/index.js';
import { matchTrie, normalizeWord, type SectionKind, stemWord } from '../lexicon/index.js';

/** Boundary before a token: 0 space, 1 soft punctuation, 2 comma, 3 clause break. */
export const SEP_SPACE = 0;
export const SEP_SOFT = 1;
export const SEP_COMMA = 2;
export const SEP_CLAUSE = 3;

export interface Token {
  start: number;
  end: number;
  surface: string;
  stem: string;
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
  block: number;
}

export interface Segmented {
  text: string;
  tokens: Token[];
  clauses: Clause[];
  lines: Line[];
  /** The posting's title line, when the first line looks like one. */
  title: { start: number; end: number } | null;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
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

/** Classifies the characters between two words. */
function separatorClass(gap: string, prev: string, next: string): number {
  if (gap === '') return SEP_SPACE;
  if (gap.includes('\n')) return SEP_CLAUSE;
  if (/[;!?•●▪◦·|]/.test(gap)) return SEP_CLAUSE;
  if (gap.includes(':')) {
    // "9:45" is a time, not a label.
    if (!(gap === ':' && /\d$/.test(prev) && /^\d/.test(next))) return SEP_CLAUSE;
  }
  if (gap.includes('.')) {
    const decimal = gap === '.' && /\d$/.test(prev) && /^\d/.test(next);
    const abbreviation = /^\.\s*$/.test(gap) && (prev.length === 1 || ABBREVIATIONS.has(prev.toLowerCase()));
    if (!decimal && !abbreviation && !/^\.[\p{L}]/u.test(gap + next)) return SEP_CLAUSE;
    if (!decimal && !abbreviation && /\.\s/.test(gap)) return SEP_CLAUSE;
  }
  // List markers inside a line: " + ", " - ", " – ", " * ".
  if (/\s[+*–—-]\s/.test(gap) || /^\s*[+*]\s/.test(gap) || /\*\*/.test(gap)) return SEP_CLAUSE;
  if (gap.includes(',')) return SEP_COMMA;
  if (/^\s+$/.test(gap)) return SEP_SPACE;
  return SEP_SOFT;
}

export function tokenize(text: string): Array<Pick<Token, 'start' | 'end' | 'surface' | 'stem' | 'sep'>> {
  const tokens: Array<Pick<Token, 'start' | 'end' | 'surface' | 'stem' | 'sep'>> = [];
  let prevEnd = 0;
  let prev = '';
  for (const m of text.matchAll(WORD_RE)) {
    const surface = m[0];
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    const sep = tokens.length === 0 ? SEP_CLAUSE : separatorClass(gap, prev, surface);
    tokens.push({ start, end: start + surface.length, surface, stem: stemWord(normalizeWord(surface)), sep });
    prevEnd = start + surface.length;
    prev = surface;
  }
  return tokens;
}

const BULLET_RE = /^\s*(?:[-–—•●▪◦*·+]|\d{1,2}[.)])\s+/;
type HeadingKind = Exclude<SectionKind, 'title'>;
const CONTENT_KINDS = new Set<SectionKind>([
  'intro',
  'responsibilities',
  'requirements',
  'preferred',
  'physical',
]);

/** The heading kind a short label names, when its phrase covers at least half of its words. */
function classifyLabel(
  lexicon: Lexicon,
  tokens: ReturnType<typeof tokenize>,
  from: number,
  to: number,
): HeadingKind | undefined {
  const words = to - from;
  if (words <= 0) return undefined;
  let best: { kind: HeadingKind; covered: number } | undefined;
  // Label words are matched as one clause even when "/" or "&" separates them.
  const view = tokens.map((t, i) => (i > from && i < to ? { ...t, sep: Math.min(t.sep, SEP_SOFT) } : t));
  for (const m of matchTrie(lexicon.headingTrie, view, from, to)) {
    const covered = m.tokens.length;
    if (!best || covered > best.covered) best = { kind: lexicon.headingKinds[m.owners[0]!]!, covered };
  }
  if (!best) return undefined;
  return best.covered / words >= 0.5 ? best.kind : undefined;
}

/** Splits the text into lines, finds headings and labels, and gives every token its section. */
export function segmentText(text: string, lexicon: Lexicon): Segmented {
  const raw = tokenize(text);
  const lines: Line[] = [];
  let block = 0;
  let offset = 0;
  for (const lineText of text.split('\n')) {
    if (lineText.trim() === '') block++;
    lines.push({ start: offset, end: offset + lineText.length, block });
    offset += lineText.length + 1;
  }

  const tokens: Token[] = [];
  const clauses: Clause[] = [];
  let lineIndex = 0;
  let section: SectionKind = 'intro';
  let title: Segmented['title'] = null;
  let t = 0;
  for (const [li, line] of lines.entries()) {
    lineIndex = li;
    const from = t;
    while (t < raw.length && raw[t]!.start < line.end + (li === lines.length - 1 ? 1 : 0)) t++;
    const to = t;
    if (from === to) continue;
    const lineText = text.slice(line.start, line.end);
    const trimmed = lineText.trim();
    const words = to - from;
    const isBullet = BULLET_RE.test(lineText);
    const endsWithColon = /:\s*[*]*\s*$/.test(trimmed);
    const heading = new Array<boolean>(words).fill(false);
    const sectionOf = new Array<SectionKind>(words).fill(section);

    // The first line is the title when it is short, unpunctuated and set apart.
    const isTitle =
      tokens.length === 0 &&
      words <= 20 &&
      !/[.!?]$/.test(trimmed) &&
      !endsWithColon &&
      (lines[li + 1] === undefined ||
        text.slice(lines[li + 1]!.start, lines[li + 1]!.end).trim() === '' ||
        words <= 12) &&
      // "Responsibilities" alone on the first line is a heading, not a title.
      !(words <= 3 && classifyLabel(lexicon, raw, from, to));
    if (isTitle) {
      title = { start: raw[from]!.start, end: raw[to - 1]!.end };
      sectionOf.fill('title');
    } else {
      // A standalone heading line.
      const innerHard = raw.slice(from + 1, to).some((tk) => tk.sep === SEP_CLAUSE);
      const allCaps = /\p{Lu}/u.test(trimmed) && !/\p{Ll}/u.test(trimmed);
      const candidate =
        words <= 8 && !innerHard && (endsWithColon || (!isBullet && !/[.!?,]$/.test(trimmed)));
      const kind = candidate ? classifyLabel(lexicon, raw, from, to) : undefined;
      if (candidate && (kind || (endsWithColon && words <= 6) || (allCaps && words <= 6))) {
        heading.fill(true);
        if (kind) section = kind;
        sectionOf.fill(section);
      } else {
        // Inline labels: "Education: High school diploma", "**Requirements:** + …".
        let lineSection: SectionKind = section;
        let labelStart = from;
        for (let i = from; i < to; i++) {
          const tk = raw[i]!;
          if (tk.sep === SEP_CLAUSE && i > from) labelStart = i;
          const next = raw[i + 1];
          const gapAfter = text.slice(tk.end, next ? next.start : line.end);
          const colon = gapAfter.indexOf(':');
          const isLabelEnd =
            colon >= 0 &&
            !(next && /^:\d/.test(gapAfter + next.surface) && /\d$/.test(tk.surface)) &&
            !gapAfter.includes('//');
          sectionOf[i - from] = lineSection;
          if (!isLabelEnd || i + 1 - labelStart > 6) continue;
          const labelKind = classifyLabel(lexicon, raw, labelStart, i + 1);
          if (!labelKind) continue;
          for (let j = labelStart; j <= i; j++) heading[j - from] = true;
          lineSection = labelKind;
          // A content heading at the start of a line also opens a section for the lines after it.
          if (labelStart === from && CONTENT_KINDS.has(labelKind)) section = labelKind;
        }
      }
    }

    for (let i = from; i < to; i++) {
      const tk = raw[i]!;
      const sep = i === from ? SEP_CLAUSE : tk.sep;
      if (sep === SEP_CLAUSE || clauses.length === 0) {
        clauses.push({ index: clauses.length, from: i, to: i + 1, line: lineIndex, block: line.block });
      } else {
        clauses[clauses.length - 1]!.to = i + 1;
      }
      tokens.push({
        ...tk,
        sep,
        clause: clauses.length - 1,
        line: lineIndex,
        heading: heading[i - from]!,
        section: sectionOf[i - from]!,
      });
    }
    if (isTitle) section = 'intro';
  }
  return { text, tokens, clauses, lines, title };
}
