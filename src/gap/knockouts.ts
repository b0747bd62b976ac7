// Knockouts: what rules a person out of a posting whatever the score. Only `required` items knock out:
// a credential the person lacks (an any-of list counts once; a missing credential the posting lets new
// hires obtain within a window is a gap, not a knockout), years of experience short, and a state
// credential held for another state.
import type { Analysis } from '../extract/types.js';
import type { LexiconLike } from './lexicon-like.js';
import type { Requirement } from './scoring.js';
import { EXPERIENCE_ID } from './scoring.js';

export interface Knockout {
  id: string;
  reason: string;
  /** For an any-of list: every credential that would clear it. */
  anyOf?: string[];
}

/** How a requirement fares against a profile (see report.ts). */
export interface Evaluated {
  req: Requirement;
  met: boolean;
  /** id → the held concept that meets it, when another one does. */
  satisfiedBy: Map<string, string>;
  /** id → why it is not met though something like it is held (expired, another state). */
  notes: Map<string, string>;
  /** The states a state credential is held for, when only for other states than the posting's. */
  otherStates: string[];
  /** A missing credential the posting lets new hires obtain within `certWindowDays`. */
  windowDays: number | null;
}

const WINDOW_WORDING =
  /\b(within|obtain(?:ed)?|acquire[ds]?|willing(?:ness)? to|after (?:date of )?(?:hire|start)|of (?:hire|start|employment))\b/i;

/**
 * Whether a missing credential may be obtained after hire. The window is one attribute of the whole
 * posting, so it applies to the credentials whose own sentence speaks of obtaining it later; when no
 * required credential's sentence does, it applies to all of them.
 */
export function windowFor(
  req: Requirement,
  analysis: Pick<Analysis, 'concepts' | 'attributes'>,
): number | null {
  const days = analysis.attributes.certWindowDays;
  if (days == null || req.category !== 'cert' || req.level !== 'required') return null;
  const mentions = (sentences: string[]): boolean => sentences.some((s) => WINDOW_WORDING.test(s));
  const sentencesOf = (ids: string[]): string[] =>
    analysis.concepts.filter((c) => ids.includes(c.id)).flatMap((c) => c.evidence.map((e) => e.sentence));
  if (mentions(sentencesOf(req.ids))) return days;
  const requiredCerts = analysis.concepts.filter((c) => c.category === 'cert' && c.level === 'required');
  return mentions(sentencesOf(requiredCerts.map((c) => c.id))) ? null : days;
}

export function knockoutsOf(
  evaluated: readonly Evaluated[],
  profileYears: number,
  postingState: string | null,
  lexicon: LexiconLike,
): Knockout[] {
  const label = (id: string): string => lexicon.conceptById.get(id)?.label ?? id;
  const out: Knockout[] = [];
  for (const e of evaluated) {
    const { req } = e;
    if (e.met || req.level !== 'required') continue;
    if (req.key === EXPERIENCE_ID) {
      out.push({
        id: EXPERIENCE_ID,
        reason: `asks for ${fmtYears(req.years ?? 0)} of experience; the profile has ${fmtYears(profileYears)}`,
      });
      continue;
    }
    if (req.category !== 'cert' || e.windowDays !== null) continue;
    if (req.ids.length > 1) {
      out.push({
        id: req.key,
        reason: `requires one of ${req.ids.map(label).join(', ')}; the profile holds none of them`,
        anyOf: [...req.ids],
      });
      continue;
    }
    const note = e.notes.get(req.key);
    if (e.otherStates.length > 0) {
      out.push({
        id: req.key,
        reason: `requires ${label(req.key)} in ${postingState}; the profile's is for ${e.otherStates.join(', ')}`,
      });
    } else if (note) {
      out.push({ id: req.key, reason: `requires ${label(req.key)}; the profile's ${note}` });
    } else {
      out.push({ id: req.key, reason: `requires ${label(req.key)}, which the profile does not hold` });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function fmtYears(years: number): string {
  const n = Math.round(years * 100) / 100;
  return `${n} year${n === 1 ? '' : 's'}`;
}
