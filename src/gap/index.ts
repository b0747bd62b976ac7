// The gap between a job seeker's profile and postings: one report per posting, a plan across many.
export { IMPLIES, MA_ANY, MA_CERTS, STATE_CREDENTIALS } from './holdings.js';
export type { Knockout } from './knockouts.js';
export type { ConceptLike, LexiconLike, TrainingInfo } from './lexicon-like.js';
export {
  addHolding,
  buildTrainingPlan,
  type PlanOptions,
  type PlanPosting,
  type PlanRanking,
  type PlanStep,
  type TrainingPlan,
} from './plan.js';
export {
  buildGapReport,
  type CategoryScore,
  type GapOptions,
  type GapReport,
  type MetItem,
  type MissingItem,
} from './report.js';
export { EXPERIENCE_ID, SCORING_VERSION, WEIGHTS } from './scoring.js';
