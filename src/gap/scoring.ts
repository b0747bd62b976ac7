// The scoring rules. Any change that can change a score bumps SCORING_VERSION (reports carry it).
// Documented with a worked example in the README, "Job seekers".
import type { Analysis, FoundConcept, Level } from '../extract/types.js';
import { CATEGORIES } from '../lexicon/index.js';
import { MA_ANY, MA_CERTS } from './holdings.js';

export const SCORING_VERSION = '2';

/** Points a requirement is worth, by the level the posting states it at. */
export const WEIGHTS: Readonly<Record<Level, number>> = { required: 3, preferred: 2, duty: 1 };

export const LEVEL_ORDER: readonly Level[] = ['required', 'preferred', 'duty'];

/** The id and category of the years-of-experience requirement (an attribute, not a lexicon concept). */
export const EXPERIENCE_ID = 'experience';
/** Breakdown categories, in the order reports list them. */
export const BREAKDOWN_CATEGORIES = [...CATEGORIES, EXPERIENCE_ID] as const;
export type BreakdownCategory = (typeof BREAKDOWN_CATEGORIES)[number];

/**
 * One thing the posting asks for, scored once: a concept, the MA certifications it lists as
 * alternatives at one level ("CMA, RMA or CCMA required"), or the years of experience.
 */
export interface Requirement {
  /** The first id, for sorting. */
  key: string;
  ids: string[];
  category: BreakdownCategory;
  level: Level;
  weight: number;
  concepts: FoundConcept[];
  /** Years asked, for the experience requirement. */
  years?: number;
}

const isMaCert = (id: string): boolean => id === MA_ANY || MA_CERTS.includes(id);

/** The posting's requirements, in a fixed order (category, then key). */
export function requirementsOf(analysis: Pick<Analysis, 'concepts' | 'attributes'>): Requirement[] {
  const out: Requirement[] = [];
  const byId = [...analysis.concepts].sort((a, b) => cmp(a.id, b.id));
  const seen = new Set<string>();
  for (const level of LEVEL_ORDER) {
    const group = byId.filter((c) => c.level === level && isMaCert(c.id) && !seen.has(c.id));
    if (group.length < 2) continue;
    for (const c of group) seen.add(c.id);
    out.push({
      key: group[0]!.id,
      ids: group.map((c) => c.id),
      category: 'cert',
      level,
      weight: WEIGHTS[level],
      concepts: group,
    });
  }
  for (const c of byId) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({
      key: c.id,
      ids: [c.id],
      category: c.category,
      level: c.level,
      weight: WEIGHTS[c.level],
      concepts: [c],
    });
  }
  const years = analysis.attributes.experienceYears;
  if (years != null && years > 0) {
    out.push({
      key: EXPERIENCE_ID,
      ids: [EXPERIENCE_ID],
      category: EXPERIENCE_ID,
      level: 'required',
      weight: WEIGHTS.required,
      concepts: [],
      years,
    });
  }
  const catIndex = (c: BreakdownCategory): number => BREAKDOWN_CATEGORIES.indexOf(c);
  return out.sort((a, b) => catIndex(a.category) - catIndex(b.category) || cmp(a.key, b.key));
}

/** A whole-number percentage, rounded down, so 100 means everything is met. Nothing asked → 100. */
export function percent(met: number, total: number): number {
  return total === 0 ? 100 : Math.floor((100 * met) / total + 1e-9);
}

/** The points meeting a requirement would add: its share of the posting's total weight, to 0.1. */
export function impactOf(weight: number, totalWeight: number): number {
  return totalWeight === 0 ? 0 : Math.round((1000 * weight) / totalWeight) / 10;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
