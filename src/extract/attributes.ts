// Stage 6: posting attributes (experience, employment type, pay, credential window, title, location),
// per the taxonomy's rules. Text patterns over lines whose section can state them.
import type { SectionKind } from '../lexicon/index.js';
import type { EmploymentType, Pay } from './types.js';

export interface AttributeLine {
  text: string;
  /** Offset of the line in the normalised text. */
  start: number;
  section: SectionKind;
  /** Its words' marks (wordMarks) OR-ed; without them every line is tested as text. */
  marks?: number;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const NUM = String.raw`(\d+(?:\.\d+)?|${Object.keys(WORD_NUMBERS).join('|')})`;

function toNumber(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const lower = token.toLowerCase();
  if (lower in WORD_NUMBERS) return WORD_NUMBERS[lower];
  const n = Number.parseFloat(lower);
  return Number.isFinite(n) ? n : undefined;
}

const NEVER_ASKS = new Set<SectionKind>(['benefits', 'about', 'eeo', 'apply', 'compensation', 'excluded']);

// "1+ year of recent Medical Assisting experience", "minimum of two (2) years' clinical experience",
// "Two to five years experience", "6 months experience", "One-year experience", "1 or more years of
// experience", "1-2 yrs MA exp", "one year working in a primary care setting".
const EXPERIENCE_BEFORE = new RegExp(
  String.raw`\b${NUM}(?:[ \t]*\(\d+\))?[ \t]*(?:\+|plus|or more|or greater)?[ \t]*(?:(?:-|–|to)[ \t]*${NUM}(?:[ \t]*\(\d+\))?[ \t]*\+?[ \t]*)?-?(years?|yrs?|months?|mos?\b\.?)['’]?\+?(?:[ \t]+(?:of|or more|or greater|plus))?(?:[ \t]+[\w/'’&-]+){0,6}?[ \t]+(?:experience|exp\b|working[ \t]+(?:in|as|with|at)\b)`,
  'gi',
);
// "Experience: 2 years", "experience of at least 1 year".
const EXPERIENCE_AFTER = new RegExp(
  String.raw`\b(?:experience|exp)\b[^.\n\d]{0,25}?${NUM}[ \t]*\+?[ \t]*(?:(?:-|–|to)[ \t]*${NUM}[ \t]*)?(years?|yrs?|months?|mos?\b\.?)\b`,
  'gi',
);

// Indeed's qualification lines, under an "Experience:" heading: "Medical assistant: 1 year (Preferred)".
const EXPERIENCE_ITEM = new RegExp(
  String.raw`^[^:\n]{1,60}:[ \t]*${NUM}[ \t]*\+?[ \t]*(years?|yrs?|months?|mos?\b\.?)[ \t]*\((?:preferred|required)\)`,
  'i',
);

// Time in a setting or a role, without the word "experience": "2+ yrs in a dermatology office",
// "one year as a Medical Assistant". Only where it is asked (see ASKED_HERE): a company's "25 years
// in healthcare" is its history.
const EXPERIENCE_SETTING = new RegExp(
  String.raw`\b${NUM}(?:[ \t]*\(\d+\))?[ \t]*(?:\+|plus|or more)?[ \t]*(?:(?:-|–|to)[ \t]*${NUM}[ \t]*\+?[ \t]*)?-?(years?|yrs?|months?|mos?\b\.?)['’]?\+?(?:[ \t]+or[ \t]+(?:more|longer))?[ \t]+(?:(?:min\b\.?|minimum\b)(?![ \t]*(?:commitment|age|contract|assignment|stay|term|old|of[ \t]+age))|of[ \t]+(?:(?!combined\b)[\w/'’&-]+[ \t]+){0,3}?work\b|(?:in|within|at)[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[\w/'’&-]+[ \t]+){0,4}?(?:office|clinic|practice|setting|environment|role|position|capacity|facility|hospital|department|field|healthcare|health[ \t]care|care|medicine|industry)\b|as[ \t]+(?:a|an)[ \t]+(?:[\w/'’&-]+[ \t]+){0,3}?(?:medical[ \t]+assistant|MA|CMA|RMA|CCMA|assistant|receptionist|phlebotomist|technician|tech|scribe)\b)`,
  'gi',
);
const ASKED_SECTIONS = new Set<SectionKind>(['requirements', 'preferred']);
const ASKED_HERE =
  /\b(?:required|requires?|requirements?|qualifications?|preferred|prefer|must|minimum|min\.|at least|need|needed|desired)\b/i;
/** Softer asking words, which ask only in their own sentence ("A year or more in a clinic would be ideal"). */
const ASKED_IN_SENTENCE = /\b(?:would be ideal|is ideal|ideally|a plus)\b/i;
const UNIT_EVERY = /\b(?:years?|yrs?|months?|mos?)\b/gi;

/** The experience patterns' anchors; "preferred" and "required" for EXPERIENCE_ITEM; units for EXPERIENCE_SETTING. */
const EXPERIENCE_WORD =
  /experience|\bexp\b|\bworking\b|\bpreferred\b|\brequired\b|\b(?:years?|yrs?|months?|mos?)\b/i;
const EXPERIENCE_EVERY = /experience|\bexp\b|\bworking\b/gi;
const CERTIFICATION_WORD = /certif/i;
/** Both experience patterns end or start with a unit: a line without one holds no experience asked. */
const EXPERIENCE_UNIT = /year|yr|month|\bmos?\b/i;
/**
 * The words an employment pattern needs ("full-time", "per diem", "PRN", "40hrs", "fixed-term", "13
 * week assignment"), whole: "department", "fully", "temperature" and "terminology" are not hints (they
 * sent most lines through every pattern). EMPLOYMENT_WORD tests one word (its inner apostrophe is a
 * boundary, as for the patterns: "O'FT"), EMPLOYMENT_HINT a whole line with the same words.
 */
const EMPLOYMENT_WORDS = String.raw`\d*(?:full(?:time)?|part(?:time)?|(?:per)?diem|prn|temp(?:orary)?|contract(?:or)?|assignment|duration|travel(?:ing)?|1099|seasonal|locums?|hours?|hrs?|ft|pt|(?:fixed)?term)`;
const EMPLOYMENT_WORD = new RegExp(`(?:^|['’])${EMPLOYMENT_WORDS}(?:['’]|$)`, 'i');
const EMPLOYMENT_HINT = new RegExp(`(?:^|[^\\p{L}\\p{N}])${EMPLOYMENT_WORDS}(?![\\p{L}\\p{N}])`, 'iu');

/** A word that anchors an experience pattern ("experience", "exp", "working", "preferred"…). */
export const MARK_EXPERIENCE = 1;
/** A word that holds an employment-type hint ("full", "diem", "PRN", "hours"…). */
export const MARK_EMPLOYMENT = 2;
/**
 * The words of BARE_PERIOD and PAY_LABEL, whole ("hr" of "$18/hr"): a line without one states no
 * bare amount. BARE_PAY_HINT tests a line's text the same way (for lines without marks).
 */
const PAY_WORDS =
  '(?:hrs?|hours?|hourly|yrs?|years?|yearly|annum|annual|annually|pay|salary|wages?|rate|compensation)';
const PAY_WORD = new RegExp(`^${PAY_WORDS}$`, 'i');
const BARE_PAY_HINT = new RegExp(`(?:^|[^\\p{L}\\p{N}])${PAY_WORDS}(?![\\p{L}\\p{N}])`, 'iu');
/** A word that holds "certif" (findCertWindow's anchor). */
export const MARK_CERTIFICATION = 4;
/** A word of a pay period or a pay label ("hr", "hourly", "salary"…): extractBarePay's anchor. */
export const MARK_PAY = 8;

/**
 * The marks of one word. Every hint these patterns look for is letters, so it lies inside one word:
 * a line holds a hint if one of its words does, and each distinct word is tested once, not every
 * line as text (the hint regex was a tenth of the attribute time).
 */
export function wordMarks(surface: string): number {
  return (
    (EXPERIENCE_WORD.test(surface) ? MARK_EXPERIENCE : 0) |
    (EMPLOYMENT_WORD.test(surface) ? MARK_EMPLOYMENT : 0) |
    (CERTIFICATION_WORD.test(surface) ? MARK_CERTIFICATION : 0) |
    (PAY_WORD.test(surface) ? MARK_PAY : 0)
  );
}

/**
 * Every match of a global regex. (String#matchAll would copy the regex on every call: a regex
 * construction per line or window.)
 */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return found;
}

/** Whether a line may hold what a mark flags: by its words' marks, or (none given) by its text. */
function mayHold(line: AttributeLine, mark: number, hint: RegExp): boolean {
  return line.marks === undefined ? hint.test(line.text) : (line.marks & mark) !== 0;
}

/** What schooling may stand in for ("a program may substitute for one (1) year of the experience"): not what is asked. */
const SUBSTITUTE_BEFORE =
  /(?:substitut\w*(?:\s+for)?|in\s+lieu\s+of|count(?:s|ed)?\s+(?:as|toward|towards)|equivalent\s+to|replace|after|commit\s+to)\s+(?:up\s+to\s+|at\s+least\s+)?$/i;

/** Whether the amount at `at` in `text` is what something may substitute for. */
function isSubstitute(text: string, at: number): boolean {
  return SUBSTITUTE_BEFORE.test(text.slice(Math.max(0, at - 32), at));
}

/** The sentence of `text` around position `at` (a ";" parts no sentence: "Requirements: CMA; 3+ years…"). */
function sentenceAround(text: string, at: number): string {
  const end = text.indexOf('. ', at);
  return text.slice(text.lastIndexOf('. ', at) + 1, end === -1 ? text.length : end);
}

/** The smallest number of years of experience asked for; 0 ("0-1 years") and none → null. */
export function extractExperienceYears(lines: readonly AttributeLine[]): number | null {
  let best: number | null = null;
  for (const line of lines) {
    if (NEVER_ASKS.has(line.section) || !mayHold(line, MARK_EXPERIENCE, EXPERIENCE_WORD)) continue;
    if (!EXPERIENCE_UNIT.test(line.text)) continue;
    const item = EXPERIENCE_ITEM.exec(line.text.trim());
    if (item) best = fewerYears(best, toNumber(item[1]), item[2]!);
    // The patterns run on a window around each anchor, not over whole (sometimes huge) lines.
    for (const hit of execAll(EXPERIENCE_EVERY, line.text)) {
      const at = hit.index;
      const windows: Array<[RegExp, string]> = [
        [EXPERIENCE_BEFORE, line.text.slice(Math.max(0, at - 90), at + 14)],
        [EXPERIENCE_AFTER, line.text.slice(at, at + 50)],
      ];
      for (const [re, window] of windows) {
        for (const m of execAll(re, window))
          if (!isSubstitute(window, m.index)) best = fewerYears(best, toNumber(m[1]), m[3] ?? '');
      }
    }
    const askedLine = ASKED_SECTIONS.has(line.section) || ASKED_HERE.test(line.text);
    if (!askedLine && !ASKED_IN_SENTENCE.test(line.text)) continue;
    for (const hit of execAll(UNIT_EVERY, line.text)) {
      // A softer asking word must be in the amount's own sentence ("Spanish is a plus. Reviews at 3
      // and 6 months in the role" asks no experience).
      if (!askedLine && !ASKED_IN_SENTENCE.test(sentenceAround(line.text, hit.index))) continue;
      // From a word's start: a window that cut "12 years" would read "2 years".
      let from = Math.max(0, hit.index - 40);
      while (from > 0 && !/\s/.test(line.text[from - 1]!)) from--;
      const window = line.text.slice(from, hit.index + 90);
      for (const m of execAll(EXPERIENCE_SETTING, window))
        if (!isSubstitute(window, m.index)) best = fewerYears(best, toNumber(m[1]), m[3] ?? '');
    }
  }
  return best;
}

/** The smaller of `best` and a stated duration in years ("6 months" → 0.5); nonsense ignored. */
function fewerYears(best: number | null, low: number | undefined, unit: string): number | null {
  if (low === undefined) return best;
  const years = unit.toLowerCase().startsWith('m') ? Math.round((low / 12) * 100) / 100 : low;
  if (years <= 0 || years > 30) return best;
  return best === null || years < best ? years : best;
}

const EMPLOYMENT_PATTERNS: Array<[EmploymentType, RegExp]> = [
  // Not "two years of full-time experience", a measure of the experience asked.
  [
    'full-time',
    /\bfull[\s-]?time\b(?![\s-]+(?:experience|work\s+experience|equivalent\s+experience|students?))/i,
  ],
  // "Full and part time considered": full time is stated first, its "time" shared with part time.
  ['full-time', /\bfull\s*(?:and|or|\/|&)\s*part[\s-]?time\b/i],
  ['full-time', /\bFT\b/],
  ['part-time', /\bpart[\s-]?time\b/i],
  ['part-time', /\bpart\s*(?:and|or|\/|&)\s*full[\s-]?time\b/i],
  ['per-diem', /\bper[\s-]?diem\b/i],
  // Not "PRN medications" (as-needed drugs); "PRN medical assistant" is the job.
  ['per-diem', /\bPRN\b(?![\s-]+med(?:s|ications?)?\b)/],
  // Not "seasonal allergies" or "seasonal flu" (what a clinic treats).
  [
    'temporary',
    /\btemporary\b|\bseasonal\b(?![\s-]+(?:allerg\w*|flu|influenza|illness\w*|vaccin\w*|affective|depression|asthma|changes?|outbreaks?))|\bfixed[\s-]term\b|\blocums?\b/i,
  ],
  // "Contract position", "13 week assignment", "Job Types: Full-time, Contract", "Contract (6 months)".
  [
    'temporary',
    /\bcontract\b(?=[\s-]+(?:position|role|job|assignment|basis|to[\s-]hire|engagement))|\b\d+[\s-]?weeks?\s+(?:contract|assignment)|\btravel\s+(?:contract|assignment)|\bcontract\b(?=\s*[(,:–-]\s*\d+[\s-]*(?:weeks?|wks?|months?|mos?)\b)|\btemp(?:orary)?[\s-]+(?:assignment|position|job|role|to[\s-](?:perm|permanent|hire)|agency|contract)\b/i,
  ],
  // "Medical Assistant - Dermatology (Contract)", "Independent contractor (1099)", "Travel Medical
  // Assistant", "Assignment length: 13 weeks", "Duration: 13 weeks".
  [
    'temporary',
    /\(\s*contract\s*\)|\bindependent\s+contractor\b|\b1099\b(?=[\s-]+(?:contract|contractor|position|role|basis|engagement|\)))|\btravel(?:ing)?\s+(?:medical\s+assistants?|MAs?|CMAs?|RMAs?|clinicians?|positions?|jobs?|roles?)\b|\b(?:assignment|contract)\s+(?:length|duration)\s*:\s*\d+|^\W*duration\s*:\s*\d+[\s-]*(?:weeks?|wks?|months?|mos?)\b/i,
  ],
];
/** "Job Types: Full-time, Contract" (the word's own offset is where it is stated). */
const TYPES_CONTRACT = /\btypes?\s*:[^\n]*?\bcontract\b/i;
/** "Temp" the job, not the temperature in a list of vital signs ("BP, pulse, temp, O2 sat"). */
const TEMP_JOB = /\btemp\b(?!er)/i;
const VITAL_SIGN_WORDS =
  /\b(?:BP|blood pressure|pulse|vitals?|vital signs|resp\w*|O2|sat|SpO2|oxygen|weight|height|HR|RR)\b/i;
/** "PT" the schedule, not physical therapy ("send PT referrals", "PT/OT notes"). */
const PART_TIME_PT =
  /\bPT\b(?![\s/&-]*(?:referrals?|evals?|evaluations?|appointments?|appts?|notes|orders?|visits?|therapy|therapists?|clinic|department|dept|patients?|pts|sessions?|exercises?|OT|and\s+OT)\b)/;
const PT_CONTEXT = /\b(schedule|shift|status|hours|type|position)\b/i;
const HOURS_RE =
  /\b(\d{2}(?:\.\d+)?)\s*\+?\s*(?:hours|hrs)\s*(?:\/|per|a|each)\s*(?:week|wk)\b|\b(\d{2})[\s-]*(?:hours?|hrs?)\s+(?:position|job|role|work\s*week|workweek|schedule)\b/i;
/** "Hours: 40 per week". */
const HOURS_LABEL_RE = /\b(?:hours|hrs)\s*:\s*(\d{2}(?:\.\d+)?)\s*\+?\s*(?:\/|per|a|each)\s*(?:week|wk)\b/i;

/** "Four 10-hour days", "5 x 8 hr shifts": a week of shifts, full-time at 40 hours or more. */
const SHIFTS_RE = new RegExp(
  String.raw`\b${NUM}\s*(?:x\s*)?\(?(\d{1,2})[\s-]*(?:hours?|hrs?)\)?\s*(?:days|shifts)\b(?!\s*(?:a|per|each)\s+month)`,
  'i',
);

/** SHIFTS_RE's tail, tested first: its leading number alternatives would be tried at every word. */
const SHIFT_WORDS = /(?:hours?|hrs?)\)?\s*(?:days|shifts)\b/i;

/** The first employment type stated; 40+ hours a week counts as full-time. */
export function extractEmploymentType(lines: readonly AttributeLine[]): EmploymentType | null {
  for (const line of lines) {
    if (
      line.section === 'about' ||
      line.section === 'eeo' ||
      line.section === 'apply' ||
      line.section === 'excluded'
    )
      continue;
    if (!mayHold(line, MARK_EMPLOYMENT, EMPLOYMENT_HINT)) continue; // most lines say nothing of it
    let first: { at: number; type: EmploymentType } | undefined;
    const consider = (at: number, type: EmploymentType) => {
      if (!first || at < first.at) first = { at, type };
    };
    for (const [type, re] of EMPLOYMENT_PATTERNS) {
      const m = re.exec(line.text);
      if (m) consider(m.index, type);
    }
    const contract = TYPES_CONTRACT.exec(line.text);
    if (contract) consider(contract.index + contract[0].length - 'contract'.length, 'temporary');
    const temp = TEMP_JOB.exec(line.text);
    if (temp && !VITAL_SIGN_WORDS.test(line.text)) consider(temp.index, 'temporary');
    const pt = PART_TIME_PT.exec(line.text);
    if (pt && PT_CONTEXT.test(line.text)) consider(pt.index, 'part-time');
    const hours = HOURS_RE.exec(line.text) ?? HOURS_LABEL_RE.exec(line.text);
    if (hours && Number.parseFloat(hours[1] ?? hours[2]!) >= 40) consider(hours.index, 'full-time');
    const shifts = SHIFT_WORDS.test(line.text) ? SHIFTS_RE.exec(line.text) : null;
    const perWeek = shifts ? (toNumber(shifts[1]) ?? 0) * Number(shifts[2]) : 0;
    if (shifts && perWeek >= 40 && perWeek <= 84) consider(shifts.index, 'full-time');
    if (first) return first.type;
  }
  return null;
}

/** An amount's whole dollars, cents and "k"; MONEY_RE and BARE_MONEY_RE have the same groups. */
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*([kK])?`;
const RANGE_TO = String.raw`\s*(?:-|–|—|to)\s*`;
const MONEY_RE = new RegExp(String.raw`\$\s?${AMOUNT}(\+)?(?:${RANGE_TO}(?:\$\s?)?${AMOUNT})?`, 'g');
const NOT_BASE_PAY =
  /bonus|differential|reimburs|sign[\s-]?on|stipend|allowance|incentive|401|\bmatch|discount|tuition|referral|relocation|premium|per diem rate|\bbill(?:ing)?\s+rate/i;
/**
 * A period, then an aside on something else on offer: "$24–$27/hour (housing stipend available)" is
 * the pay; "$8/hour (weekend differential)" is not.
 */
const PERIOD_THEN_ASIDE =
  /^\s*(?:\/|per|an?)?\s*(?:hr|hour|hourly|yr|year|annum|annually)\b\.?\s*(?=\([^)]*\b(?:available|eligible|offered|included|optional)\b[^)]*\))/i;
/** An amount's stated period ("/hr", "per hour", "hourly"): a comma right after it starts another item. */
const STATED_PERIOD = /^\s*(?:(?:\/|per|an?)\s*(?:hr|hour|yr|year|annum)\b\.?|hourly\b|annually\b)(?=\s*,)/i;
/** The least salary a year that an amount per month, pay period or week can be (not a weekly credit). */
const MIN_YEARLY_PAY = 15_000;
/** Where another amount or a bonus is added to the pay: "…, plus", "+ a bonus", "and a $500 bonus". */
const PLUS_RE = /,?\s*(?:\bplus\b|,\s*with\b|\+\s|\band\s+(?:an?\s+)?(?:\$|\w+\s+bonus))/i;
const OTHER_ROLE_AFTER = /^[^$\n]{0,14}?\(?\b(?:LPN|LVN|RN|CNA|NP|nurse|[Uu]ltrasound|[Ss]onograph\w*)\b/;
const OTHER_ROLE_BEFORE = /\b(?:LPN|LVN|RN|CNA|NP|[Nn]urse)s?\s*[:=–-]?\s*$/;
const FEDERAL_MINIMUM_WAGE = 7.25;

type Period = Pay['period'] | 'month' | 'biweekly' | 'week';
/** How many of a period make a year (a salary stated per month, pay period or week is read per year). */
const PER_YEAR: Record<Period, number> = { hour: 1, year: 1, month: 12, biweekly: 26, week: 52 };
function periodNear(after: string, before: string): Period | undefined {
  const a = after.slice(0, 28).toLowerCase();
  if (/^\s*\+?\s*(?:\/|per|an?|each)?\s*(?:hr\b|hour)|^\s*\+?\s*hourly/.test(a)) return 'hour';
  if (/^\s*\+?\s*(?:\/|per|an?|each)?\s*(?:yr\b|year|annum)|^\s*\+?\s*(?:annual|yearly)/.test(a))
    return 'year';
  if (/^\s*\+?\s*(?:\/|per|an?|each)?\s*(?:mo\b|month)|^\s*\+?\s*monthly/.test(a)) return 'month';
  if (/^\s*\+?\s*(?:(?:\/|per|each|every)\s*(?:two weeks|2 weeks|pay period)|bi-?weekly)/.test(a))
    return 'biweekly';
  if (/^\s*\+?\s*(?:(?:\/|per|an?|each)\s*(?:wk\b|week)|weekly)/.test(a)) return 'week';
  const b = before.slice(-30).toLowerCase();
  if (/hourly|per hour|wage/.test(b)) return 'hour';
  if (/salary|annual|yearly/.test(b)) return 'year';
  return undefined;
}

function money(whole: string, cents: string | undefined, k: string | undefined): number {
  const value = Number.parseFloat(`${whole.replace(/,/g, '')}.${cents ?? '0'}`);
  return k ? value * 1000 : value;
}

/** Sections whose amounts are not the job's base pay (a benefit's value, the company's revenue). */
const NO_PAY_SECTIONS = new Set<SectionKind>(['benefits', 'about', 'eeo', 'conditions', 'excluded']);

// An amount written without "$" ("Pay: 18-22 per hour", "17.50/hr DOE").
const BARE_MONEY_RE = new RegExp(String.raw`(?<![\d$.,])${AMOUNT}(\+)?(?:${RANGE_TO}${AMOUNT})?`, 'g');
/** "Up to $24 hourly": the amount is the most. */
const UP_TO_BEFORE = /up to\s*$/i;
/** A period that must follow a bare amount: "/hr", "per hour", "an hour", "hourly", "a year"… ("10 hour shifts" is no pay). */
const BARE_PERIOD =
  /^\s*(?:(?:\/|per|an?)\s*(?:(hr|hour)|yr|year|annum)\b|(hourly)\b|(?:annually|yearly)\b)/i;
/** After a range only, a bare "hr" ("15-17 hr DOE"), but not "10-12 hr shifts" nor "34-36 hours per week". */
const BARE_RANGE_HOUR =
  /^\s*(hr)\b(?!\s*(?:shifts?|days?|weeks?|notice|coverage|per\b|a\s+(?:week|day)|\/))/i;
/** A pay label right before a bare amount: "Pay: 18-22", "Salary range 45,000 - 52,000". */
const PAY_LABEL = /\b(?:pay|salary|wages?|rate|compensation)(?:\s+(?:range|rate))?\s*[:=-]?\s*$/i;

/** Pay written without a dollar sign, only beside a period or after a pay label (a bare number is no amount). */
function extractBarePay(lines: readonly AttributeLine[]): Pay | null {
  for (const line of lines) {
    if (NO_PAY_SECTIONS.has(line.section) || !mayHold(line, MARK_PAY, BARE_PAY_HINT)) continue;
    for (const m of execAll(BARE_MONEY_RE, line.text)) {
      const at = m.index;
      const before = line.text.slice(Math.max(0, at - 40), at);
      const after = line.text.slice(at + m[0].length);
      const stated = BARE_PERIOD.exec(after) ?? (m[5] !== undefined ? BARE_RANGE_HOUR.exec(after) : null);
      const labelled = PAY_LABEL.test(before);
      // After a label alone, an amount must look like one: a range or cents ("Pay: 18-22", "Rate: 17.50");
      // a lone whole number there may be a grade or a step.
      if (!stated && !(labelled && (m[5] !== undefined || m[2] !== undefined))) continue;
      if (NOT_BASE_PAY.test(before) || OTHER_ROLE_AFTER.test(after) || OTHER_ROLE_BEFORE.test(before))
        continue;
      const low = money(m[1]!, m[2], m[3]);
      const high = m[5] ? money(m[5], m[6], m[7] ?? m[3]) : undefined;
      const period: Pay['period'] | undefined = stated
        ? stated[1] || stated[2]
          ? 'hour'
          : 'year'
        : low >= 10_000
          ? 'year'
          : low < 200
            ? 'hour'
            : undefined;
      if (!period) continue;
      // Plausible base pay only: not a count of patients, hours or pounds.
      if (period === 'hour' && (low < FEDERAL_MINIMUM_WAGE || low > 150)) continue;
      if (period === 'year' && (low < 10_000 || low > 500_000)) continue;
      if (high !== undefined && high > low) return { min: low, max: high, period };
      return UP_TO_BEFORE.test(before)
        ? { min: null, max: low, period }
        : {
            min: low,
            max: m[4] === '+' || /starting|starts? at|from|at least/i.test(before) ? null : low,
            period,
          };
    }
  }
  return null;
}

/** The base pay stated: the first range, else the span of the single amounts (a pay ladder); else one without "$". */
export function extractPay(lines: readonly AttributeLine[]): Pay | null {
  return extractDollarPay(lines) ?? extractBarePay(lines);
}

function extractDollarPay(lines: readonly AttributeLine[]): Pay | null {
  const singles: Array<{ value: number; period: Period; open: boolean; upTo: boolean }> = [];
  for (const line of lines) {
    if (NO_PAY_SECTIONS.has(line.section) || !line.text.includes('$')) continue;
    for (const m of execAll(MONEY_RE, line.text)) {
      const at = m.index;
      const before = line.text.slice(Math.max(0, at - 40), at);
      const after = line.text.slice(at + m[0].length);
      // The clause around the amount: text since the last sentence end, to the next one.
      const clauseStart = Math.max(line.text.lastIndexOf('. ', at), line.text.lastIndexOf('; ', at), 0);
      // (A pipe parts a job board's fields: "PAY RATE: $20/hr (W2) | BILL RATE: $31/hr".)
      const clauseEndRaw = line.text.slice(at).search(/[.;|](\s|$)(?!\d)/);
      let clauseEnd = clauseEndRaw < 0 ? line.text.length : at + clauseEndRaw;
      const aside = PERIOD_THEN_ASIDE.exec(after);
      if (aside) clauseEnd = Math.min(clauseEnd, at + m[0].length + aside[0].length);
      // "$18–$21/hr, cash bonus at Tết": the amount's item ends at the comma after its period.
      const stated = STATED_PERIOD.exec(after);
      if (stated) clauseEnd = Math.min(clauseEnd, at + m[0].length + stated[0].length);
      // What follows "plus" is another amount's ("$21/hr, plus $2/hr night differential", "$18-$22
      // an hour plus a quarterly bonus"): it does not make this one a bonus.
      const plus = PLUS_RE.exec(line.text.slice(at + m[0].length, clauseEnd));
      const clause = line.text.slice(clauseStart, plus ? at + m[0].length + plus.index : clauseEnd);
      if (NOT_BASE_PAY.test(clause.replace(/\bper diem\b(?! rate)/i, ''))) continue;
      if (OTHER_ROLE_AFTER.test(after) || OTHER_ROLE_BEFORE.test(before)) continue;
      const low = money(m[1]!, m[2], m[3]);
      const high = m[5] ? money(m[5], m[6], m[7] ?? m[3]) : undefined;
      // Without a stated period, the size of the amount tells: $14.00 is hourly, $42,000 yearly.
      const period = periodNear(after, before) ?? (low < 200 ? 'hour' : low >= 10_000 ? 'year' : undefined);
      if (!period) continue;
      if (period === 'hour' && low < FEDERAL_MINIMUM_WAGE) continue; // a differential, not base pay
      const scale = PER_YEAR[period];
      if (scale > 1 && low * scale < MIN_YEARLY_PAY) continue; // "$25 weekly lunch credit"
      if (high !== undefined && high > low) {
        if (period === 'hour') return { min: low, max: high, period };
        return { min: low * scale, max: high * scale, period: 'year' };
      }
      singles.push({
        value: low,
        period,
        open:
          m[4] === '+' ||
          /(?:starting|starts?|from|minimum|min\.?|at least)\s*(?:at|of)?\s*:?\s*\*?\s*$/i.test(before),
        upTo: UP_TO_BEFORE.test(before),
      });
    }
  }
  const first = singles[0];
  if (!first) return null;
  const same = singles.filter((s) => s.period === first.period);
  const scale = PER_YEAR[first.period];
  const period: Pay['period'] = first.period === 'hour' ? 'hour' : 'year';
  const values = same.map((s) => s.value * scale);
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (same.every((s) => s.upTo)) return { min: null, max, period };
  if (same.some((s) => s.open))
    return { min, max: same.length > 1 && max > min && !same.every((s) => s.open) ? max : null, period };
  return { min, max, period };
}

const WINDOW_RES: Array<[RegExp, number, number, RegExp?]> = [
  // [pattern, group of the number, group of the unit, a word the pattern needs (a cheap test first)]
  [
    new RegExp(
      String.raw`\bwithin\s+(?:(?:the|your|their|his\s+or\s+her)\s+first\s+)?${NUM}\s*(?:\(\d+\)\s*)?(days?|weeks?|months?|mos?\b|years?)`,
      'i',
    ),
    1,
    2,
  ],
  [
    new RegExp(
      // Not "after 6 months of employment": a wait before a benefit, not a deadline.
      String.raw`(?<!\bafter\s{1,3})\b${NUM}\s*(?:\(\d+\)\s*)?(days?|weeks?|months?)\s+(?:of|after|from|following)\s+(?:the\s+|your\s+)?(?:date\s+of\s+)?(?:hire|start|employment|starting|your start)`,
      'i',
    ),
    1,
    2,
    /hire|start|employ/i,
  ],
  // "by the end of the 90-day introductory period"
  [
    new RegExp(
      String.raw`\b${NUM}[\s-]*(days?|months?)[\s-]+(?:introductory|probationary|orientation|onboarding|training)\s+period`,
      'i',
    ),
    1,
    2,
    /period/i,
  ],
];

/** The words a window pattern needs (see WINDOW_RES): a cheap test before splitting a line. */
const WINDOW_WORD = /within|hire|start|employ|period/i;
/** Words of a sentence that says a credential is to be obtained ("pass within 6 months", "get it"). */
const OBTAINED =
  /\b(?:obtain\w*|earn\w*|pass|passes|get|gets|sit for|become (?:certified|registered|credentialed)|certified)\b/i;
/** An obtaining word that no benefit sentence uses: "Must obtain within 90 days (exam fee reimbursed)". */
const NAMES_OBTAINING = /\b(?:obtain\w*|certif\w*)\b/i;
/** Words of a sentence about something else that starts after hire (benefits, orientation…). */
const NOT_A_CREDENTIAL =
  /\b(?:benefits?|insurance|coverage|health|dental|PTO|paid time|401|retirement|orientation|training|review|raise|bonus|eligible|vacation|probation\w*|introductory|permanent|immunizations?|vaccines?|vaccinations?|TB|physical|drug screen|background|able to start|start within)\b/i;

/**
 * A credential window stated for a certification the lexicon does not name ("Obtain Vision/Hearing
 * Certification within 6 months of hire"): the first sentence that holds a certification word and a
 * window, on a line that can ask something.
 */
export function findCertWindow(lines: readonly AttributeLine[]): number | null {
  for (const line of lines) {
    if (NEVER_ASKS.has(line.section) || !mayHold(line, MARK_CERTIFICATION, CERTIFICATION_WORD)) continue;
    if (!WINDOW_WORD.test(line.text)) continue;
    // The window's sentence names the credential, or follows one that does (up to two sentences on)
    // and says it is to be obtained ("CMA or RMA certification. Not certified yet? You can still be
    // hired if you pass within 6 months…"), not when benefits start.
    let sinceCertification = Number.POSITIVE_INFINITY;
    for (const sentence of line.text.split(/(?<=[.;!?])\s+/)) {
      const names = CERTIFICATION_WORD.test(sentence);
      sinceCertification = names ? 0 : sinceCertification + 1;
      const follows = sinceCertification <= 2 && isAboutCredential(sentence);
      if (names || follows) {
        const days = parseCertWindow(sentence);
        if (days !== null) return days;
      }
    }
  }
  return null;
}

/**
 * The window a clause after the credential's states for it: none when the clause is about benefits,
 * orientation or the like ("CMA required. Eligible for benefits within your first 60 days").
 */
export function parseFollowingWindow(clause: string): number | null {
  return NAMES_OBTAINING.test(clause) || !NOT_A_CREDENTIAL.test(clause) ? parseCertWindow(clause) : null;
}

/** Whether a sentence without the credential's name is about obtaining it (not benefits, a probation…). */
function isAboutCredential(sentence: string): boolean {
  if (NAMES_OBTAINING.test(sentence)) return true;
  return OBTAINED.test(sentence) && !NOT_A_CREDENTIAL.test(sentence);
}

/** Where a deadline's own part of a clause starts: after the last comma, semicolon, "and" or "then". */
const PART_BREAK = /.*(?:[,;]|\band\b|\bthen\b)/is;

/**
 * The clause's deadline for a credential. Of several ("complete orientation within 2 weeks, EHR
 * training within 30 days, and obtain your CCMA within 90 days"), the first whose own part is not about
 * training, benefits and the like; when every part is, the first.
 */
function credentialDeadline(re: RegExp, clause: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  let from = 0;
  for (;;) {
    const rest = clause.slice(from);
    const m = re.exec(rest);
    if (!m) return first;
    const leadIn = rest.slice(0, m.index).replace(PART_BREAK, '');
    if (!NOT_A_CREDENTIAL.test(leadIn)) return m;
    first ??= m;
    from += m.index + m[0].length;
  }
}

/** Days after hire a credential may be obtained in ("within 90 days" → 90, "12 months" → 365). */
export function parseCertWindow(clause: string): number | null {
  for (const [re, n, u, needs] of WINDOW_RES) {
    if (needs && !needs.test(clause)) continue;
    const m = credentialDeadline(re, clause);
    if (!m) continue;
    const value = toNumber(m[n]);
    const unit = (m[u] ?? '').toLowerCase();
    if (value === undefined || value <= 0) continue;
    if (unit.startsWith('day')) return value;
    if (unit.startsWith('week')) return value * 7;
    if (unit.startsWith('mo')) return value % 12 === 0 ? (value / 12) * 365 : value * 30;
    if (unit.startsWith('year')) return value * 365;
  }
  if (/\bwithin\s+(?:one|a|(?:the|your|their|his\s+or\s+her)\s+first)\s+year\b/i.test(clause)) return 365;
  return null;
}

const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia';
const STATE_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|VI|GU';
/** Every state code and name starts with a capital: CITY_STATE needs a comma before one. */
const COMMA_CAPITAL = /,\s*[A-Z]/;
const CITY_STATE = new RegExp(
  String.raw`\b([A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3}),\s*(${STATE_CODES}|${STATE_NAMES})\b(?:\s+\d{5})?`,
);

/** Where the job is: a "Location:" line, else a "City, ST" in the title or text. */
export function extractLocation(lines: readonly AttributeLine[], title: string | null): string | null {
  for (const line of lines) {
    if (!line.text.includes(':')) continue; // the label's colon: most lines have none
    const m = /^\W*(?:job\s+)?location\s*:\s*(.+)$/i.exec(line.text.trim());
    if (m?.[1] && m[1].trim().length <= 100) return m[1].trim();
  }
  const fromTitle = title ? CITY_STATE.exec(title) : null;
  if (fromTitle) return fromTitle[0];
  // Only the head of a posting says where the job is; the tail is boilerplate (and the regex is costly).
  for (const line of lines.slice(0, 15)) {
    if (line.section === 'eeo' || line.section === 'benefits') continue;
    const m = line.text.length <= 300 && COMMA_CAPITAL.test(line.text) ? CITY_STATE.exec(line.text) : null;
    if (m && !/\b(?:Medical|Assistant|Certified|Health)\b/.test(m[1]!)) return m[0];
  }
  return null;
}
