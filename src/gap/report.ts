// The gap report for one posting: score, breakdown, knockouts, what is met (with the posting's evidence)
// and what is missing (with the lexicon's training, ordered by impact). Pure and deterministic: the same
// analysis, profile, lexicon and `today` give the same report, byte for byte.
import type { Analysis, Evidence, Level } from '../extract/types.js';
import { deriveState } from '../postings/us-state.js';
import type { Profile } from '../profile/schema.js';
import { type Holdings, resolveHoldings, satisfies } from './holdings.js';
import { type Evaluated, fmtYears, type Knockout, knockoutsOf, windowFor } from './knockouts.js';
import type { LexiconLike, TrainingInfo } from './lexicon-like.js';
import {
  type BreakdownCategory,
  cmp,
  EXPERIENCE_ID,
  impactOf,
  LEVEL_ORDER,
  percent,
  type Requirement,
  requirementsOf,
  SCORING_VERSION,
} from './scoring.js';

export interface GapOptions {
  /** `YYYY-MM-DD`: credentials that expired before it count as missing. */
  today: string;
  /**
   * The posting's two-letter state when known otherwise (a stored posting's `state`); by default it is
   * read from `analysis.attributes.location`.
   */
  postingState?: string | null;
}

export interface MetItem {
  id: string;
  level: Level;
  evidence: Evidence[];
  /** The held concept that meets it when that is not the id itself (another MA certification). */
  satisfiedBy?: string;
}

export interface MissingItem {
  id: string;
  level: Level;
  /** Score points meeting it would add (its share of the total weight, to 0.1). */
  impact: number;
  training: TrainingInfo[];
  /** An any-of list: earning any one of these meets it. */
  anyOf?: string[];
  /** The profile marks it `learning`: on the way, not yet met. */
  learning?: true;
  /** A credential that may be obtained within this many days of hire (a gap, not a knockout). */
  windowDays?: number;
  /** Why something held does not count (expired, another state), or the window. */
  note?: string;
}

export interface CategoryScore {
  score: number;
  met: number;
  total: number;
}

export interface GapReport {
  scoringVersion: string;
  lexiconVersion: string;
  score: number;
  breakdown: Partial<Record<BreakdownCategory, CategoryScore>>;
  knockouts: Knockout[];
  met: MetItem[];
  missing: MissingItem[];
}

export type AnalysisLike = Pick<Analysis, 'lexiconVersion' | 'concepts' | 'attributes'>;

export function buildGapReport(
  analysis: AnalysisLike,
  profile: Profile,
  lexicon: LexiconLike,
  options: GapOptions,
): GapReport {
  const holdings = resolveHoldings(profile, options.today);
  const postingState = options.postingState ?? deriveState(analysis.attributes.location);
  const requirements = requirementsOf(analysis);
  const evaluated = requirements.map((req) => evaluate(req, holdings, profile, postingState, analysis));
  const totalWeight = requirements.reduce((sum, r) => sum + r.weight, 0);
  const metWeight = evaluated.reduce((sum, e) => sum + (e.met ? e.req.weight : 0), 0);

  const breakdown: GapReport['breakdown'] = {};
  const sums = new Map<BreakdownCategory, { metW: number; W: number; met: number; total: number }>();
  for (const e of evaluated) {
    const s = sums.get(e.req.category) ?? { metW: 0, W: 0, met: 0, total: 0 };
    s.W += e.req.weight;
    s.total += 1;
    if (e.met) {
      s.metW += e.req.weight;
      s.met += 1;
    }
    sums.set(e.req.category, s);
  }
  // requirementsOf sorts by category, so the breakdown's keys come out in category order.
  for (const [category, s] of sums)
    breakdown[category] = { score: percent(s.metW, s.W), met: s.met, total: s.total };

  const met: MetItem[] = [];
  const missing: MissingItem[] = [];
  for (const e of evaluated) {
    const { req } = e;
    if (req.key === EXPERIENCE_ID) {
      if (e.met) met.push({ id: EXPERIENCE_ID, level: req.level, evidence: [] });
      else missing.push(experienceGap(req, profile, totalWeight));
      continue;
    }
    for (const concept of req.concepts) {
      if (e.met) {
        const by = e.satisfiedBy.get(concept.id);
        met.push({
          id: concept.id,
          level: concept.level,
          evidence: concept.evidence,
          ...(by ? { satisfiedBy: by } : {}),
        });
        continue;
      }
      const note = [
        e.notes.get(concept.id),
        e.windowDays !== null ? `may be obtained within ${e.windowDays} days of hire` : undefined,
      ]
        .filter(Boolean)
        .join('; ');
      missing.push({
        id: concept.id,
        level: concept.level,
        impact: impactOf(req.weight, totalWeight),
        training: lexicon.conceptById.get(concept.id)?.training ?? [],
        ...(req.ids.length > 1 ? { anyOf: [...req.ids] } : {}),
        ...(holdings.learning.has(concept.id) ? { learning: true as const } : {}),
        ...(e.windowDays !== null ? { windowDays: e.windowDays } : {}),
        ...(note ? { note } : {}),
      });
    }
  }
  const levelRank = (l: Level): number => LEVEL_ORDER.indexOf(l);
  met.sort((a, b) => levelRank(a.level) - levelRank(b.level) || cmp(a.id, b.id));
  missing.sort((a, b) => b.impact - a.impact || levelRank(a.level) - levelRank(b.level) || cmp(a.id, b.id));

  return {
    scoringVersion: SCORING_VERSION,
    lexiconVersion: analysis.lexiconVersion,
    score: percent(metWeight, totalWeight),
    breakdown,
    knockouts: knockoutsOf(evaluated, profile.experienceYears, postingState, lexicon),
    met,
    missing,
  };
}

function evaluate(
  req: Requirement,
  holdings: Holdings,
  profile: Profile,
  postingState: string | null,
  analysis: AnalysisLike,
): Evaluated {
  const e: Evaluated = {
    req,
    met: false,
    satisfiedBy: new Map(),
    notes: new Map(),
    otherStates: [],
    windowDays: null,
  };
  if (req.key === EXPERIENCE_ID) {
    e.met = profile.experienceYears + 1e-9 >= (req.years ?? 0);
    return e;
  }
  const results = req.ids.map((id) => ({ id, s: satisfies(id, holdings, postingState) }));
  const hit = results.find((r) => r.s.met);
  if (hit) {
    e.met = true;
    // An any-of list (or cert.ma-any) met by an alternative: say which one.
    const by = hit.s.satisfiedBy ?? hit.id;
    for (const { id } of results) if (id !== by) e.satisfiedBy.set(id, by);
    return e;
  }
  for (const { id, s } of results) {
    if (s.note) e.notes.set(id, s.note);
    if (s.otherStates) e.otherStates.push(...s.otherStates);
  }
  e.windowDays = windowFor(req, analysis);
  return e;
}

function experienceGap(req: Requirement, profile: Profile, totalWeight: number): MissingItem {
  const short = Math.max(0, (req.years ?? 0) - profile.experienceYears);
  const months = Math.ceil(short * 12 - 1e-9);
  return {
    id: EXPERIENCE_ID,
    level: req.level,
    impact: impactOf(req.weight, totalWeight),
    training: [
      {
        title: 'Paid medical assistant work (an externship or entry-level role counts)',
        kind: 'on-the-job',
        provider: 'employers',
        length: { min: months, max: months, unit: 'months' },
      },
    ],
    note: `asks for ${fmtYears(req.years ?? 0)}; the profile has ${fmtYears(profile.experienceYears)}`,
  };
}
