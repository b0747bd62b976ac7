// Plain constants shared by the runtime and the lexicon compiler (no zod here: the runtime must
// start fast).
export const CATEGORIES = ['admin', 'clinical', 'specialty', 'cert', 'edu', 'ehr', 'soft'] as const;
export type Category = (typeof CATEGORIES)[number];

export const LEVELS = ['required', 'preferred', 'duty'] as const;
export type Level = (typeof LEVELS)[number];

export const CUE_KINDS = [
  'required',
  'preferred',
  'duty',
  'negation',
  'waiver',
  'benefit',
  'neutral',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export const SECTION_KINDS = [
  'intro',
  'responsibilities',
  'requirements',
  'preferred',
  'compensation',
  'benefits',
  'about',
  'eeo',
  'conditions',
  'physical',
  'apply',
  // Work the job leaves to others: "What you will NOT do", "Not part of this role".
  'excluded',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number] | 'title';
