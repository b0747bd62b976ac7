// The part of the lexicon the gap code reads. The engine's `Lexicon` satisfies it; tests pass small
// hand-built ones.
import type { Category, TrainingSource } from '../lexicon/index.js';

/** A way to close a gap, as the lexicon lists it. */
export type TrainingInfo = TrainingSource;

export interface ConceptLike {
  id: string;
  category: Category;
  label: string;
  training: TrainingInfo[];
}

export interface LexiconLike {
  version: string;
  conceptById: ReadonlyMap<string, ConceptLike>;
}
