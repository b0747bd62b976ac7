// Reads a resume into a profile: the same engine that reads postings finds the concepts ("Performed
// venipuncture and EKGs" → clinical.phlebotomy, clinical.ekg); this module maps them to a profile —
// every concept found is `has`, credentials get the dates written beside them, experience comes from
// the job date ranges, the state from the resume's header.
import { analyzePosting } from '../extract/index.js';
import type { Analysis } from '../extract/types.js';
import type { Lexicon } from '../lexicon/index.js';
import { deriveState } from '../postings/us-state.js';
import { type Credential, type Profile, todayIso } from './schema.js';
import { normalizeProfile } from './validate.js';

export interface ResumeOptions {
  /** `YYYY-MM-DD`: what "Present" means in a date range. Defaults to the current date. */
  today?: string;
}

const STATE_CREDENTIALS = new Set(['cert.state-ma', 'cert.limited-xray']);

export function buildProfileFromResume(text: string, lexicon: Lexicon, options: ResumeOptions = {}): Profile {
  return profileFromAnalysis(analyzePosting({ text }, lexicon), options);
}

/** The profile a resume's analysis describes (pure; `analysis.text` is the resume as the engine read it). */
export function profileFromAnalysis(
  analysis: Pick<Analysis, 'concepts' | 'attributes' | 'text'>,
  options: ResumeOptions = {},
): Profile {
  const today = options.today ?? todayIso();
  const text = analysis.text;
  const state = headerState(text) ?? deriveState(analysis.attributes.location);
  const concepts: Profile['concepts'] = {};
  const credentials: Credential[] = [];
  // Where each credential's mentions start: another credential's mention ends this one's context.
  const certStartsBut = (id: string): number[] =>
    analysis.concepts
      .filter((c) => c.category === 'cert' && c.id !== id)
      .flatMap((c) => c.evidence.map((e) => e.start))
      .sort((a, b) => a - b);

  for (const concept of analysis.concepts) {
    if (concept.category !== 'cert') {
      concepts[concept.id] = 'has';
      continue;
    }
    let credential: Credential | undefined;
    let pending = false;
    const certStarts = certStartsBut(concept.id);
    for (const e of concept.evidence) {
      const { before, after } = credentialContext(text, e.start, e.end, certStarts);
      if (PENDING.test(after) || PENDING.test(before)) {
        pending = true;
        continue;
      }
      const dates = credentialDates(after);
      const credState = STATE_CREDENTIALS.has(concept.id)
        ? (stateIn(`${before} ${e.text} ${after}`) ?? state)
        : null;
      const found: Credential = {
        id: concept.id,
        ...(dates.earned ? { earned: dates.earned } : {}),
        ...(dates.expires ? { expires: dates.expires } : {}),
        ...(credState ? { state: credState } : {}),
      };
      // The mention with the most dates wins (the certifications list, not the summary).
      if (!credential || Object.keys(found).length > Object.keys(credential).length) credential = found;
    }
    // "RMA (AMT) - in progress": one mention pending makes a credential without dates pending too.
    if (credential && !(pending && !credential.earned && !credential.expires)) credentials.push(credential);
    else if (pending) concepts[concept.id] = 'learning';
  }

  const ranged = experienceFromRanges(text, today);
  const name = nameOf(text);
  return normalizeProfile({
    ...(name ? { name } : {}),
    concepts,
    credentials,
    experienceYears: ranged ?? analysis.attributes.experienceYears ?? 0,
    state,
    specialties: [],
  });
}

// "CCMA (in progress)", "RMA – expected 2026", "pursuing CPT certification".
const PENDING =
  /\b(in progress|expected|anticipated|pending|pursuing|candidate|eligible|scheduled|studying for)\b/i;

/**
 * The text on the same line around one credential mention: before it back to the previous credential
 * (or the line start), after it up to the next credential (or the line end).
 */
function credentialContext(
  text: string,
  start: number,
  end: number,
  certStarts: number[],
): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const next = certStarts.find((s) => s >= end && s < lineEnd) ?? lineEnd;
  const prev = [...certStarts].reverse().find((s) => s < start && s >= lineStart);
  return { before: text.slice(prev === undefined ? lineStart : prev, start), after: text.slice(end, next) };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// One date: 2023-05-01 | 05/01/2023 | 05/2023 | May 2023 | 2023.
const DATE = `(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/\\d{4}|\\d{1,2}\\/\\d{4}|${MONTH}\\s+\\d{4}|(?:19|20)\\d{2})`;
const EXPIRY = new RegExp(
  `\\b(?:exp(?:ires|iring|iration|\\.)?(?:\\s+date)?|valid\\s+(?:through|thru|until|to)|renew(?:s|al)?(?:\\s+due)?)\\s*:?\\s*(?:on\\s+)?${DATE}`,
  'i',
);
const ANY_DATE = new RegExp(`\\b${DATE}\\b`, 'i');

/** Dates written after a credential: the expiry where it says so, else the first date as earned. */
export function credentialDates(after: string): { earned?: string; expires?: string } {
  const out: { earned?: string; expires?: string } = {};
  let rest = after;
  const exp = EXPIRY.exec(after);
  if (exp) {
    const d = toIso(exp[1]!, 'end');
    if (d) out.expires = d;
    rest = after.slice(0, exp.index) + after.slice(exp.index + exp[0].length);
  }
  const earned = ANY_DATE.exec(rest);
  if (earned) {
    const d = toIso(earned[1]!, 'start');
    if (d) out.earned = d;
  }
  return out;
}

/** A written date as YYYY-MM-DD; partial dates take the first (`start`) or last (`end`) day they cover. */
export function toIso(written: string, edge: 'start' | 'end'): string | null {
  const parts = dateParts(written.trim().toLowerCase());
  if (!parts) return null;
  const { y, m, d } = parts;
  if (y < 1950 || y > 2100 || (m !== null && (m < 1 || m > 12))) return null;
  const month = m ?? (edge === 'start' ? 1 : 12);
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const day = d ?? (edge === 'start' ? 1 : lastDay);
  if (day < 1 || day > lastDay) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateParts(s: string): { y: number; m: number | null; d: number | null } | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (us) return { y: Number(us[3]), m: Number(us[1]), d: Number(us[2]) };
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (monthYear) return { y: Number(monthYear[2]), m: Number(monthYear[1]), d: null };
  const named = /^([a-z]+)\.?\s+(\d{4})$/.exec(s);
  if (named) {
    const i = MONTHS.indexOf(named[1]!.slice(0, 3));
    return i < 0 ? null : { y: Number(named[2]), m: i + 1, d: null };
  }
  return /^\d{4}$/.test(s) ? { y: Number(s), m: null, d: null } : null;
}

const RANGE = new RegExp(
  `${DATE}\\s*(?:-|–|—|to|through|until)\\s*(present|current|now|today|${DATE})`,
  'gi',
);
// Lines about schooling: their date ranges are not work experience.
const SCHOOL =
  /\b(school|college|university|academy|institute|program|diploma|degree|education|student|externship|certificate|GED|coursework)\b/i;

/**
 * Years of work experience from the date ranges in the resume ("March 2021 – Present"), overlaps
 * counted once, to one decimal; null when there are none. Ranges on lines about schooling don't count.
 */
export function experienceFromRanges(text: string, today: string): number | null {
  const spans: Array<[number, number]> = [];
  for (const line of text.split('\n')) {
    if (SCHOOL.test(line)) continue;
    for (const m of line.matchAll(RANGE)) {
      const from = toIso(m[1]!, 'start');
      const untilWritten = m[2]!;
      const until = /^(present|current|now|today)$/i.test(untilWritten) ? today : toIso(untilWritten, 'end');
      if (!from || !until || until < from) continue;
      spans.push([monthIndex(from), monthIndex(until < today ? until : today) + 1]);
    }
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let [curStart, curEnd] = spans[0]!;
  for (const [s, e] of spans.slice(1)) {
    if (s <= curEnd) curEnd = Math.max(curEnd, e);
    else {
      months += curEnd - curStart;
      [curStart, curEnd] = [s, e];
    }
  }
  months += curEnd - curStart;
  return Math.round((10 * months) / 12) / 10;
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The state in the resume's header (its first lines: name, address, contact). */
function headerState(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 4);
  for (const line of lines) {
    for (const part of line.split(/[|•·]/)) {
      const state = deriveState(part);
      if (state && /,\s*[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}/.test(part)) return state;
    }
  }
  return null;
}

/** A state named beside a credential ("Washington State MA-C", "MA-C (WA)"). */
function stateIn(context: string): string | null {
  const code = /\b([A-Z]{2})\b/.exec(context.replace(/\b(?:MA|CMA|RMA|BLS|CPR|AHA|NHA|AMT)\b/g, ''));
  if (code && deriveState(code[1]!)) return deriveState(code[1]!);
  return deriveState(context.replace(/\bstate\b/gi, ''));
}

/** The resume's first line when it looks like a person's name. */
function nameOf(text: string): string | null {
  const first = text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  if (!first || first.length > 60) return null;
  return /^[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]*){1,3}(?:,\s*[A-Z]{2,5})?$/u.test(first) &&
    !/\b(resume|curriculum|vitae|summary|profile)\b/i.test(first)
    ? first
    : null;
}
