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
const DROP_SELECTOR =
  'script, style, noscript, template, nav, footer, svg, iframe, object, head, form button';
const SUBHEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

export interface HtmlToTextOptions {
  /** Keep newlines inside text nodes (plain text that merely contains some tags). */
  preserveNewlines?: boolean;
}

/** HTML → text: blocks and list items become lines, sub-headings end with ":", entities decoded. */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const $ = loadCheerio().load(html);
  $(DROP_SELECTOR).remove();
  const parts: string[] = [];
  const newline = () => {
    if (parts.length && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(options.preserveNewlines ? data.replace(/[ \t\f\v]+/g, ' ') : data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as unknown as { name?: string; children: AnyNode[] };
    const tag = el.name?.toLowerCase() ?? '';
    const block = BLOCK_TAGS.has(tag);
    if (block) newline();
    if (tag === 'li') parts.push('- ');
    for (const child of el.children ?? []) walk(child);
    if (SUBHEADING_TAGS.has(tag)) {
      // A sub-heading is a section heading: give it the colon the section detector looks for.
      const last = parts.length - 1;
      if (last >= 0 && !/[:.!?]\s*$/.test(parts[last]!)) parts[last] = `${parts[last]!.trimEnd()}:`;
    }
    if (block) newline();
  };
  walk($.root()[0] as AnyNode);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

const TAG_RE = /<\/?(?:p|div|br|li|ul|ol|span|strong|b|em|h[1-6]|table|tr|td)\b[^>]*>/gi;

/** Plain text that carries HTML markup (pasted from a page source) is converted, keeping its lines. */
function looksLikeHtml(text: string): boolean {
  const tags = text.match(TAG_RE);
  return (tags?.length ?? 0) >= 3;
}

/** Words with inner capitals that are names, not two glued lines ("NextGen", "eClinicalWorks"). */
export interface RepairOptions {
  protectedWords?: ReadonlySet<string>;
}

const GLUE_RE = /([\p{Ll})])(\p{Lu}\p{Ll}+)/gu;

function wordAround(whole: string, offset: number, length: number): string {
  let end = offset + length;
  while (end < whole.length && /[\p{L}]/u.test(whole[end]!)) end++;
  let begin = offset;
  while (begin > 0 && /[\p{L}]/u.test(whole[begin - 1]!)) begin--;
  return whole.slice(begin, end);
}

/**
 * Re-splits list items glued together when a page lost its line breaks: "Draw bloodRoom patients"
 * → "Draw blood\nRoom patients", "records.Assisting" → "records.\nAssisting".
 */
export function repairGluedLines(text: string, options: RepairOptions = {}): string {
  const keep = options.protectedWords;
  let out = text.replace(GLUE_RE, (match, left: string, right: string, offset: number, whole: string) => {
    // The whole word around the seam, to test it against protected names.
    if (keep?.has(wordAround(whole, offset, match.length).toLowerCase())) return match;
    // The word left of the seam (the regex holds only its last character, to avoid backtracking).
    let begin = offset;
    while (begin > 0 && /\p{L}/u.test(whole[begin - 1]!)) begin--;
    const leftWord = whole.slice(begin, offset + (left === ')' ? 0 : 1));
    if (leftWord.length < 3) return match; // "eClinical", "iPhone", "McKesson"
    // Short capitalised halves are usually one brand name ("NextGen", "PowerChart").
    if (/^\p{Lu}/u.test(leftWord) && leftWord.length <= 5 && right.length <= 6) return match;
    return `${left}\n${right}`;
  });
  out = out.replace(/(\p{Ll}{2,}[.!?])(\p{Lu}\p{Ll})/gu, '$1\n$2');
  // "diplomaCCMA or RMA", "experience2 years": an abbreviation or a number glued to a word.
  out = out.replace(
    /(\p{Ll}{3,})(\p{Lu}{2,}\b)/gu,
    (m, left: string, right: string, offset: number, whole: string) =>
      keep?.has(wordAround(whole, offset, m.length).toLowerCase()) ? m : `${left}\n${right}`,
  );
  out = out.replace(/(\p{Ll}{4,})(\d{1,2}\+?\s+(?:years?|yrs?|months?)\b)/gu, '$1\n$2');
  return out;
}

export interface NormalizeOptions extends RepairOptions {}

/** Stage 1 for text input: line endings, odd spaces, markup pasted as text, glued list items. */
export function normalizeText(raw: string, options: NormalizeOptions = {}): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(/[\u200b-\u200d\ufeff\u2060]/g, '');
  text = text.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ');
  // Control characters other than newline carry no meaning in a posting.
  text = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
  if (looksLikeHtml(text)) text = htmlToText(text, { preserveNewlines: true });
  text = repairGluedLines(text, options);
  return text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Stage 1 for HTML input. */
export function normalizeHtml(html: string, options: NormalizeOptions = {}): string {
  return normalizeText(htmlToText(html), options);
}
