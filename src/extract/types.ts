import type { Category, Level } from '../lexicon/index.js';

export type { Category, Level };

/** What the engine reads: plain text, or HTML that it turns into text first. */
export type PostingInput = { text: string; html?: undefined } | { html: string; text?: undefined };

/** Where a concept was found: offsets are UTF-16 indices into `Analysis.text`. */
export interface Evidence {
  start: number;
  end: number;
  /** `analysis.text.slice(start, end)`. */
  text: string;
  /** The clause the evidence stands in, for display. */
  sentence: string;
  /** The level this mention states (the concept's level is the strongest of its mentions). */
  level: Level;
  /** The section of the posting it stands in ("requirements", "responsibilities", "title"…). */
  section: string;
}

export interface FoundConcept {
  id: string;
  category: Category;
  label: string;
  /** The strongest level the posting states it at: required > preferred > duty. */
  level: Level;
  evidence: Evidence[];
}

export type EmploymentType = 'full-time' | 'part-time' | 'per-diem' | 'temporary';

export interface Pay {
  min: number | null;
  max: number | null;
  period: 'hour' | 'year';
}

export interface Attributes {
  /** Smallest number of years of experience asked for (required or preferred); null when none. */
  experienceYears: number | null;
  employmentType: EmploymentType | null;
  pay: Pay | null;
  /** Days after hire a required credential may be obtained in. */
  certWindowDays: number | null;
  title: string | null;
  location: string | null;
  /** Specialty concept ids the job is in (the same ids as in `concepts`). */
  specialties: string[];
}

/** The engine's output; the CLI prints exactly this and the API returns it. */
export interface Analysis {
  lexiconVersion: string;
  concepts: FoundConcept[];
  attributes: Attributes;
  /** The normalised text that evidence offsets point into. */
  text: string;
}
