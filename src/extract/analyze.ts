// The engine: a pipeline of pure stages over data passed in (the lexicon is an argument, never a
// module singleton). normalise → segment → match → level → attributes.

import type { CompiledAlias, CompiledPattern, ConceptInfo } from '../lexicon/compiled.js';
import type { Lexicon } from '../lexicon/index.js';
import {
  CATEGORIES,
  type ContextTrie,
  contextTrie,
  type Level,
  lexiconMatcher,
  matchHasToken,
  matchTrie,
  stemWord,
  type TrieMatch,
} from '../lexicon/index.js';
import {
  type AttributeLine,
  extractEmploymentType,
  extractExperienceYears,
  extractLocation,
  extractPay,
  parseCertWindow,
} from './attributes.js';
import { type CueHit, findCues, governingCue } from './cues.js';
import { normalizeHtml, normalizeText } from './normalize.js';
import {
  type Clause,
  SEP_CLAUSE,
  SEP_COMMA,
  SEP_SOFT,
  type Segmented,
  segmentText,
  TokenPool,
} from './segment.js';
import { sortSmall } from './sort-small.js';
import type { Analysis, Evidence, FoundConcept, PostingInput } from './types.js';

/** Sections whose text never states what the job asks (benefits, the company, EEO, how to apply…). */
const SILENT_SECTIONS = new Set(['compensation', 'benefits', 'about', 'eeo', 'conditions', 'apply']);
const SECTION_LEVEL: Record<string, Level> = { requirements: 'required', preferred: 'preferred' };
const RANK: Record<Level, number> = { required: 3, preferred: 2, duty: 1 };
const MAX_EVIDENCE = 20;
/** Words that make a specialty mention a question of the candidate's experience. */
const EXPERIENCE_STEMS = new Set(
  ['experience', 'background', 'familiarity', 'knowledge', 'expertise', 'exposure'].map((w) => stemWord(w)),
);

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

/** Words besides the specialty on a qualification line that asks for it ("Dermatology a plus"). */
const MAX_OTHER_WORDS_OF_A_SPECIALTY_LINE = 2;

/** One accepted alias match, before levels. */
interface Mention {
  concept: string;
  /** The concept's entry (looked up once per alias, not per mention). */
  info: ConceptInfo | undefined;
  alias: CompiledAlias;
  match: TrieMatch;
  clause: Clause;
}

/**
 * The context phrases found in a posting's clauses and blocks, each range scanned once (on first
 * use) for every phrase list at the same time.
 */
class ContextScan {
  private readonly found = new Map<number, readonly TrieMatch[]>();
  private blockRanges: Map<number, [number, number]> | undefined;

  constructor(
    private readonly context: ContextTrie,
    private readonly seg: Segmented,
  ) {}

  /** The phrases of the clause, or (scope block) of its block, paragraph or list. */
  private phrasesIn(clause: Clause, block: boolean): readonly TrieMatch[] {
    const key = block ? -1 - clause.block : clause.index;
    let found = this.found.get(key);
    if (found === undefined) {
      const [from, to] = block ? this.blockRange(clause.block) : [clause.from, clause.to];
      found = matchTrie(this.context.trie, this.seg.tokens, from, to);
      this.found.set(key, found);
    }
    return found;
  }

  private blockRange(block: number): [number, number] {
    if (!this.blockRanges) {
      this.blockRanges = new Map();
      for (const c of this.seg.clauses) {
        const range = this.blockRanges.get(c.block);
        if (range) range[1] = c.to;
        else this.blockRanges.set(c.block, [c.from, c.to]);
      }
    }
    return this.blockRanges.get(block)!;
  }

  /** Whether a phrase of the list occurs in the clause (or its block). */
  contains(list: CompiledPattern[], clause: Clause, block: boolean): boolean {
    const n = this.context.listNumber.get(list)!;
    return this.phrasesIn(clause, block).some((m) => m.owners.includes(n));
  }

  /** Whether a phrase of the list ends right before token `end`, within the clause. */
  endsAt(list: CompiledPattern[], clause: Clause, end: number): boolean {
    const n = this.context.listNumber.get(list)!;
    const from = Math.max(clause.from, end - this.context.longest[n]!);
    return this.phrasesIn(clause, false).some(
      (m) => m.end === end && m.start >= from && m.owners.includes(n),
    );
  }

  /** Whether a phrase of the list starts at token `start`, within the clause. */
  startsAt(list: CompiledPattern[], clause: Clause, start: number): boolean {
    const n = this.context.listNumber.get(list)!;
    const to = Math.min(clause.to, start + this.context.longest[n]!);
    return this.phrasesIn(clause, false).some(
      (m) => m.start === start && m.end <= to && m.owners.includes(n),
    );
  }
}

/** An alias's context conditions (near, notNear, notAfter, notBefore). */
function conditionsHold(alias: CompiledAlias, scan: ContextScan, clause: Clause, match: TrieMatch): boolean {
  if (!alias.near && !alias.notNear && !alias.notAfter && !alias.notBefore) return true;
  const block = alias.scope === 'block';
  if (alias.near && !scan.contains(alias.near, clause, block)) return false;
  if (alias.notNear && scan.contains(alias.notNear, clause, block)) return false;
  if (alias.notAfter && scan.endsAt(alias.notAfter, clause, match.start)) return false;
  if (alias.notBefore && scan.startsAt(alias.notBefore, clause, match.end)) return false;
  return true;
}

/** What the aliases behind one trie output share, worked out once per lexicon. */
interface OwnerGroup {
  aliases: CompiledAlias[];
  /** Each alias's concept entry. */
  infos: Array<ConceptInfo | undefined>;
  /** Whether any alias has context conditions (then the group is filtered per match). */
  conditioned: boolean;
  categories: Set<string>;
  /** The same categories, as an array to loop over. */
  categoryList: string[];
  credential: boolean;
}

/** Keyed by the trie's owners arrays (one per trie node), so each node's group is built once. */
const ownerGroups = new WeakMap<Lexicon, Map<number[], OwnerGroup>>();

const categoryOf = (id: string) => id.slice(0, id.indexOf('.'));
const isCredential = (a: CompiledAlias) => a.concept.startsWith('cert.') || a.concept.startsWith('edu.');

function groupOf(lexicon: Lexicon, aliases: CompiledAlias[]): OwnerGroup {
  const categories = new Set(aliases.map((a) => categoryOf(a.concept)));
  return {
    aliases,
    infos: aliases.map((a) => lexicon.conceptById.get(a.concept)),
    conditioned: aliases.some((a) => a.near || a.notNear || a.notAfter || a.notBefore),
    categories,
    categoryList: [...categories],
    credential: aliases.some(isCredential),
  };
}

/** The owner groups of a lexicon (fetched once per posting; each group is built on first use). */
function ownerGroupsOf(lexicon: Lexicon): Map<number[], OwnerGroup> {
  let groups = ownerGroups.get(lexicon);
  if (!groups) {
    groups = new Map();
    ownerGroups.set(lexicon, groups);
  }
  return groups;
}

function ownerGroup(lexicon: Lexicon, groups: Map<number[], OwnerGroup>, owners: number[]): OwnerGroup {
  let group = groups.get(owners);
  if (!group) {
    group = groupOf(
      lexicon,
      owners.map((o) => lexicon.aliases[o]!),
    );
    groups.set(owners, group);
  }
  return group;
}

/** Longest first (most words, then the tighter span), then leftmost. */
function compareCandidates(a: TrieMatch, b: TrieMatch): number {
  return b.words - a.words || a.end - a.start - (b.end - b.start) || a.start - b.start;
}

/** How many of a's words are also b's (each match has a handful). */
function sharedTokens(a: TrieMatch, b: TrieMatch): number {
  let shared = 0;
  for (let t = a.start; t < a.end; t++) if (matchHasToken(a, t) && matchHasToken(b, t)) shared++;
  return shared;
}

/** Whether a longer, accepted match hides this one (see findMentions). */
function isBlocked(match: TrieMatch, group: OwnerGroup, accepted: readonly Candidate[]): boolean {
  for (const prior of accepted) {
    // Disjoint ranges share nothing (most pairs: no word list needed).
    if (match.end <= prior.match.start || prior.match.end <= match.start) continue;
    const shared = sharedTokens(match, prior.match);
    if (shared === 0) continue;
    if (shared === match.words && shared === prior.match.words) continue; // the same words
    if (shared < match.words || prior.group.credential) return true;
    for (const c of group.categoryList) if (prior.group.categories.has(c)) return true;
  }
  return false;
}

interface Candidate {
  match: TrieMatch;
  group: OwnerGroup;
}

/** Whether every word of the clause lies in a section that states nothing the job asks. */
function isSilent(seg: Segmented, clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++)
    if (!SILENT_SECTIONS.has(seg.tokens[i]!.section)) return false;
  return true;
}

/** Stage 4: alias matches per clause, context-checked, overlaps resolved longest-first. */
function findMentions(seg: Segmented, lexicon: Lexicon): Mention[] {
  const matcher = lexiconMatcher(lexicon);
  const mentions: Mention[] = [];
  const scan = new ContextScan(contextTrie(lexicon), seg);
  const groups = ownerGroupsOf(lexicon);
  const candidates: Candidate[] = [];
  const accepted: Candidate[] = [];
  for (const clause of seg.clauses) {
    // Benefits, the company, EEO text…: levelOf would drop every mention, so none is looked for.
    if (isSilent(seg, clause)) continue;
    const matches = matchTrie(matcher.concept, seg.tokens, clause.from, clause.to);
    if (matches.length === 0) continue;
    candidates.length = 0;
    for (const match of matches) {
      if (seg.tokens[match.start]!.heading) continue;
      let group = ownerGroup(lexicon, groups, match.owners);
      if (group.conditioned) {
        const aliases = group.aliases.filter((a) => conditionsHold(a, scan, clause, match));
        if (aliases.length === 0) continue;
        if (aliases.length < group.aliases.length) group = groupOf(lexicon, aliases);
      }
      candidates.push({ match, group });
    }
    if (candidates.length === 0) continue;
    sortSmall(candidates, (a, b) => compareCandidates(a.match, b.match));
    // Longest match wins, so "phlebotomy certification" hides its "phlebotomy". But a task phrase
    // that holds a concept of another category whole ("document vital signs") states both: inside a
    // longer match, a shorter one survives only as another kind of thing (the clinical "vital signs"
    // inside the admin "document vital signs", not the admin "medical record" inside the admin
    // "electronic medical record"), and nothing survives inside a credential.
    accepted.length = 0;
    for (const candidate of candidates) {
      const { match, group } = candidate;
      if (isBlocked(match, group, accepted)) continue;
      accepted.push(candidate);
      for (let k = 0; k < group.aliases.length; k++) {
        const alias = group.aliases[k]!;
        mentions.push({ concept: alias.concept, info: group.infos[k], alias, match, clause });
      }
    }
  }
  return mentions;
}

type Verdict = Level | null;

/** Stage 5: the level one mention states, or null when its text asks nothing of the candidate. */
function levelOf(mention: Mention, seg: Segmented, cuesOf: (c: Clause) => CueHit[]): Verdict {
  const token = seg.tokens[mention.match.start]!;
  if (SILENT_SECTIONS.has(token.section)) return null;
  const cue = governingCue(cuesOf(mention.clause), mention.match.start, mention.match.end);
  const sectionLevel: Level = SECTION_LEVEL[token.section] ?? 'duty';
  switch (cue?.kind) {
    case 'benefit':
      return null;
    case 'negation':
      return null; // waived: "certification not required" is not present (taxonomy)
    case 'waiver':
    case 'duty':
      return 'duty';
    case 'required':
      return 'required';
    case 'preferred':
      return 'preferred';
    default:
      return sectionLevel;
  }
}

/** Whether a weak (field-naming) specialty mention places the job in that field. */
function placesJob(mention: Mention, seg: Segmented, lexicon: Lexicon, level: Level): boolean {
  const first = seg.tokens[mention.match.start]!;
  if (first.section === 'title' || level !== 'duty') return true;
  if (/^\p{Lu}/u.test(first.word.surface) && first.sep !== SEP_CLAUSE) return true; // a department's name
  const next = seg.tokens[mention.match.end];
  return (
    !!next &&
    next.clause === mention.clause.index &&
    next.sep <= SEP_SOFT &&
    lexicon.settingWords.has(next.word.stem)
  );
}

const GENERIC_LEADS = new Set(['many', 'most', 'some', 'all']);
const GENERIC_ADVERBS = new Set([
  'typically',
  'usually',
  'often',
  'generally',
  'commonly',
  'can',
  'may',
  'also',
]);

/**
 * "Medical assistants work in physician offices, urgent care centers…": a job-description template's
 * sentence about the occupation, whose settings are not this job's specialty.
 */
function describesOccupation(seg: Segmented, clause: Clause): boolean {
  let i = clause.from;
  const norm = (k: number) => (k < clause.to ? seg.tokens[k]!.word.norm : '');
  if (GENERIC_LEADS.has(norm(i))) i++;
  if (norm(i) === 'medical') i++;
  if (norm(i) !== 'assistants' && norm(i) !== 'mas') return false;
  i++;
  if (GENERIC_ADVERBS.has(norm(i))) i++;
  return norm(i) === 'work' || (norm(i) === 'are' && norm(i + 1) === 'employed');
}

/** Words that turn an employer's "we" to the candidate: "we are looking for", "we need someone who…". */
const CANDIDATE_WORDS = new Set(
  'looking seeking seek need needs want wants hire hiring require requires expect value values welcome encourage you your candidate candidates applicant applicants someone individual individuals person who ideal'.split(
    ' ',
  ),
);

/** "We're working together to…", "we believe in exceeding expectations": the employer about itself. */
function saidByEmployer(seg: Segmented, mention: Mention): boolean {
  let we = false;
  for (let i = mention.clause.from; i < mention.match.start; i++) {
    const t = seg.tokens[i]!;
    const surface = t.word.surface.toLowerCase();
    if (surface === 'we' || surface === "we're" || surface === 'we’re') we = true;
    else if (we && CANDIDATE_WORDS.has(t.word.norm)) return false;
  }
  return we;
}

/** Nouns a quality can describe instead of the candidate: "a caring environment". */
const WORKPLACE_NOUNS = new Set(
  'environment environments atmosphere atmospheres culture cultures workplace workplaces setting settings'.split(
    ' ',
  ),
);
/** How many words (other adjectives, "and") may stand between the quality and the noun. */
const WORKPLACE_REACH = 3;

function describesWorkplace(seg: Segmented, mention: Mention): boolean {
  const { clause, match } = mention;
  const stop = Math.min(clause.to, match.end + WORKPLACE_REACH + 1);
  for (let i = match.end; i < stop; i++) {
    const t = seg.tokens[i]!;
    if (t.sep > SEP_COMMA) return false;
    if (WORKPLACE_NOUNS.has(t.word.norm)) return true;
  }
  return false;
}

function clauseHasStem(seg: Segmented, clause: Clause, stems: ReadonlySet<string>): boolean {
  for (let i = clause.from; i < clause.to; i++) if (stems.has(seg.tokens[i]!.word.stem)) return true;
  return false;
}

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
function analyzeSegmented(text: string, seg: Segmented, lexicon: Lexicon): Analysis {
  const cueCache = new Map<number, CueHit[]>();
  const cuesOf = (c: Clause) => {
    let cues = cueCache.get(c.index);
    if (!cues) {
      cues = findCues(lexicon, seg.tokens, c);
      cueCache.set(c.index, cues);
    }
    return cues;
  };

  // A clause's text is every one of its mentions' evidence sentence: slice it once.
  const sentences: Array<string | undefined> = new Array(seg.clauses.length).fill(undefined);
  const sentenceOf = (c: Clause) => {
    let sentence = sentences[c.index];
    if (sentence === undefined) {
      sentence = clauseText(seg, c);
      sentences[c.index] = sentence;
    }
    return sentence;
  };

  const windowClauses = new Map<number, number | null>();
  const windowOf = (c: Clause) => {
    if (!windowClauses.has(c.index)) windowClauses.set(c.index, parseCertWindow(sentenceOf(c)));
    return windowClauses.get(c.index) ?? null;
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

  for (const mention of findMentions(seg, lexicon)) {
    const verdict = levelOf(mention, seg, cuesOf);
    if (!verdict) continue;
    const concept = mention.info;
    if (!concept) continue;
    const category = concept.category;
    const first = seg.tokens[mention.match.start]!;
    const last = seg.tokens[mention.match.end - 1]!;
    let level = verdict;
    const evidenceText = seg.text.slice(first.start, last.end);
    if (category === 'specialty') {
      // A specialty is required/preferred only as experience asked for ("ophthalmic experience
      // required", or a qualification line that is little more than the specialty: "Dermatology a
      // plus"); otherwise the job is in it, even in a requirements list ("Women's Health Services
      // will train you…" names the employer).
      const { clause } = mention;
      const qualifying = first.section === 'requirements' || first.section === 'preferred';
      const asked =
        clauseHasStem(seg, clause, EXPERIENCE_STEMS) ||
        (qualifying && clause.to - clause.from - mention.match.words <= MAX_OTHER_WORDS_OF_A_SPECIALTY_LINE);
      if (!asked) level = 'duty';
      if (mention.alias.weak && !placesJob(mention, seg, lexicon, verdict)) continue;
      if (describesOccupation(seg, clause)) continue;
    }
    if (category === 'cert') {
      // A credential is asked, never a duty: named in the title, or to be obtained within a window,
      // it is required; written as a proper name it names the job's credential; lowercase, it is
      // a generic job title ("clinical medical assistant") and asks nothing.
      const window = windowOf(mention.clause);
      if (window !== null) {
        level = 'required';
        certWindowDays ??= window;
      } else if (level === 'duty' && concept.otherRole) {
        continue;
      } else if (level === 'duty') {
        if (first.section !== 'title' && !/\p{Lu}/u.test(evidenceText)) continue;
        level = 'required';
      }
    }
    // A quality is asked of the candidate, not claimed by the employer ("we're working together")
    // nor said of the workplace ("a warm, caring environment").
    if (category === 'soft' && (saidByEmployer(seg, mention) || describesWorkplace(seg, mention))) continue;
    // Schooling is asked, never a duty: one mentioned in passing ("staff who completed a program") asks nothing.
    if (category === 'edu' && level === 'duty') continue;
    const evidence: Evidence = {
      start: first.start,
      end: last.end,
      text: evidenceText,
      sentence: sentenceOf(mention.clause),
      level,
      section: first.section,
    };
    record(mention.concept, level, evidence);
    for (const also of mention.alias.also ?? []) record(also, level, evidence);
  }

  // Generic concepts give way to the specific ones ("MA certification" beside "CCMA").
  // (Map#forEach: no entry arrays or iterator results.)
  found.forEach((_f, id) => {
    const subsumers = lexicon.conceptById.get(id)?.subsumedBy;
    if (subsumers?.some((s) => found.has(s))) found.delete(id);
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
      certWindowDays,
      title,
      location: extractLocation(lines, title),
      specialties: concepts.filter((c) => c.category === 'specialty').map((c) => c.id),
    },
    text,
  };
}
