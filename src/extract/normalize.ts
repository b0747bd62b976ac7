// Stage 1: the input (text or HTML) becomes the normalised text every later stage and every
// evidence offset refers to.
import { createRequire } from 'node:module';
import type { AnyNode } from 'domhandler';

type Cheerio = typeof import('cheerio/slim');
let cheerio: Cheerio | undefined;
/** cheerio (its htmlparser2 build) is loaded on the first HTML input: plain text never pays for it. */
function loadCheerio(): Cheerio {
  cheerio ??= createRequire(import.meta.url)('cheerio/slim') as Cheerio;
  return cheerio;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
]);
/** Elements whose text is never the posting's (a form's buttons too: "Apply now", "Submit"). */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'footer',
  'svg',
  'iframe',
  'object',
  'head',
]);
const SUBHEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * A <nav> written as a <div>. (Elements hidden by a style or the hidden attribute are still read: a
 * career page often collapses the description itself behind "Read more".)
 */
function isNavigation(attribs: Record<string, string> | undefined): boolean {
  return attribs?.role === 'navigation';
}

export interface HtmlToTextOptions {
  /** Keep newlines inside text nodes (plain text that merely contains some tags). */
  preserveNewlines?: boolean;
}

/** HTML → text: blocks and list items become lines, sub-headings end with ":", entities decoded. */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const $ = loadCheerio().load(html);
  const parts: string[] = [];
  const newline = () => {
    if (parts.length && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  // Dropped elements are skipped while walking: a CSS selector pass to remove them cost as much as the parse.
  const walk = (node: AnyNode, inForm: boolean): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(options.preserveNewlines ? data.replace(/[ \t\f\v]+/g, ' ') : data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as unknown as { name?: string; children: AnyNode[]; attribs?: Record<string, string> };
    const tag = el.name?.toLowerCase() ?? '';
    if (DROP_TAGS.has(tag) || (inForm && tag === 'button') || isNavigation(el.attribs)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) newline();
    if (tag === 'li') parts.push('- ');
    for (const child of el.children ?? []) walk(child, inForm || tag === 'form');
    if (SUBHEADING_TAGS.has(tag)) {
      // A sub-heading is a section heading: give it the colon the section detector looks for.
      const last = parts.length - 1;
      if (last >= 0 && !/[:.!?]\s*$/.test(parts[last]!)) parts[last] = `${parts[last]!.trimEnd()}:`;
    }
    if (block) newline();
  };
  walk($.root()[0] as AnyNode, false);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

const TAG_RE = /<\/?(?:p|div|br|li|ul|ol|span|strong|b|em|h[1-6]|table|tr|td)\b[^>]*>/gi;

/** Plain text that carries HTML markup (pasted from a page source) is converted, keeping its lines. */
function looksLikeHtml(text: string): boolean {
  if (!text.includes('<')) return false; // most postings: no regex pass over the whole text
  const tags = text.match(TAG_RE);
  return (tags?.length ?? 0) >= 3;
}

// Letter classes by char code (Latin-1 covers postings' accented names); a /u regex with \p{…}
// classes over the whole text was a third of the engine's time.
function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLetter(c: number): boolean {
  return isLower(c) || isUpper(c) || (c > 0xff && /\p{L}/u.test(String.fromCharCode(c)));
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of the run of characters satisfying `test` from i (forwards). */
function runLength(text: string, i: number, test: (c: number) => boolean): number {
  let j = i;
  while (j < text.length && test(text.charCodeAt(j))) j++;
  return j - i;
}

/** The whole letter word around position i, lowercased. */
function wordAt(text: string, i: number): string {
  let begin = i;
  while (begin > 0 && isLetter(text.charCodeAt(begin - 1))) begin--;
  let end = i;
  while (end < text.length && isLetter(text.charCodeAt(end))) end++;
  return text.slice(begin, end).toLowerCase();
}

/** Job-board field labels a value is glued to when a page loses its layout ("Job TypeFull-time"). */
const FIELD_LABELS = new Set(['type', 'schedule', 'shift', 'status', 'location', 'setting']);

/** Whether a line break belongs between text[i-1] and text[i]. */
function isGlueSeam(text: string, i: number, keep: ReadonlySet<string> | undefined): boolean {
  const prev = text.charCodeAt(i - 1);
  const c = text.charCodeAt(i);
  if (!isUpper(c)) {
    // "experience2 years": a count glued to the word before it.
    if (isDigit(c) && isLower(prev) && i >= 4 && isLower(text.charCodeAt(i - 4))) {
      const digits = runLength(text, i, isDigit);
      const rest = text.slice(i + digits, i + digits + 9).toLowerCase();
      return digits <= 2 && /^\+?\s+(?:year|yr|month)/.test(rest);
    }
    return false;
  }
  const next = text.charCodeAt(i + 1);
  // "records.Assisting": a sentence glued to the next one.
  if ((prev === 46 || prev === 33 || prev === 63) && isLower(next)) {
    return i >= 3 && isLower(text.charCodeAt(i - 2)) && isLower(text.charCodeAt(i - 3));
  }
  if (!isLower(prev) && prev !== 41) return false;
  if (keep?.has(wordAt(text, i))) return false;
  let begin = i - (prev === 41 ? 1 : 0);
  while (begin > 0 && isLetter(text.charCodeAt(begin - 1))) begin--;
  const leftLength = i - (prev === 41 ? 1 : 0) - begin;
  if (isLower(next)) {
    // "Draw bloodRoom patients". Short halves are usually one name ("iPhone", "NextGen"), but not
    // after a job board's field label ("Job TypeFull-time").
    if (leftLength < 3) return false;
    if (FIELD_LABELS.has(text.slice(begin, begin + leftLength).toLowerCase())) return true;
    const right = runLength(text, i + 1, isLower) + 1;
    return !(isUpper(text.charCodeAt(begin)) && leftLength <= 5 && right <= 6);
  }
  // "diplomaCCMA or RMA": an abbreviation glued to a lowercase word.
  const caps = runLength(text, i, isUpper);
  return (
    caps >= 2 &&
    runLength(text, begin, isLower) === leftLength &&
    leftLength >= 3 &&
    !isLetter(text.charCodeAt(i + caps))
  );
}

/**
 * Two characters around a possible seam (a lowercase letter, ")" or sentence end, then a capital; or
 * a lowercase letter, then a digit), in the Latin-1 classes of isLower and isUpper. Neither second
 * character can start a candidate, so consuming it hides none.
 */
const SEAM_CANDIDATE =
  /[a-z\u00df-\u00f6\u00f8-\u00ff).!?][A-Z\u00c0-\u00d6\u00d8-\u00de]|[a-z\u00df-\u00f6\u00f8-\u00ff][0-9]/g;

/** Words with inner capitals that are names, not two glued lines ("NextGen", "eClinicalWorks"). */
export interface RepairOptions {
  protectedWords?: ReadonlySet<string>;
}

/**
 * Re-splits list items glued together when a page lost its line breaks: "Draw bloodRoom patients"
 * → "Draw blood\nRoom patients", "records.Assisting" → "records.\nAssisting".
 */
export function repairGluedLines(text: string, options: RepairOptions = {}): string {
  const keep = options.protectedWords;
  // Pieces joined once at the end: a string built by += is a chain of concatenations, which the
  // tokenizer's first character read would flatten (a tenth of its time).
  const out: string[] = [];
  let last = 0;
  // The regex finds the few places a seam can be (isGlueSeam's first tests) far faster than a char loop.
  // One regex for every call (a copy per call would be a construction each time).
  SEAM_CANDIDATE.lastIndex = 0;
  for (let m = SEAM_CANDIDATE.exec(text); m !== null; m = SEAM_CANDIDATE.exec(text)) {
    const i = m.index + 1;
    if (isGlueSeam(text, i, keep)) {
      out.push(text.slice(last, i), '\n');
      last = i;
    }
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** How many glued dashes make a line a run of list items ("Medical Assistant- Certified" is a name). */
const GLUED_DASH_ITEMS = 2;

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** Whether the dash at k touches the word before it and spaces lead to a capital. */
function isGluedDash(text: string, k: number): boolean {
  if (k === 0) return false;
  const before = text.charCodeAt(k - 1);
  if (isSpaceOrTab(before) || before === 10 || before === 58 || isDash(before)) return false;
  let j = k + 1;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  return isUpper(text.charCodeAt(j));
}

/**
 * Re-splits a list whose items a page ran into one line, each dash glued to the item before it:
 * "Qualifications:- High school diploma or GED- Prior experience- Excellent customer service" →
 * one item a line. A line needs two such dashes: one is more often a name or a range. (Found by
 * indexOf, not a regex: hyphens are common and almost none is followed by a space.)
 */
export function splitDashedItems(text: string): string {
  // Hyphens only: pages that run a list together write its markers as "-" (en and em dashes glued
  // to a word are ranges and asides, and one more scan of every posting).
  const seams: number[] = [];
  for (let k = text.indexOf('- '); k !== -1; k = text.indexOf('- ', k + 1))
    if (isGluedDash(text, k)) seams.push(k);
  if (seams.length < GLUED_DASH_ITEMS) return text;
  const out: string[] = []; // joined once (see repairGluedLines)
  let last = 0;
  for (let g = 0; g < seams.length; ) {
    let lineEnd = text.indexOf('\n', seams[g]!);
    if (lineEnd === -1) lineEnd = text.length;
    let h = g;
    while (h < seams.length && seams[h]! < lineEnd) h++;
    if (h - g >= GLUED_DASH_ITEMS) {
      for (let k = g; k < h; k++) {
        out.push(text.slice(last, seams[k]), '\n');
        last = seams[k]!;
      }
    }
    g = h;
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** How long a line must be (from its first non-space) to be a fixed-width document's wrapped line. */
const WRAPPED_LINE_MIN = 60;

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether a line starts with a lettered list marker ("g) Follow up…", "b. Room patients"). */
function isLetteredItem(text: string, at: number): boolean {
  const mark = text.charCodeAt(at + 1);
  return (mark === 41 || mark === 46) && isSpaceOrTab(text.charCodeAt(at + 2));
}

/**
 * Re-joins sentences a document wrapped at a fixed width (a PDF or a form pasted as text): a long
 * line that stops mid-sentence (on a letter, digit, comma or semicolon), then a line that goes on
 * in lowercase ("…willingness to obtain within 3\n   months of employment"). Short lines are left
 * alone: a list of lowercase items is not a wrapped sentence.
 */
export function unwrapLines(text: string): string {
  const out: string[] = []; // joined once (see repairGluedLines)
  let last = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let from = lineStart;
    lineStart = nl + 1;
    while (from < nl && isSpaceOrTab(text.charCodeAt(from))) from++;
    let end = nl - 1;
    while (end > from && isSpaceOrTab(text.charCodeAt(end))) end--;
    if (end - from + 1 < WRAPPED_LINE_MIN) continue;
    const tail = text.charCodeAt(end);
    if (!(isLetter(tail) || isDigit(tail) || tail === 44 || tail === 59)) continue;
    let next = nl + 1;
    while (next < text.length && isSpaceOrTab(text.charCodeAt(next))) next++;
    if (!isLower(text.charCodeAt(next)) || isLetteredItem(text, next)) continue;
    out.push(text.slice(last, nl), ' ');
    last = nl + 1;
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

export interface NormalizeOptions extends RepairOptions {}

const ODD_CHARS =
  /\r\n?|[\u200b-\u200d\ufeff\u2060\u00a0\u2000-\u200a\u202f\u205f\u3000\u0000-\u0009\u000b-\u001f\u007f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff\u2060]/;

/** Stage 1 for text input: line endings, odd spaces, markup pasted as text, glued list items. */
export function normalizeText(raw: string, options: NormalizeOptions = {}): string {
  // One pass for odd characters: CRLF and CR become newlines, zero-width marks go, other spaces and
  // control characters (none carry meaning in a posting) become plain spaces.
  let text = raw.replace(ODD_CHARS, (ch) =>
    ch === '\r\n' || ch === '\r' ? '\n' : ZERO_WIDTH.test(ch) ? '' : ' ',
  );
  if (looksLikeHtml(text)) text = htmlToText(text, { preserveNewlines: true });
  text = unwrapLines(splitDashedItems(repairGluedLines(text, options)));
  return collapseWhitespace(text).trim();
}

/**
 * Runs of spaces, trailing spaces and more than one blank line, in one pass: a space run before a
 * newline or the end goes, a longer one becomes one space, three or more newlines become two. The
 * runs are found by indexOf for "  ", " \n" and "\n\n\n", each searched again only once passed.
 */
export function collapseWhitespace(text: string): string {
  const n = text.length;
  const out: string[] = []; // joined once (see repairGluedLines)
  let last = 0;
  let doubleSpace = text.indexOf('  ');
  let spaceNewline = text.indexOf(' \n');
  let newlines = text.indexOf('\n\n\n');
  // A lone space at the very end (a longer final run is found as a double space).
  const finalSpace = n > 0 && text.charCodeAt(n - 1) === 32 ? n - 1 : -1;
  for (let from = 0; ; ) {
    if (doubleSpace !== -1 && doubleSpace < from) doubleSpace = text.indexOf('  ', from);
    if (spaceNewline !== -1 && spaceNewline < from) spaceNewline = text.indexOf(' \n', from);
    if (newlines !== -1 && newlines < from) newlines = text.indexOf('\n\n\n', from);
    let i = n;
    if (doubleSpace !== -1) i = doubleSpace;
    if (spaceNewline !== -1 && spaceNewline < i) i = spaceNewline;
    if (newlines !== -1 && newlines < i) i = newlines;
    if (finalSpace >= from && finalSpace < i) i = finalSpace;
    if (i === n) break;
    // Each candidate starts its run: an earlier character of the same run would have matched first.
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < n && text.charCodeAt(j) === c) j++;
    if (c === 32 && (j === n || text.charCodeAt(j) === 10)) {
      out.push(text.slice(last, i));
      last = j;
    } else if (j - i >= (c === 32 ? 2 : 3)) {
      out.push(text.slice(last, i), c === 32 ? ' ' : '\n\n');
      last = j;
    }
    from = j;
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** Stage 1 for HTML input. */
export function normalizeHtml(html: string, options: NormalizeOptions = {}): string {
  return normalizeText(htmlToText(html), options);
}
