export { analyzePosting } from './analyze.js';
export { htmlToText, normalizeHtml, normalizeText, repairGluedLines } from './normalize.js';
export { type Segmented, segmentText, type TokenizeOptions, TokenPool, tokenize } from './segment.js';
export type {
  Analysis,
  Attributes,
  EmploymentType,
  Evidence,
  FoundConcept,
  Pay,
  PostingInput,
} from './types.js';
