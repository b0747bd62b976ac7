// The compiled lexicon: what `npm run build` writes and the engine loads. Plain JSON.
import type { Category, CueKind, SectionKind } from './constants.js';
import type { TrainingSource } from './schema.js';
import type { StoredTrie } from './trie.js';

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
}

export interface CompiledLexicon {
  format: 4;
  name: string;
  version: string;
  /** Hash of the source files: a stale compiled file is rebuilt instead of used. */
  sourceHash: string;
  concepts: ConceptInfo[];
  aliases: CompiledAlias[];
  cues: CompiledCue[];
  headingKinds: Array<Exclude<SectionKind, 'title'>>;
  /** Owners are indices into aliases / cues / headingKinds. */
  tries: { concept: StoredTrie; cue: StoredTrie; heading: StoredTrie };
  /** Stems of the nouns that place a weak specialty ("dermatology clinic"). */
  settingWords: string[];
  /** Names with inner capitals that glued-line repair must not split ("NextGen"). */
  protectedWords: string[];
  /** Informal shorthand → the word it stands for ("pts" → "patients"), both normalised. */
  shorthand: Record<string, string>;
  /** Every word of the tries and phrase lists, in id order (see matcher.ts). */
  vocabulary: string[];
  /** How many word patterns the aliases expanded to. */
  patternCount: number;
}
