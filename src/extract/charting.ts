// Charting in a named EHR: "Reconciles medication lists in Epic", "med rec in NextGen", "get the
// med list into EMA", "NextGen documentation" state admin.ehr (entering information in the EHR) as
// well as the system. A system named alone ("Epic experience preferred", "We're on Epic") or work
// in it that is not charting ("schedule appointments in eClinicalWorks", "manage the inbox in
// Oracle Health") states only the system: annotators label admin.ehr for the former, not the latter.
import { stemWord } from '../lexicon/index.js';
import type { Mention } from './mentions.js';
import type { Segmented } from './segment.js';

/** Verbs and nouns of charting, before "in <system>" in the same clause. */
const CHARTING_STEMS = new Set(
  'document documentation chart record enter input log note reconcile rec update scribe attach flowsheet'
    .split(' ')
    .map((w) => stemWord(w)),
);
/** Nouns right after the system's name that make it charting: "NextGen documentation", "Epic flowsheets". */
const CHARTING_AFTER = new Set(
  'documentation charting chart charts note notes flowsheet flowsheets template templates'.split(' '),
);
/** Words before the system's name that place work in it; "into" is data entry whatever the verb. */
const IN_SYSTEM = new Set(['in', 'within', 'using', 'via']);
/** How many words may stand between the preposition and the name ("in the OCHIN Epic"). */
const NAME_LEAD = 2;

/** Whether a mention of a named EHR (category ehr) is charting in it. */
export function chartsInNamedEhr(seg: Segmented, mention: Mention): boolean {
  const { clause } = mention;
  const tokens = seg.tokens;
  const { start, end } = mention.match;
  if (end < clause.to && CHARTING_AFTER.has(tokens[end]!.word.norm)) return true;
  for (let k = start - 1; k >= clause.from && k >= start - 1 - NAME_LEAD; k--) {
    const norm = tokens[k]!.word.norm;
    if (norm === 'into') return true;
    if (!IN_SYSTEM.has(norm)) continue;
    for (let i = clause.from; i < k; i++) if (CHARTING_STEMS.has(tokens[i]!.word.stem)) return true;
    return false;
  }
  return false;
}
