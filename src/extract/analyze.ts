// The engine: a pipeline of pure stages over data passed in (the lexicon is an argument, never a
// module singleton). normalise → segment → match (mentions.ts) → level (levels.ts) → attributes.

import { CATEGORIES, type Level, type Lexicon } from '../lexicon/index.js';
import {
  type AttributeLine,
  extractEmploymentType,
  extractExperienceYears,
  extractLocation,
  extractPay,
  findCertWindow,
  parseCertWindow,
  parseFollowingWindow,
} from './attributes.js';
import { chartsInNamedEhr } from './charting.js';
import { findCues } from './cues.js';
import {
  describesOccupation,
  employerServicesSpan,
  isReferralTarget,
  levelOf,
  namesServiceLines,
  otherStaffSpan,
  placesJob,
  qualityAsked,
  specialtyAsked,
} from './levels.js';
import { findMentions, type Mention } from './mentions.js';
import { normalizeHtml, normalizeText } from './normalize.js';
import { type Clause, clauseBeside, firstWordOf, type Segmented, segmentText, TokenPool } from './segment.js';
import { sortSmall } from './sort-small.js';
import type { Analysis, Evidence, FoundConcept, PostingInput } from './types.js';

const RANK: Record<Level, number> = { required: 3, preferred: 2, duty: 1 };
const MAX_EVIDENCE = 20;
/** Singular setting nouns after a list of specialties: the list names one clinic's fields. */
const ONE_SETTING = new Set(['clinic', 'practice', 'office']);
/** How many specialties among an employer's services make them its service lines. */
const SERVICE_LINES = 2;
/** What charting in a named EHR states besides the system (see charting.ts). */
const CHARTING_CONCEPT = 'admin.ehr';

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

function clauseText(seg: Segmented, clause: Clause): string {
  const start = seg.tokens[clause.from]!.start;
  let end = seg.tokens[clause.to - 1]!.end;
  if (/[.!?)]/.test(seg.text[end] ?? '')) end++;
  return seg.text.slice(start, end);
}

/** Token objects reused from one posting's analysis to the next, per lexicon. */
const tokenPools = new WeakMap<Lexicon, TokenPool>();

/** Analyses one posting (or resume). Pure: the same input and lexicon give the same output. */
export function analyzePosting(input: PostingInput, lexicon: Lexicon): Analysis {
  const options = { protectedWords: lexicon.protectedWords };
  const text =
    typeof input.html === 'string'
      ? normalizeHtml(input.html, options)
      : normalizeText(input.text ?? '', options);
  let pool = tokenPools.get(lexicon);
  if (!pool) {
    pool = new TokenPool();
    tokenPools.set(lexicon, pool);
  }
  if (pool.busy) return analyzeSegmented(text, segmentText(text, lexicon), lexicon);
  pool.busy = true;
  try {
    return analyzeSegmented(text, segmentText(text, lexicon, { pool }), lexicon);
  } finally {
    pool.busy = false;
  }
}

/** Stages 4–6 over a segmented text; nothing of `seg` outlives the call (its tokens may be pooled). */
/** `compute` for a clause, worked out once per clause (the clause's mentions share it). */
function perClause<T>(compute: (c: Clause) => T): (c: Clause) => T {
  const known = new Map<number, T>();
  return (c) => {
    if (known.has(c.index)) return known.get(c.index) as T;
    const value = compute(c);
    known.set(c.index, value);
    return value;
  };
}

function analyzeSegmented(text: string, seg: Segmented, lexicon: Lexicon): Analysis {
  const cuesOf = perClause((c) => findCues(lexicon, seg.tokens, c));
  // A clause's text is every one of its mentions' evidence sentence: slice it once.
  const sentenceOf = perClause((c) => clauseText(seg, c));
  // A clause may be asked for its own window and for the one before it.
  const statedWindow = perClause((c) => parseCertWindow(sentenceOf(c)));
  const followingWindow = perClause((c) => parseFollowingWindow(sentenceOf(c)));
  // A credential's window is stated in its clause, or in the next one on its line ("CMAA or CCMA
  // (NHA) - required within 60 days of hire", where the dash parts the item from what is asked of it).
  const windowOf = (c: Clause) => {
    const next = clauseBeside(seg, c, 1);
    return statedWindow(c) ?? (next ? followingWindow(next) : null);
  };
  // Where a clause describes the employer's services (null: it does not).
  const employerSpan = perClause((c) => employerServicesSpan(seg, c));
  const othersSpan = perClause((c) => otherStaffSpan(seg, c));

  const mentions = findMentions(seg, lexicon);
  // Each clause's distinct specialties, in one pass over its mentions: those after the employer's
  // service verb ("a system with a cancer institute, a children's hospital…" names its service lines,
  // not the job's), and all it lists (an opening clause that lists three or more and no word of the
  // job is the employer's description, whatever its verb: "Our network includes a cancer center, a
  // heart institute, orthopedic and spine services…"). A list that names one clinic ("a busy
  // Cardiology, Pulmonology and Endocrinology clinic") is the job's setting: it lists none.
  // Whether a mention stands after the employer's service verb, within its description.
  const afterEmployerVerb = (c: Clause, start: number) => {
    const span = employerSpan(c);
    return span !== null && start > span.from && start < span.to;
  };
  const specialtiesOf = perClause((c) => {
    const listed = new Set<string>();
    const afterEmployer = new Set<string>();
    let oneClinic = false;
    for (const m of mentions) {
      if (m.clause !== c || m.info?.category !== 'specialty') continue;
      const last = seg.tokens[m.match.end - 1]!.word.norm;
      if (ONE_SETTING.has(last) || ONE_SETTING.has(seg.tokens[m.match.end]?.word.norm ?? ''))
        oneClinic = true;
      listed.add(m.concept);
      if (afterEmployerVerb(c, m.match.start)) afterEmployer.add(m.concept);
    }
    return { afterEmployer: afterEmployer.size, listed: oneClinic ? 0 : listed.size };
  });
  const listsServiceLines = (mention: Mention) => {
    const specialties = specialtiesOf(mention.clause);
    if (afterEmployerVerb(mention.clause, mention.match.start) && specialties.afterEmployer >= SERVICE_LINES)
      return true;
    return namesServiceLines(seg, mention.clause, specialties.listed);
  };

  const insideCredential = (mention: Mention) =>
    mentions.some(
      (m) =>
        m.clause === mention.clause &&
        m.info?.category === 'cert' &&
        m.match.start <= mention.match.start &&
        m.match.end >= mention.match.end,
    );

  // Work that is not the job's: the employer's services ("we offer X-rays on site") and other
  // staff's work ("Our schedulers book the surgeries").
  const notTheJobs = (mention: Mention) => {
    const employers = employerSpan(mention.clause);
    if (employers && mention.match.start < employers.to) return true;
    const others = othersSpan(mention.clause);
    return others !== null && mention.match.start >= others.from && mention.match.start < others.to;
  };

  interface Found {
    level: Level;
    evidence: Evidence[];
  }
  const found = new Map<string, Found>();
  let certWindowDays: number | null = null;

  const record = (id: string, level: Level, evidence: Evidence) => {
    let f = found.get(id);
    if (!f) {
      f = { level, evidence: [] };
      found.set(id, f);
    }
    if (RANK[level] > RANK[f.level]) f.level = level;
    if (f.evidence.length < MAX_EVIDENCE && !f.evidence.some((e) => e.start === evidence.start))
      f.evidence.push(evidence);
  };

  for (const mention of mentions) {
    const verdict = levelOf(mention, seg, lexicon, cuesOf);
    if (!verdict) continue;
    const concept = mention.info;
    if (!concept) continue;
    const category = concept.category;
    const first = seg.tokens[mention.match.start]!;
    const last = seg.tokens[mention.match.end - 1]!;
    let level: Level = verdict === 'given' ? 'duty' : verdict;
    const evidenceText = seg.text.slice(first.start, last.end);
    if (category === 'specialty') {
      if (first.section !== 'title' && listsServiceLines(mention)) continue;
      if (!specialtyAsked(seg, mention, cuesOf(mention.clause), insideCredential(mention))) level = 'duty';
      // A field named in passing, not asked as experience, must be placed by its words ("pediatric
      // clinic", "Pulmonary Medical Assistant") to be the job's.
      if (mention.alias.weak && !placesJob(mention, seg, lexicon, level)) continue;
      if (describesOccupation(seg, mention.clause)) continue;
      if (isReferralTarget(seg, mention)) continue;
    }
    if (category === 'cert') {
      // A credential is asked, never a duty: named in the title, or to be obtained within a window,
      // it is required; written as a proper name it names the job's credential; lowercase, it is
      // a generic job title ("clinical medical assistant") and asks nothing.
      const window = windowOf(mention.clause);
      if (window !== null) {
        level = 'required';
        certWindowDays ??= window;
      } else if (verdict === 'given') {
        continue;
      } else if (level === 'duty' && concept.otherRole) {
        continue;
      } else if (level === 'duty') {
        if (first.section !== 'title' && !/\p{Lu}/u.test(evidenceText)) continue;
        level = 'required';
      }
    }
    if (category === 'soft' && !qualityAsked(seg, mention)) continue;
    if ((category === 'admin' || category === 'clinical') && notTheJobs(mention)) continue;
    // Schooling is asked, never a duty: one that opens its own item or sentence states what is asked
    // ("High school diploma or equivalent" in a list that lost its heading); one mentioned in passing
    // ("staff who completed a program") asks nothing.
    if (category === 'edu' && level === 'duty') {
      if (mention.match.start !== firstWordOf(seg, mention.clause)) continue;
      level = 'required';
    }
    const evidence: Evidence = {
      start: first.start,
      end: last.end,
      text: evidenceText,
      sentence: sentenceOf(mention.clause),
      level,
      section: first.section,
    };
    record(mention.concept, level, evidence);
    if (mention.alias.also) for (const also of mention.alias.also) record(also, level, evidence);
    if (category === 'ehr' && chartsInNamedEhr(seg, mention) && !notTheJobs(mention))
      record(CHARTING_CONCEPT, level, evidence);
  }

  // Generic concepts give way to the specific ones ("MA certification" beside "CCMA"), unless the
  // specific one is asked less ("Medical assistant certification (NHA CCMA preferred)" requires
  // some certification and prefers one). (Map#forEach: no entry arrays or iterator results.)
  found.forEach((f, id) => {
    const subsumers = lexicon.conceptById.get(id)?.subsumedBy;
    if (!subsumers) return;
    for (const s of subsumers) {
      const specific = found.get(s);
      if (specific && RANK[specific.level] >= RANK[f.level]) {
        found.delete(id);
        return;
      }
    }
  });

  const concepts: FoundConcept[] = [];
  found.forEach((f, id) => {
    const info = lexicon.conceptById.get(id)!;
    concepts.push({
      id,
      category: info.category,
      label: info.label,
      level: f.level,
      evidence: sortSmall(f.evidence, (a, b) => a.start - b.start),
    });
  });
  sortSmall(
    concepts,
    (a, b) =>
      CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  // Lines say what the attributes are, each in the section of its first word after any label.
  const lines: AttributeLine[] = seg.lines.filter((l) => !l.blank);
  const title = seg.title ? seg.text.slice(seg.title.start, seg.title.end) : null;

  return {
    lexiconVersion: lexicon.version,
    concepts,
    attributes: {
      experienceYears: extractExperienceYears(lines),
      employmentType: extractEmploymentType(lines),
      pay: extractPay(lines),
      certWindowDays: certWindowDays ?? findCertWindow(lines),
      title,
      location: extractLocation(lines, title),
      specialties: concepts.filter((c) => c.category === 'specialty').map((c) => c.id),
    },
    text,
  };
}
