export { hashContent, type RawFormat } from './content-hash.js';
export {
  hashPostingInput,
  type NewPostingInput,
  type PostingDescription,
  type PostingMeta,
  type PreparedPosting,
  postingInputOf,
  preparePosting,
  rawOf,
} from './prepare-posting.js';
export { type ReanalyzeResult, reanalyzePostings } from './reanalyze-postings.js';
export { deriveState, isStateCode } from './us-state.js';
