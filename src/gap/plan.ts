// A training plan across many postings: for each concept the profile lacks somewhere, what earning or
// learning it would do across the set — how many postings it meets an item of, how many knockouts it
// clears, how many postings it unlocks (no knockout left) and how many score points it adds in all.
// Each step is simulated by adding it to the profile and re-running the gap report, so the plan follows
// exactly the report's rules (any-of lists, windows, state credentials).
import type { Profile } from '../profile/schema.js';
import type { LexiconLike, TrainingInfo } from './lexicon-like.js';
import { type AnalysisLike, buildGapReport, type GapOptions, type GapReport } from './report.js';
import { cmp, EXPERIENCE_ID, SCORING_VERSION } from './scoring.js';

export type PlanPosting = AnalysisLike & {
  /** Shown in the plan's `postingIds`; postings without one are named by position (`#1`, `#2`…). */
  postingId?: string;
  /** The posting's state when known otherwise (a stored posting's `state`); see GapOptions.postingState. */
  postingState?: string | null;
};

export type PlanRanking = 'unlocks' | 'score';

export interface PlanOptions extends GapOptions {
  /** `unlocks` (default): postings unlocked first, then score added; `score`: score added first. */
  rankBy?: PlanRanking;
  /** Keep only the first N steps. */
  limit?: number;
}

export interface PlanStep {
  id: string;
  label: string;
  category: string;
  /** Postings where it is asked and not met today. */
  meets: number;
  /** Of those, postings where it is asked as required. */
  requiredIn: number;
  /** Postings where it removes at least one knockout. */
  clearsKnockouts: number;
  /** Postings with knockouts today that have none once it is held. */
  unlocks: number;
  /** Score points it adds, summed over the postings. */
  scoreGain: number;
  /** scoreGain / number of postings, to 0.1. */
  averageScoreGain: number;
  summary: string;
  training: TrainingInfo[];
  /** The postings it meets an item of. */
  postingIds: string[];
}

export interface TrainingPlan {
  scoringVersion: string;
  lexiconVersion: string;
  rankBy: PlanRanking;
  postings: number;
  /** Where the profile stands before any step. */
  current: { averageScore: number; knockedOut: number; experienceShort: number };
  steps: PlanStep[];
}

export function buildTrainingPlan(
  postings: readonly PlanPosting[],
  profile: Profile,
  lexicon: LexiconLike,
  options: PlanOptions,
): TrainingPlan {
  const ids = postings.map((p, i) => p.postingId ?? `#${i + 1}`);
  const gapOptions = postings.map(
    (p): GapOptions => ({ today: options.today, postingState: p.postingState ?? null }),
  );
  const before = postings.map((p, i) => buildGapReport(p, profile, lexicon, gapOptions[i]!));

  const candidates = new Set<string>();
  for (const r of before) for (const m of r.missing) if (m.id !== EXPERIENCE_ID) candidates.add(m.id);

  const steps: PlanStep[] = [];
  for (const id of [...candidates].sort()) {
    const withIt = addHolding(profile, id, options.today);
    const step: PlanStep = {
      id,
      label: lexicon.conceptById.get(id)?.label ?? id,
      category: lexicon.conceptById.get(id)?.category ?? id.split('.')[0] ?? '',
      meets: 0,
      requiredIn: 0,
      clearsKnockouts: 0,
      unlocks: 0,
      scoreGain: 0,
      averageScoreGain: 0,
      summary: '',
      training: lexicon.conceptById.get(id)?.training ?? [],
      postingIds: [],
    };
    postings.forEach((posting, i) => {
      const was = before[i]!;
      const now = buildGapReport(posting, withIt, lexicon, gapOptions[i]!);
      if (now.missing.length < was.missing.length) {
        step.meets += 1;
        step.postingIds.push(ids[i]!);
        if (requiredMissing(was) > requiredMissing(now)) step.requiredIn += 1;
      }
      if (now.knockouts.length < was.knockouts.length) step.clearsKnockouts += 1;
      if (was.knockouts.length > 0 && now.knockouts.length === 0) step.unlocks += 1;
      step.scoreGain += now.score - was.score;
    });
    step.averageScoreGain =
      postings.length === 0 ? 0 : Math.round((10 * step.scoreGain) / postings.length) / 10;
    step.summary = summarize(step, postings.length);
    if (step.meets > 0) steps.push(step);
  }

  const rankBy = options.rankBy ?? 'unlocks';
  steps.sort((a, b) =>
    rankBy === 'unlocks'
      ? b.unlocks - a.unlocks ||
        b.clearsKnockouts - a.clearsKnockouts ||
        b.scoreGain - a.scoreGain ||
        b.meets - a.meets ||
        cmp(a.id, b.id)
      : b.scoreGain - a.scoreGain ||
        b.unlocks - a.unlocks ||
        b.clearsKnockouts - a.clearsKnockouts ||
        b.meets - a.meets ||
        cmp(a.id, b.id),
  );

  const n = postings.length;
  return {
    scoringVersion: SCORING_VERSION,
    lexiconVersion: lexicon.version,
    rankBy,
    postings: n,
    current: {
      averageScore: n === 0 ? 0 : Math.round((10 * before.reduce((s, r) => s + r.score, 0)) / n) / 10,
      knockedOut: before.filter((r) => r.knockouts.length > 0).length,
      experienceShort: before.filter((r) => r.knockouts.some((k) => k.id === EXPERIENCE_ID)).length,
    },
    steps: options.limit !== undefined ? steps.slice(0, options.limit) : steps,
  };
}

/** The profile with `id` held: a credential earned today (for the profile's state), or a concept `has`. */
export function addHolding(profile: Profile, id: string, today: string): Profile {
  if (id.startsWith('cert.')) {
    return {
      ...profile,
      credentials: [
        ...profile.credentials.filter((c) => c.id !== id),
        { id, earned: today, ...(profile.state ? { state: profile.state } : {}) },
      ],
    };
  }
  return { ...profile, concepts: { ...profile.concepts, [id]: 'has' } };
}

function requiredMissing(report: GapReport): number {
  return report.missing.filter((m) => m.level === 'required').length;
}

function summarize(step: PlanStep, total: number): string {
  const of = `${step.meets} of ${total} posting${total === 1 ? '' : 's'}`;
  const head =
    step.category === 'cert'
      ? `Earning ${step.label} meets the credential requirement of ${of}`
      : step.category === 'edu'
        ? `Completing ${step.label} meets the education item of ${of}`
        : `Adding ${step.label} meets an item asked in ${of}`;
  const knock =
    step.clearsKnockouts > 0
      ? `; it clears a knockout in ${step.clearsKnockouts}${step.unlocks > 0 ? ` and leaves ${step.unlocks} with none` : ''}`
      : '';
  return `${head}${knock} (+${step.scoreGain} score points in all).`;
}
