// Stage 5: the level each mention states, and the rules that decide whether it asks anything of
// the candidate at all.
import {
  type Level,
  type Lexicon,
  lexiconMatcher,
  matchTrie,
  type SectionKind,
  stemWord,
} from '../lexicon/index.js';
import { type CueHit, governingCue } from './cues.js';
import type { Mention } from './mentions.js';
import {
  type Clause,
  clauseBeside,
  colonBetween,
  firstWordOf,
  SEP_CLAUSE,
  SEP_COMMA,
  SEP_SOFT,
  type Segmented,
  SILENT_SECTIONS,
} from './segment.js';

const SECTION_LEVEL: Record<string, Level> = {
  requirements: 'required',
  preferred: 'preferred',
  conditions: 'required',
};

/** Words of a clause that gives a credential's training rather than asking for the credential. */
const TRAINING_GIVEN = new Set(
  'provided provide provides offered offer offers free paid reimbursed reimburse training class classes course'.split(
    ' ',
  ),
);

function givesTraining(seg: Segmented, clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++) if (TRAINING_GIVEN.has(seg.tokens[i]!.word.norm)) return true;
  return false;
}
/** Words that make a specialty mention a question of the candidate's experience. */
const EXPERIENCE_STEMS = new Set(
  ['experience', 'background', 'familiarity', 'knowledge', 'expertise', 'exposure'].map((w) => stemWord(w)),
);

/** Words besides the specialty on a qualification line that asks for it ("Dermatology a plus"). */
const MAX_OTHER_WORDS_OF_A_SPECIALTY_LINE = 2;

/**
 * A mention's level; 'given' when the employer gives a credential ("BLS certification will be
 * provided", "we'll train you for your CCMA"): asked only if a window says by when it must be held.
 */
export type Verdict = Level | 'given' | null;

const LIST_JOINERS = new Set(['and', 'or', '&']);
const PREDICATE_VERBS = new Set(['is', 'are', 'will', 'would']);

/** Whether tokens [from, to) name no concept of the lexicon. */
function namesNoConcept(seg: Segmented, lexicon: Lexicon, from: number, to: number): boolean {
  return matchTrie(lexiconMatcher(lexicon).concept, seg.tokens, from, to, { limit: 1 }).length === 0;
}

/**
 * Whether a post cue belongs to the comma-separated item right before it rather than to the mention:
 * "High school diploma, some college preferred" prefers the college, while "CMA, RMA or CCMA
 * preferred" prefers each credential of its list. The item is the words after the last comma
 * between the mention and the cue; it is the cue's own when it names no concept. A list's last
 * item ("with the optician, doctor, or retail management") and a predicate ("… is essential")
 * leave the cue to the whole clause.
 */
function ownsPostCue(seg: Segmented, lexicon: Lexicon, mentionEnd: number, cue: CueHit): boolean {
  let item = -1;
  for (let i = mentionEnd; i < cue.start; i++) if (seg.tokens[i]!.sep === SEP_COMMA) item = i;
  if (item === -1 || LIST_JOINERS.has(seg.tokens[item]!.word.norm)) return false;
  if (PREDICATE_VERBS.has(seg.tokens[cue.start]!.word.norm)) return false;
  return namesNoConcept(seg, lexicon, item, cue.start);
}

/**
 * The level stated after a label's colon, in a value that names no concept: "Phlebotomy: 1 year
 * (Preferred)" (the qualification lines of job boards) prefers the phlebotomy.
 */
function labelValueCue(
  seg: Segmented,
  lexicon: Lexicon,
  clause: Clause,
  cuesOf: (c: Clause) => CueHit[],
): CueHit | undefined {
  const next = clauseBeside(seg, clause, 1);
  if (!next || !colonBetween(seg, clause, next)) return undefined;
  const cue = cuesOf(next).find((c) => c.dir === 'post' && (c.kind === 'required' || c.kind === 'preferred'));
  return cue && namesNoConcept(seg, lexicon, next.from, next.to) ? cue : undefined;
}

/** Labels that waive what their value lists ("Not required: MA certification, prior experience, or phlebotomy"). */
const WAIVING_LABELS = new Set([
  'not required',
  'not needed',
  'not necessary',
  'not mandatory',
  'not expected',
  'no need',
]);

/** Whether the clause is the value of a label that waives it, on the same line before a colon. */
function waivedByLabel(seg: Segmented, clause: Clause): boolean {
  const label = clauseBeside(seg, clause, -1);
  if (!label || label.to - label.from > 2 || !colonBetween(seg, label, clause)) return false;
  let words = '';
  for (let i = label.from; i < label.to; i++) words += (i > label.from ? ' ' : '') + seg.tokens[i]!.word.norm;
  return WAIVING_LABELS.has(words);
}

/** Words of the "looking for / seeking" cues. */
const SEEKING_WORDS = new Set(['looking', 'seeking', 'seek', 'seeks']);

/**
 * "Looking for a friendly person to greet patients, answer phones…": what the person sought is to do
 * are the job's duties, not a preference (the cue prefers the qualities: "looking for someone who is
 * bilingual"). True when a pre "looking for" cue is followed, before the mention, by "to".
 */
function isSoughtToDo(seg: Segmented, cue: CueHit, mentionStart: number): boolean {
  if (cue.kind !== 'preferred' || cue.dir !== 'pre' || cue.end > mentionStart) return false;
  let seeking = false;
  for (let i = cue.start; i < cue.end && !seeking; i++) seeking = SEEKING_WORDS.has(seg.tokens[i]!.word.norm);
  if (!seeking) return false;
  for (let i = cue.end; i < mentionStart; i++) {
    const norm = seg.tokens[i]!.word.norm;
    if (norm === 'who' || norm === 'with') return false; // "someone who…", "an MA with…": qualities
    if (norm === 'to') return true;
  }
  return false;
}

/**
 * What the conditions of employment may ask besides checks and vaccines: a credential ("Special
 * Requirements: current CPR certification", "Must obtain and maintain BLS") or a language
 * ("Bilingual (Spanish/English) skills are desirable"). Nothing else there is the job's.
 */
export function isAskedAmongConditions(concept: string): boolean {
  return concept.startsWith('cert.') || concept === 'soft.bilingual';
}

/** Whether a mention in a silent section may still ask something: only isAskedAmongConditions's, there. */
function mayAskInSilence(section: SectionKind, mention: Pick<Mention, 'concept'>): boolean {
  return section === 'conditions' && isAskedAmongConditions(mention.concept);
}

/** Whether the clause is a question: a "?" right after its last word. */
function endsWithQuestion(seg: Segmented, clause: Clause): boolean {
  let at = seg.tokens[clause.to - 1]!.end;
  while (seg.text[at] === ' ' || seg.text[at] === '"' || seg.text[at] === '”') at++;
  return seg.text[at] === '?';
}

/** Whether the clause after a question, on its line, asks in so many words ("…? You must be certified"). */
function answerRequires(seg: Segmented, question: Clause, cuesOf: (c: Clause) => CueHit[]): boolean {
  const answer = clauseBeside(seg, question, 1);
  return answer !== undefined && cuesOf(answer).some((c) => c.kind === 'required');
}

/** Whether the mention's clause opens with "not" before it ("Not BLS certified?", "Not certified yet?"). */
function opensWithNot(seg: Segmented, mention: Mention): boolean {
  const i = firstWordOf(seg, mention.clause);
  return i < mention.match.start && seg.tokens[i]!.word.norm === 'not';
}

/**
 * Whether an aside opens between the tokens before `from` and at `to`: a parenthesis that stays open
 * and names something before the cue. Such a cue speaks of what the aside names, not of what stands
 * before it ("Medical assistant certification (NHA CCMA preferred)" requires a certification and
 * prefers the CCMA); a parenthesis that holds the cue alone qualifies what precedes ("CCMA (Preferred)").
 */
function opensAside(seg: Segmented, from: number, to: number): boolean {
  const start = seg.tokens[from - 1]!.end;
  const end = seg.tokens[to]!.start;
  const open: number[] = [];
  for (let i = start; i < end; i++) {
    const c = seg.text.charCodeAt(i);
    if (c === 40) open.push(i);
    else if (c === 41) open.pop();
  }
  const first = open[0];
  // A token inside the open parenthesis, before the cue.
  return first !== undefined && to > from && seg.tokens[to - 1]!.start > first;
}

/** Stage 5: the level one mention states, or null when its text asks nothing of the candidate. */
export function levelOf(
  mention: Mention,
  seg: Segmented,
  lexicon: Lexicon,
  cuesOf: (c: Clause) => CueHit[],
): Verdict {
  const token = seg.tokens[mention.match.start]!;
  if (SILENT_SECTIONS.has(token.section) && !mayAskInSilence(token.section, mention)) return null;
  let cue = governingCue(cuesOf(mention.clause), mention.match.start, mention.match.end);
  if (cue?.dir === 'post' && cue.kind !== 'benefit' && ownsPostCue(seg, lexicon, mention.match.end, cue))
    cue = undefined;
  if (cue?.dir === 'post' && cue.kind !== 'benefit' && opensAside(seg, mention.match.end, cue.start))
    cue = undefined;
  if (!cue && mention.match.end === mention.clause.to)
    cue = labelValueCue(seg, lexicon, mention.clause, cuesOf);
  if (!cue && waivedByLabel(seg, mention.clause)) return null;
  const sectionLevel: Level = SECTION_LEVEL[token.section] ?? 'duty';
  if (cue && isSoughtToDo(seg, cue, mention.match.start)) cue = undefined;
  // A question's "need" ("Do I need oncology experience?") asks nothing: its answer states the level.
  if (
    (cue?.kind === 'required' || cue?.kind === 'preferred') &&
    cue.end <= mention.clause.to &&
    endsWithQuestion(seg, mention.clause)
  )
    cue = undefined;
  // A question's own "not" about a credential ("Don't have your CCMA yet?", "Not BLS certified?") asks
  // about the reader: the answer settles it. "You must…" requires it; otherwise the employer gives it
  // (required only with a window: "…obtain it within 6 months"). Other things in such a question are
  // what the job lacks ("Don't want to answer phones all day?"): negated, as before.
  const credentialQuestion =
    mention.concept.startsWith('cert.') &&
    endsWithQuestion(seg, mention.clause) &&
    ((cue?.kind === 'negation' && cue.dir === 'pre') || (!cue && opensWithNot(seg, mention)));
  if (credentialQuestion) return answerRequires(seg, mention.clause, cuesOf) ? 'required' : 'given';
  // A physical demand's "required" ("near visual acuity is required", "requires manual dexterity
  // for injections") asks the body, not the skill it names: what that section names is at most a duty.
  if (token.section === 'physical' && (cue?.kind === 'required' || cue?.kind === 'preferred')) return 'duty';
  // Among the conditions a language counts only when asked in so many words ("…are desirable"), not
  // in a supplemental question ("List any languages other than English you speak"); a credential
  // named there is asked unless the clause gives it ("BLS training provided after hire").
  if (
    token.section === 'conditions' &&
    !cue &&
    (!mention.concept.startsWith('cert.') || givesTraining(seg, mention.clause))
  )
    return null;
  switch (cue?.kind) {
    case 'benefit':
      return null;
    case 'negation':
      return null; // waived: "certification not required" is not present (taxonomy)
    case 'waiver':
      return mention.concept.startsWith('cert.') ? 'given' : 'duty';
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

/** Words before "to" that send patients elsewhere: "referrals to vascular surgery". */
const REFERRAL_WORDS = new Set([
  'referral',
  'referrals',
  'refer',
  'refers',
  'referring',
  'referred',
  'consults',
  'consult',
]);
/** How many words "referrals" may stand before "to … field" ("referrals to EP and vascular surgery"). */
const REFERRAL_REACH = 4;

/**
 * Whether a specialty mention is where patients are sent ("Coordinate referrals to vascular surgery",
 * "refer patients to oncology"): another department, not the job's field.
 */
export function isReferralTarget(seg: Segmented, mention: Mention): boolean {
  const from = mention.clause.from;
  let to = -1;
  for (let k = mention.match.start - 1; k >= from && k >= mention.match.start - REFERRAL_REACH; k--)
    if (seg.tokens[k]!.word.norm === 'to') {
      to = k;
      break;
    }
  if (to < 0) return false;
  // "referrals to our cardiology clinic" are the job's own clinic's.
  for (let k = to + 1; k < mention.match.start; k++) if (seg.tokens[k]!.word.norm === 'our') return false;
  for (let k = to - 1; k >= from && k >= to - 3; k--)
    if (REFERRAL_WORDS.has(seg.tokens[k]!.word.norm)) return true;
  return false;
}

/** Words that start the job's title after a field's name ("Pulmonary Medical Assistant"). */
const JOB_TITLE_WORDS = new Set(['medical', 'ma', 'cma', 'assistant']);

/** Whether a weak (field-naming) specialty mention places the job in that field. */
export function placesJob(mention: Mention, seg: Segmented, lexicon: Lexicon, level: Level): boolean {
  const first = seg.tokens[mention.match.start]!;
  if (first.section === 'title' || level !== 'duty') return true;
  if (/^\p{Lu}/u.test(first.word.surface) && first.sep !== SEP_CLAUSE) return true; // a department's name
  const next = seg.tokens[mention.match.end];
  if (!next || next.clause !== mention.clause.index || next.sep > SEP_SOFT) return false;
  // "dermatology clinic"; "Pulmonary Medical Assistant", a job's title in capitals (a template's list
  // of the occupation's titles, "dermatology medical assistant, …", names no job).
  if (lexicon.settingWords.has(next.word.stem)) return true;
  return (
    JOB_TITLE_WORDS.has(next.word.norm) &&
    /^\p{Lu}/u.test(first.word.surface) &&
    /^\p{Lu}/u.test(next.word.surface)
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
export function describesOccupation(seg: Segmented, clause: Clause): boolean {
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

/** Verbs of an employer's services: "we offer…", "a practice treating…", "our spa provides…". */
const SERVICE_STEMS = new Set(
  ['offer', 'provide', 'treat', 'specialize', 'specialise', 'serve', 'feature', 'perform'].map((w) =>
    stemWord(w),
  ),
);
/** Nouns that name the employer in "X is a … practice offering…". */
const EMPLOYER_NOUNS = new Set(
  'practice practices clinic clinics group center centers centre hospital hospitals system systems organization provider office offices network company spa medspa'.split(
    ' ',
  ),
);
/** Subjects after "our" that are the job's holders, not the employer ("Our MAs perform injections"). */
const HOLDER_WORDS = new Set(
  'assistant assistants ma mas staff team teams you employees nurses incumbent incumbents position role'.split(
    ' ',
  ),
);
/** Other people on the staff, whose work a clause may describe ("Our schedulers book the surgeries"). */
const OTHER_STAFF = new Set(
  'representatives reps coordinators receptionists schedulers billers coders nurses rns lpns lvns techs technicians technologists scribes phlebotomists physicians doctors docs providers surgeons injectors therapists pharmacists clerks managers navigators representative coordinator receptionist scheduler biller coder nurse rn lpn lvn technician technologist scribe phlebotomist physician doctor provider surgeon injector therapist pharmacist clerk manager navigator'.split(
    ' ',
  ),
);
/** A team named by its work ("our front desk team", "the billing staff", "the front desk"). */
const TEAM_WORDS = new Set(['team', 'teams', 'staff', 'desk', 'office']);
const TEAM_OF_OTHERS = new Set(
  'front desk office billing scheduling nursing lab reception coding'.split(' '),
);
/** Words of the job's own holders: "Our MA team and providers take turns…" is the job's work too. */
const OWN_STAFF = new Set(['ma', 'mas', 'assistant', 'assistants', 'you']);
/** Verbs by which other staff do work the job then does not: "handle check-in", "give all Botox". */
const OTHER_DOING_STEMS = new Set(
  'handle do does run book manage cover give perform draw schedule take check verify greet collect answer process'
    .split(' ')
    .map((w) => stemWord(w)),
);
/** After the verb, words that make it something other staff do for or with the job's holder. */
const NOT_OTHERS_WORK = new Set(['you', 'your', 'time', 'pride', 'care', 'turns']);
/** Words that hand the clause back to the job ("…while you room patients", "…so you can…"). */
const BACK_TO_JOB = new Set(
  'while whereas so but we this i candidate candidates ma mas assistant assistants'.split(' '),
);
/** "You" as a subject: the clause turns to the job ("…, and you handle rooming"), unlike "your"/"young". */
const YOU_SUBJECTS = new Set(['you', 'youll', 'youre', 'youd']); // normal forms drop the apostrophe
/** How far after "our"/"the" the other staff's noun may be ("Our patient service representatives"). */
const OTHER_STAFF_REACH = 4;
/**
 * Subjects that open a clause without "our"/"the": plural staff ("Front-desk staff do registration").
 * Not techs or scribes: a job description's "Optometric technicians perform…" names the job itself.
 */
const BARE_SUBJECTS = new Set(
  'staff team representatives reps coordinators receptionists schedulers billers coders nurses rns lpns lvns physicians doctors docs providers surgeons therapists clerks navigators'.split(
    ' ',
  ),
);

/** Whether the clause's word k names other staff (a team by its work: "billing office", "front desk"). */
function namesOtherStaff(norm: (k: number) => string, k: number): boolean {
  const w = norm(k);
  return OTHER_STAFF.has(w) || (TEAM_WORDS.has(w) && TEAM_OF_OTHERS.has(norm(k - 1)));
}

/**
 * The tokens [from, to) of a clause that describe what other staff do, or null: "Our patient service
 * representatives handle check-in, registration and payments", "our physicians give all Botox
 * themselves", "The front desk will handle the phones", "Front-desk staff do registration", "The
 * central billing office does coding". It runs from the staff's name (which names their work, not the
 * job's) to a word that hands the clause back to the job ("…, and you handle rooming") or the clause's
 * end.
 */
export function otherStaffSpan(seg: Segmented, clause: Clause): { from: number; to: number } | null {
  const norm = (k: number) => (k < clause.to ? seg.tokens[k]!.word.norm : '');
  // After "our"/"the", or the clause's first words themselves, then only a plural subject.
  const article = norm(clause.from) === 'our' || norm(clause.from) === 'the';
  const first = article ? clause.from + 1 : clause.from;
  const stop = Math.min(clause.to - 1, first + OTHER_STAFF_REACH);
  // The subject's last staff word ("RN care coordinator", "front desk team").
  let noun = -1;
  for (let k = first; k < stop; k++) {
    if (OWN_STAFF.has(norm(k))) return null;
    if (namesOtherStaff(norm, k)) noun = k;
    else if (noun >= 0 && !namesOtherStaff(norm, k + 1)) break;
  }
  if (noun < 0 || (!article && !BARE_SUBJECTS.has(norm(noun)))) return null;
  let verb = noun + 1;
  if (norm(verb) === 'will') verb++;
  if (verb >= clause.to || !OTHER_DOING_STEMS.has(seg.tokens[verb]!.word.stem)) return null;
  if (NOT_OTHERS_WORK.has(norm(verb + 1))) return null;
  let to = verb + 1;
  while (to < clause.to && !BACK_TO_JOB.has(norm(to)) && !YOU_SUBJECTS.has(norm(to))) to++;
  return { from: first, to };
}

/** How many specialties make a clause without the job's words a list of the employer's service lines. */
const SERVICE_LINE_LIST = 3;

/** Words that put the job's holder in a clause: one that names several departments may be a float pool's. */
const JOB_WORDS = new Set(
  'float floats floating rotate rotates rotating rotation assigned assignment cover covers covering support supports supporting work works working join'.split(
    ' ',
  ),
);

/**
 * Whether a clause of the posting's opening names its employer's service lines: at least `lines`
 * specialties and no word of the job or its holder ("Our network includes six hospitals, a cancer
 * center, orthopedic and spine services…"). A float pool's departments come with the job's words
 * ("You will float between family medicine, pediatrics and OB/GYN").
 */
export function namesServiceLines(seg: Segmented, clause: Clause, specialties: number): boolean {
  if (specialties < SERVICE_LINE_LIST) return false;
  // From the line's start: a label or the sentence before the colon may name the job ("FLOAT
  // COVERAGE: Pulmonology, Rheumatology…", "The Float Pool MA covers seven clinics: GI, Neurology…").
  let from = clause.from;
  while (from > 0 && seg.tokens[from - 1]!.line === clause.line) from--;
  for (let i = from; i < clause.to; i++) {
    const t = seg.tokens[i]!;
    if (t.section !== 'intro' && t.section !== 'about') return false;
    const norm = t.word.norm;
    if (HOLDER_WORDS.has(norm) || CANDIDATE_WORDS.has(norm) || JOB_WORDS.has(norm)) return false;
  }
  return true;
}

/** The words employerServicesFrom's first three forms start from. */
const EMPLOYER_SUBJECTS = new Set(['we', 'were', 'our', 'is', 'are']);
/** How far into a clause the employer's subject and verb are looked for. */
const EMPLOYER_REACH = 12;

/**
 * Where the clause starts describing the employer's services, or -1 when it does not: "We offer
 * X-rays and lab services on site", "Our med spa offers injectables", "Apex is a pain management
 * practice treating back pain with steroid injections", "Harborview is a 650-bed system with a
 * cancer institute…", "The Cedar Falls VA Medical Center provides inpatient, surgical… care". The
 * index is the service verb's (or the employer noun's): what follows it is the employer's.
 */
export function employerServicesFrom(seg: Segmented, clause: Clause): number {
  const stop = Math.min(clause.to, clause.from + EMPLOYER_REACH);
  const norm = (k: number) => (k < clause.to ? seg.tokens[k]!.word.norm : '');
  const stem = (k: number) => (k < clause.to ? seg.tokens[k]!.word.stem : '');
  // Most clauses (duty items) hold no subject word and start with a verb or a lowercase word.
  let subject = false;
  for (let i = clause.from; i < stop && !subject; i++) subject = EMPLOYER_SUBJECTS.has(norm(i));
  if (!subject) return namedEmployerVerb(seg, clause, stop);
  for (let i = clause.from; i < stop; i++) {
    const w = norm(i);
    if (w === 'we' || w === 'were') {
      // "We (proudly|also) offer…"; "we're a … clinic offering…" is the third form below.
      for (let k = i + 1; k <= i + 3; k++) if (SERVICE_STEMS.has(stem(k))) return k;
    } else if (w === 'our') {
      for (let k = i + 1; k <= i + 5 && k < clause.to; k++) {
        if (HOLDER_WORDS.has(norm(k)) || CANDIDATE_WORDS.has(norm(k)) || OTHER_STAFF.has(norm(k))) break;
        if (SERVICE_STEMS.has(stem(k))) return k > i + 1 ? k : -1;
      }
    } else if ((w === 'is' || w === 'are') && (norm(i + 1) === 'a' || norm(i + 1) === 'an')) {
      // "… is a [adjectives] practice offering…", "… is an orthopedic group that treats…", "… is a
      // 650-bed system with a cancer institute…".
      for (let k = i + 2; k <= i + 8 && k < clause.to; k++) {
        if (!EMPLOYER_NOUNS.has(norm(k))) continue;
        let v = k + 1;
        if (norm(v) === 'that' || norm(v) === 'which') v++;
        return SERVICE_STEMS.has(stem(v)) || norm(v) === 'with' ? k : -1;
      }
    }
    if (CANDIDATE_WORDS.has(w)) return -1; // "we are looking for someone to provide…"
  }
  return namedEmployerVerb(seg, clause, stop);
}

/** Words before which a "you" starts a new part of the clause ("…, and you handle rooming"). */
const JOINING_WORDS = new Set(['and', 'so', 'while', 'where', 'but']);
/** Verbs after "we" that turn a clause from the employer to the job it is hiring for ("…and we need an MA"). */
const HIRING_WORDS = new Set('need needs seek seeking looking hiring want are'.split(' '));

/**
 * The tokens [from, to) of a clause that describe the employer's services (see employerServicesFrom),
 * or null. The description runs to the clause's end, or to where the clause turns to the job: a
 * "you" ("…a busy derm office with two dermatologists, you would be rooming patients…") or a "we"
 * that hires ("…and we need another MA").
 */
export function employerServicesSpan(seg: Segmented, clause: Clause): { from: number; to: number } | null {
  const from = employerServicesFrom(seg, clause);
  if (from < 0) return null;
  for (let k = from + 1; k < clause.to; k++) {
    const token = seg.tokens[k]!;
    const norm = token.word.norm;
    // "you" as a new subject, after a comma or a joining word ("…, you would be rooming"), not
    // "everything you'd expect" nor "your child's first vaccines".
    const newSubject = token.sep >= SEP_COMMA || JOINING_WORDS.has(seg.tokens[k - 1]!.word.norm);
    if (YOU_SUBJECTS.has(norm) && newSubject) return { from, to: k };
    if ((norm === 'we' || norm === 'were') && k + 1 < clause.to) {
      const next = seg.tokens[k + 1]!.word.norm;
      const after = k + 2 < clause.to ? seg.tokens[k + 2]!.word.norm : '';
      if (HIRING_WORDS.has(next) && (next !== 'are' || CANDIDATE_WORDS.has(after))) return { from, to: k };
      if (norm !== 'we' && CANDIDATE_WORDS.has(next)) return { from, to: k };
    }
  }
  return { from, to: clause.to };
}

const PERFORM_STEM = stemWord('perform');

/** Capitalised words that may stand in an employer's name besides its proper nouns. */
const NAME_JOINERS = new Set(['the', 'of', 'and', 'at', 'for']);

/**
 * "Sentinel provides…", "The Cedar Falls VA Medical Center provides…": a service verb after a name
 * (capitalised words only, none of them the job's holder). The verb's index, or -1.
 */
function namedEmployerVerb(seg: Segmented, clause: Clause, stop: number): number {
  for (let i = clause.from + 1; i < stop; i++) {
    const t = seg.tokens[i]!;
    // "Performs" is what the job's holder does ("HCAs perform…", "Independently performs…").
    if (!SERVICE_STEMS.has(t.word.stem) || t.word.stem === PERFORM_STEM) continue;
    if (!/^\p{Ll}/u.test(t.word.surface)) return -1;
    for (let k = clause.from; k < i; k++) {
      const w = seg.tokens[k]!.word;
      if (HOLDER_WORDS.has(w.norm) || w.norm.endsWith('ly')) return -1; // a role, or "Independently provides…"
      if (!/^[\p{Lu}\d]/u.test(w.surface) && !NAME_JOINERS.has(w.norm)) return -1;
    }
    return i;
  }
  return -1;
}

/** Nouns after "our" that state the employer's purpose. */
const EMPLOYER_PURPOSES = new Set(
  'mission missions vision goal goals commitment purpose promise philosophy'.split(' '),
);

/** "We're working together to…", "we believe in exceeding expectations": the employer about itself. */
function saidByEmployer(seg: Segmented, mention: Mention): boolean {
  let we = false;
  for (let i = mention.clause.from; i < mention.match.start; i++) {
    const t = seg.tokens[i]!;
    // Only a word of up to five letters can be "we" or "we're": no lowercase copy of the others.
    const surface = t.word.surface.length <= 5 ? t.word.surface.toLowerCase() : '';
    if (surface === 'we' || surface === "we're" || surface === 'we’re') we = true;
    // "Our mission is to provide compassionate care": the employer's purpose, not the candidate.
    else if (surface === 'our' && EMPLOYER_PURPOSES.has(seg.tokens[i + 1]?.word.norm ?? '')) we = true;
    else if (we && CANDIDATE_WORDS.has(t.word.norm)) return false;
  }
  return we;
}

/** Nouns a quality can describe instead of the candidate: "a caring environment", "a compassionate team". */
const WORKPLACE_NOUNS = new Set(
  'environment environments atmosphere atmospheres culture cultures workplace workplaces setting settings team teams'.split(
    ' ',
  ),
);
/** After "team", words that make it the candidate again: "a detail-oriented team member". */
const TEAM_ROLES = new Set('member members player players lead leader'.split(' '));
/** How many words (other adjectives, "and") may stand between the quality and the noun. */
const WORKPLACE_REACH = 3;

function describesWorkplace(seg: Segmented, mention: Mention): boolean {
  const { clause, match } = mention;
  const stop = Math.min(clause.to, match.end + WORKPLACE_REACH + 1);
  for (let i = match.end; i < stop; i++) {
    const t = seg.tokens[i]!;
    if (t.sep > SEP_COMMA) return false;
    if (!WORKPLACE_NOUNS.has(t.word.norm)) continue;
    const next = i + 1 < clause.to ? seg.tokens[i + 1]! : undefined;
    return !(next && next.sep <= SEP_COMMA && TEAM_ROLES.has(next.word.norm));
  }
  return false;
}

/** How many words before a specialty (or after it) its experience word may stand. */
const EXPERIENCE_BEFORE_SPECIALTY = 8;
const EXPERIENCE_AFTER_SPECIALTY = 5;
/** "Experienced" describes a person: only right before the specialty ("an experienced derm MA"). */
const EXPERIENCED_BEFORE_SPECIALTY = 2;

/** Units of a length of experience: "six months working in a pediatric office", "2 yrs in derm". */
const DURATION_WORDS = new Set('year years yr yrs month months mo mos'.split(' '));

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten twelve eighteen several'.split(' '),
);
/** Whether token k counts years or months: "2", "six", "several" (not "a": "one Saturday a month"). */
function isCount(seg: Segmented, k: number): boolean {
  const norm = seg.tokens[k]!.word.norm;
  return NUMBER_WORDS.has(norm) || /^\d/.test(norm);
}
/** Words after a length of time that make it time spent somewhere: "six months working in", "2 yrs in". */
const DURATION_LINKS = new Set('in at as of with working doing within experience exp'.split(' '));
function leadsToField(seg: Segmented, k: number): boolean {
  const t = seg.tokens[k];
  return t !== undefined && DURATION_LINKS.has(t.word.norm);
}

/** Words that may stand before a field opening its clause: other fields joined to it ("aesthetics or"). */
const FIELD_JOINERS = new Set(['or', 'and', 'any']);
/** How many words may stand before a field that opens its clause ("aesthetics or derm"). */
const FIELD_LEAD = 2;

/** Whether tokens[start] opens its clause, but for a field joined before it ("aesthetics or derm"). */
function opensClause(seg: Segmented, clause: Clause, start: number): boolean {
  const i = firstWordOf(seg, clause);
  if (start === i) return true;
  return start - i <= FIELD_LEAD && FIELD_JOINERS.has(seg.tokens[start - 1]!.word.norm);
}

/** Whether an experience word of the clause is about tokens [start, end). */
function experienceNear(seg: Segmented, clause: Clause, start: number, end: number): boolean {
  const from = Math.max(clause.from, start - EXPERIENCE_BEFORE_SPECIALTY);
  const to = Math.min(clause.to, end + EXPERIENCE_AFTER_SPECIALTY);
  for (let i = from; i < to; i++) {
    const word = seg.tokens[i]!.word;
    // A length of time before the specialty, after a number: the experience asked in it.
    if (
      i < start &&
      DURATION_WORDS.has(word.norm) &&
      i > clause.from &&
      isCount(seg, i - 1) &&
      leadsToField(seg, i + 1)
    )
      return true;
    if (!EXPERIENCE_STEMS.has(word.stem)) continue;
    if (word.norm !== 'experienced' || (i < start && start - i <= EXPERIENCED_BEFORE_SPECIALTY) || i >= end)
      return true;
  }
  return false;
}

/**
 * A specialty is required/preferred only as experience asked for ("ophthalmic experience required",
 * a qualification line that is little more than the specialty: "Dermatology a plus", or a cue right
 * after it: "pediatrics is a plus"); otherwise
 * the job is in it, even in a requirements list ("Women's Health Services will train you…" names the
 * employer).
 */
export function specialtyAsked(
  seg: Segmented,
  mention: Mention,
  cues: readonly CueHit[] = [],
  /** Whether the field's word is inside a credential's name ("Certified Ophthalmic Assistant"). */
  inCredential = false,
): boolean {
  const { clause, match } = mention;
  const section = seg.tokens[match.start]!.section;
  const qualifying = section === 'requirements' || section === 'preferred';
  // The field itself asked where it opens its clause: "(women's health strongly preferred)", "derm a
  // big plus" after "aesthetics or". Not the job's setting ("Rotating Saturdays at our urgent care
  // required"), nor a credential's name ("COA (Certified Ophthalmic Assistant) preferred").
  if (!inCredential && opensClause(seg, clause, match.start)) {
    for (const cue of cues) {
      const asks = cue.kind === 'required' || cue.kind === 'preferred';
      if (asks && cue.dir === 'post' && cue.start === match.end) return true;
    }
  }
  // The experience word must be about the specialty ("pain management experience preferred",
  // "experience in a dermatology or plastic surgery practice"), not the person ("an experienced MA
  // who can support our pain physicians").
  return (
    experienceNear(seg, clause, match.start, match.end) ||
    (qualifying && clause.to - clause.from - match.words <= MAX_OTHER_WORDS_OF_A_SPECIALTY_LINE)
  );
}

/**
 * A quality is asked of the candidate, not claimed by the employer ("we're working together") nor
 * said of the workplace ("a warm, caring environment").
 */
export function qualityAsked(seg: Segmented, mention: Mention): boolean {
  return !saidByEmployer(seg, mention) && !describesWorkplace(seg, mention);
}
