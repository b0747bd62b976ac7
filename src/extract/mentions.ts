// Stage 4: alias matches per clause, context-checked, overlaps resolved longest-first.
import type { CompiledAlias, CompiledPattern, ConceptInfo } from '../lexicon/compiled.js';
import type { Lexicon } from '../lexicon/index.js';
import {
  type ContextTrie,
  contextTrie,
  lexiconMatcher,
  matchHasToken,
  matchTrie,
  type TrieMatch,
} from '../lexicon/index.js';
import { isAskedAmongConditions } from './levels.js';
import { type Clause, SEP_COMMA, type Segmented, SILENT_SECTIONS, type Token } from './segment.js';
import { sortSmall } from './sort-small.js';

/** One accepted alias match, before levels. */
export interface Mention {
  concept: string;
  /** The concept's entry (looked up once per alias, not per mention). */
  info: ConceptInfo | undefined;
  alias: CompiledAlias;
  match: TrieMatch;
  clause: Clause;
}

/**
 * Where an alias's context phrase lists occur around its match. Each question walks the tokens for
 * the one list it asks about (the shared trie's other branches are skipped), over as few tokens as
 * it needs: "a phrase ends right before this match" looks at the few words before it, not the whole
 * clause. Whether a clause or block holds a list's phrase is kept for the next alias that asks.
 */
class ContextScan {
  private readonly held = new Map<number, boolean>();
  private blockRanges: Map<number, [number, number]> | undefined;

  constructor(
    private readonly context: ContextTrie,
    private readonly seg: Segmented,
  ) {}

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
    // One key per (range, list): ranges are clauses (≥ 0) or blocks (< 0).
    const key = (block ? -1 - clause.block : clause.index) * this.context.longest.length + n;
    let held = this.held.get(key);
    if (held === undefined) {
      const [from, to] = block ? this.blockRange(clause.block) : [clause.from, clause.to];
      held = matchTrie(this.context.trie, this.seg.tokens, from, to, { owner: n, limit: 1 }).length > 0;
      this.held.set(key, held);
    }
    return held;
  }

  /** Whether a phrase of the list ends right before token `end`, within the clause. */
  endsAt(list: CompiledPattern[], clause: Clause, end: number): boolean {
    const n = this.context.listNumber.get(list)!;
    // A phrase of the list spans at most its longest phrase's words (phrase lists have no gaps).
    const from = Math.max(clause.from, end - this.context.longest[n]!);
    return matchTrie(this.context.trie, this.seg.tokens, from, end, { owner: n }).some((m) => m.end === end);
  }

  /** Whether a phrase of the list starts at token `start`, within the clause. */
  startsAt(list: CompiledPattern[], clause: Clause, start: number): boolean {
    const n = this.context.listNumber.get(list)!;
    const to = Math.min(clause.to, start + this.context.longest[n]!);
    return matchTrie(this.context.trie, this.seg.tokens, start, to, { owner: n }).some(
      (m) => m.start === start,
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
  /** The aliases' concepts. */
  concepts: Set<string>;
  /** Whether every concept may be asked among the conditions of employment (isAskedAmongConditions). */
  askedAmongConditions: boolean;
}

/** Indexed by the concept trie's out numbers (TrieMatch.out), so each set of owners' group is built once. */
const ownerGroups = new WeakMap<Lexicon, Array<OwnerGroup | undefined>>();

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
    concepts: new Set(aliases.map((a) => a.concept)),
    askedAmongConditions: aliases.every((a) => isAskedAmongConditions(a.concept)),
  };
}

/** The owner groups of a lexicon (fetched once per posting; each group is built on first use). */
function ownerGroupsOf(lexicon: Lexicon): Array<OwnerGroup | undefined> {
  let groups = ownerGroups.get(lexicon);
  if (!groups) {
    // Filled up front: writes far past the end of an empty array would make it a slow dictionary.
    groups = new Array<OwnerGroup | undefined>(lexiconMatcher(lexicon).concept.outs.length).fill(undefined);
    ownerGroups.set(lexicon, groups);
  }
  return groups;
}

function ownerGroup(lexicon: Lexicon, groups: Array<OwnerGroup | undefined>, match: TrieMatch): OwnerGroup {
  let group = groups[match.out];
  if (!group) {
    group = groupOf(
      lexicon,
      match.owners.map((o) => lexicon.aliases[o]!),
    );
    groups[match.out] = group;
  }
  return group;
}

/** A group's subsets that passed their context checks, built once per lexicon. */
const subgroups = new WeakMap<OwnerGroup, Map<string, OwnerGroup>>();

/** The group of these aliases of `group` (those whose conditions held). */
function subgroupOf(lexicon: Lexicon, group: OwnerGroup, aliases: CompiledAlias[]): OwnerGroup {
  let built = subgroups.get(group);
  if (!built) {
    built = new Map();
    subgroups.set(group, built);
  }
  let key = '';
  for (const a of aliases) key += `${group.aliases.indexOf(a)},`;
  let sub = built.get(key);
  if (!sub) {
    sub = groupOf(lexicon, aliases);
    built.set(key, sub);
  }
  return sub;
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

/** How many words may lie between the first object and the second ("and diagnostic imaging"). */
const SECOND_OBJECT_GAP = 2;

/**
 * Whether two matches that share only their first word are two objects of it, as in "Schedules
 * endoscopy, imaging and surgeries" or "schedule appointments and imaging": a comma, "and" or "or"
 * follows the one that ends first, and the other's next word comes at most two words later. ("Take
 * weight-bearing x-rays" and "schedule patients for outside testing" hold one object each, and
 * "schedule appointments, greet patients and review tests" has a verb of its own in between.)
 */
function isSecondObject(tokens: readonly Token[], a: TrieMatch, b: TrieMatch): boolean {
  if (a.start !== b.start || a.words < 2 || b.words < 2) return false;
  const [first, second] = a.end <= b.end ? [a, b] : [b, a];
  let next = second.start + 1;
  while (next < second.end && !matchHasToken(second, next)) next++;
  const after = tokens[first.end];
  if (!after || next < first.end || next - first.end > SECOND_OBJECT_GAP) return false;
  return after.sep === SEP_COMMA || after.word.norm === 'and' || after.word.norm === 'or';
}

/** Whether every concept of `group` is one of `prior`'s. */
function restates(group: OwnerGroup, prior: OwnerGroup): boolean {
  for (const c of group.concepts) if (!prior.concepts.has(c)) return false;
  return true;
}

/** Whether a longer, accepted match hides this one (see findMentions). */
function isBlocked(
  tokens: readonly Token[],
  match: TrieMatch,
  group: OwnerGroup,
  accepted: readonly Candidate[],
): boolean {
  for (const prior of accepted) {
    // Disjoint ranges share nothing (most pairs: no word list needed).
    if (match.end <= prior.match.start || prior.match.end <= match.start) continue;
    const shared = sharedTokens(match, prior.match);
    if (shared === 0) continue;
    if (shared === match.words && shared === prior.match.words) continue; // the same words
    // A verb the longer match skips heads a phrase of its own: "Collects and documents patient
    // information" collects it (front desk) and documents it (EHR).
    if (!matchHasToken(prior.match, match.start) && prior.match.start < match.start) continue;
    if (shared === 1 && isSecondObject(tokens, match, prior.match)) continue;
    // A wider wording of what the accepted match already states ("assist the doctor with nail
    // avulsions and injections" around "assist the doctor") adds nothing, but still hides what it holds.
    if (match.start <= prior.match.start && match.end >= prior.match.end && restates(group, prior.group))
      continue;
    if (shared < match.words) return true;
    // Nothing survives inside a credential but the specialty it names: a "Certified Ophthalmic
    // Assistant" works in eye care.
    if (prior.group.credential && !group.categories.has('specialty')) return true;
    for (const c of group.categoryList) if (prior.group.categories.has(c)) return true;
  }
  return false;
}

interface Candidate {
  match: TrieMatch;
  group: OwnerGroup;
}

/**
 * 'silent' when every word of the clause lies in a section that states nothing the job asks;
 * 'conditions' when they all lie among the conditions of employment, which ask only credentials and
 * languages (isAskedAmongConditions: "Must maintain current BLS"); 'spoken' otherwise.
 */
type Silence = 'spoken' | 'silent' | 'conditions';

function silenceOf(seg: Segmented, clause: Clause): Silence {
  let conditions = true;
  for (let i = clause.from; i < clause.to; i++) {
    const section = seg.tokens[i]!.section;
    if (!SILENT_SECTIONS.has(section)) return 'spoken';
    if (section !== 'conditions') conditions = false;
  }
  return conditions ? 'conditions' : 'silent';
}

/** Alias matches per clause, context-checked, overlaps resolved longest-first. */
export function findMentions(seg: Segmented, lexicon: Lexicon): Mention[] {
  const matcher = lexiconMatcher(lexicon);
  const mentions: Mention[] = [];
  const scan = new ContextScan(contextTrie(lexicon), seg);
  const groups = ownerGroupsOf(lexicon);
  const candidates: Candidate[] = [];
  const accepted: Candidate[] = [];
  for (const clause of seg.clauses) {
    // Benefits, the company, EEO text…: levelOf would drop every mention, so none is looked for.
    const silence = silenceOf(seg, clause);
    if (silence === 'silent') continue;
    const matches = matchTrie(matcher.concept, seg.tokens, clause.from, clause.to);
    if (matches.length === 0) continue;
    candidates.length = 0;
    for (const match of matches) {
      if (seg.tokens[match.start]!.heading) continue;
      let group = ownerGroup(lexicon, groups, match);
      if (silence === 'conditions' && !group.askedAmongConditions) continue;
      if (group.conditioned) {
        const aliases = group.aliases.filter((a) => conditionsHold(a, scan, clause, match));
        if (aliases.length === 0) continue;
        if (aliases.length < group.aliases.length) group = subgroupOf(lexicon, group, aliases);
      }
      candidates.push({ match, group });
    }
    if (candidates.length === 0) continue;
    sortSmall(candidates, (a, b) => compareCandidates(a.match, b.match));
    // Longest match wins, so "phlebotomy certification" hides its "phlebotomy". But a task phrase
    // that holds a concept of another category whole ("document vital signs") states both: inside a
    // longer match, a shorter one survives only as another kind of thing (the clinical "vital signs"
    // inside the admin "document vital signs", not the admin "medical record" inside the admin
    // "electronic medical record"), and nothing but a specialty survives inside a credential.
    accepted.length = 0;
    for (const candidate of candidates) {
      const { match, group } = candidate;
      if (isBlocked(seg.tokens, match, group, accepted)) continue;
      accepted.push(candidate);
      for (let k = 0; k < group.aliases.length; k++) {
        const alias = group.aliases[k]!;
        mentions.push({ concept: alias.concept, info: group.infos[k], alias, match, clause });
      }
    }
  }
  return mentions;
}
