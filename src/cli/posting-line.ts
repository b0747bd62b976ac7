// One line of a postings .jsonl file, read the same way by every command that takes one
// (`analyze --jsonl`, `plan`): {"id","text"}, {"id","html"}, or the corpus' {"id","format","text"}.
import type { PostingInput } from '../extract/index.js';
import { looksBinary } from './read-input.js';

export type PostingLine =
  | { ok: true; id: string | number | null; input: PostingInput }
  | { ok: false; error: string };

const SHAPE = 'expected an object {"id", "text"} or {"id", "html"}';

/** Decodes one non-blank line; a bad one gives the reason, in a few words, instead of throwing. */
export function decodePostingLine(line: string): PostingLine {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { ok: false, error: SHAPE };
  const { id, text, html, format } = record as Record<string, unknown>;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number')
    return { ok: false, error: '"id" must be a string or a number' };
  if (format !== undefined && format !== 'text' && format !== 'html')
    return { ok: false, error: '"format" must be "text" or "html"' };
  if (typeof text === 'string' && typeof html === 'string')
    return { ok: false, error: 'give "text" or "html", not both' };
  const body = typeof html === 'string' ? html : text;
  if (typeof body !== 'string') return { ok: false, error: 'needs a "text" or "html" string' };
  if (body.trim() === '') return { ok: false, error: 'empty posting' };
  if (looksBinary(body)) return { ok: false, error: 'posting looks like binary data' };
  const isHtml = typeof html === 'string' || format === 'html';
  return {
    ok: true,
    id: id ?? null,
    input: isHtml ? { html: body } : { text: body },
  };
}
