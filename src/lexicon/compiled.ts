// The compiled lexicon: what `npm run build` writes and the engine loads. Plain JSON.
import type { Category, CueKind, SectionKind, TrainingSource } from './schema.js';

/**
 * A pattern element: a stem (`w`), a lowercased word (`l`, for cue phrases where "needs" is not
 * "needed"), an exact case-sensitive word (`x`), or a gap of up to n words (`g`).
 */
export type CompiledElement = { w: string } | { l: string } | { x: string } | { g: number };
export type CompiledPattern = CompiledElement[];

export interface CompiledAlias {
  concept: string;
  also?: string[];
  /** The alias as written, for debugging and evidence notes. */
  text: string;
  patterns: CompiledPattern[];
  near?: CompiledPattern[];
  notNear?: CompiledPattern[];
  scope?: 'clause' | 'block';
  notAfter?: CompiledPattern[];
  notBefore?: CompiledPattern[];
  weak?: boolean;
}

export interface ConceptInfo {
  id: string;
  category: Category;
  label: string;
  description: string;
  subsumedBy?: string[];
  otherRole?: boolean;
  training: TrainingSource[];
}

export interface CompiledCue {
  kind: CueKind;
  dir: 'pre' | 'post';
  patterns: CompiledPattern[];
}

export interface CompiledLexicon {
  format: 1;
  name: string;
  version: string;
  /** Hash of the source files: a stale compiled file is rebuilt instead of used. */
  sourceHash: string;
  concepts: ConceptInfo[];
  aliases: CompiledAlias[];
  cues: CompiledCue[];
  headings: Array<{ kind: Exclude<SectionKind, 'title'>; patterns: CompiledPattern[] }>;
  settingWords: string[];
}
