// Turns what a client sends into what gets stored: the analysis plus the columns analytics filter on.
import { analyzePosting } from '../extract/index.js';
import type { Analysis, PostingInput } from '../extract/types.js';
import type { Lexicon } from '../lexicon/index.js';
import { hashContent, type RawFormat } from './content-hash.js';
import { deriveState } from './us-state.js';

/** What describes a posting besides its text: stored as columns, which analytics filter on. */
export interface PostingDescription {
  source: string | null;
  title: string | null;
  employer: string | null;
  location: string | null;
  state: string | null;
  /** YYYY-MM-DD (a client's full ISO timestamp is cut to its date). */
  postedDate: string | null;
}

/** Descriptive fields a client may send with a posting; all optional. */
export type PostingMeta = Partial<PostingDescription>;

export type NewPostingInput = PostingInput & PostingMeta;

/** Everything the repository needs to write one posting. */
export interface PreparedPosting extends PostingDescription {
  format: RawFormat;
  raw: string;
  contentHash: string;
  analysis: Analysis;
}

export function rawOf(input: PostingInput): { format: RawFormat; raw: string } {
  return input.html !== undefined ? { format: 'html', raw: input.html } : { format: 'text', raw: input.text };
}

export function postingInputOf(format: RawFormat, raw: string): PostingInput {
  return format === 'html' ? { html: raw } : { text: raw };
}

/** The content hash alone, so a duplicate can be answered without running the engine. */
export function hashPostingInput(input: PostingInput): string {
  const { format, raw } = rawOf(input);
  return hashContent(format, raw);
}

export function preparePosting(input: NewPostingInput, lexicon: Lexicon): PreparedPosting {
  const { format, raw } = rawOf(input);
  const analysis = analyzePosting(postingInputOf(format, raw), lexicon);
  const location = blankToNull(input.location) ?? analysis.attributes.location;
  return {
    source: blankToNull(input.source),
    title: blankToNull(input.title) ?? analysis.attributes.title,
    employer: blankToNull(input.employer),
    location,
    state: blankToNull(input.state)?.toUpperCase() ?? deriveState(location),
    postedDate: blankToNull(input.postedDate)?.slice(0, 10) ?? null,
    format,
    raw,
    contentHash: hashContent(format, raw),
    analysis,
  };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
