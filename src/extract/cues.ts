// Stage 5 helpers: which cue governs a mention ("CCMA required", "Bilingual preferred",
// "we will train you on phlebotomy").
import type { CueKind, Lexicon } from '../lexicon/index.js';
import { lexiconMatcher, matchTrie } from '../lexicon/index.js';
import type { Clause, Token } from './segment.js';
import { sortSmall } from './sort-small.js';

export interface CueHit {
  kind: CueKind;
  dir: 'pre' | 'post';
  start: number;
  /** Exclusive token index. */
  end: number;
}

/** How far (in words) a pre-placed negation reaches: "no certification required" but not a whole clause. */
const NEGATION_REACH = 3;

/** The cues of one clause, overlaps resolved longest-first; neutral phrases hide what they cover. */
export function findCues(lexicon: Lexicon, tokens: readonly Token[], clause: Clause): CueHit[] {
  const matches = matchTrie(lexiconMatcher(lexicon).cue, tokens, clause.from, clause.to);
  if (matches.length === 0) return [];
  const hits: CueHit[] = [];
  for (const m of matches) {
    for (const owner of m.owners) {
      const cue = lexicon.cues[owner]!;
      hits.push({ kind: cue.kind, dir: cue.dir, start: m.start, end: m.end });
    }
  }
  sortSmall(hits, (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: CueHit[] = [];
  for (const hit of hits) {
    // A phrase listed both pre and post (e.g. "preferred") is kept in both directions; otherwise a
    // hit that overlaps a kept (longer) one is dropped.
    let free = true;
    let twin = false;
    for (const k of kept) {
      if (k.start < hit.end && hit.start < k.end) free = false;
      if (k.start === hit.start && k.end === hit.end && k.kind === hit.kind) twin = true;
    }
    if (free || twin) kept.push(hit);
  }
  return sortSmall(
    kept.filter((h) => h.kind !== 'neutral' && !tokens[h.start]!.heading),
    (a, b) => a.start - b.start,
  );
}

/**
 * The cue that governs the words [start, end): the nearest pre cue before them (with no other cue
 * in between) or the nearest post cue after them, whichever is closer. Benefit cues govern the
 * whole clause.
 */
export function governingCue(cues: readonly CueHit[], start: number, end: number): CueHit | undefined {
  const benefit = cues.find((c) => c.kind === 'benefit');
  if (benefit) return benefit;
  // The nearest cue on each side (a phrase listed both pre and post sits there twice): only a cue
  // that points at the mention governs it; the other kind cuts off anything further.
  let pre: CueHit | undefined;
  let post: CueHit | undefined;
  let beforeStart = -1;
  let afterStart = -1;
  for (const cue of cues) {
    if (cue.end <= start) {
      if (cue.start !== beforeStart) {
        beforeStart = cue.start;
        pre = undefined;
      }
      if (!pre && cue.dir === 'pre') pre = cue;
    } else if (cue.start >= end) {
      if (afterStart !== -1 && cue.start !== afterStart) break;
      afterStart = cue.start;
      if (!post && cue.dir === 'post') post = cue;
    }
  }
  if (pre && pre.kind === 'negation' && start - pre.end > NEGATION_REACH) pre = undefined;
  if (!pre) return post;
  if (!post) return pre;
  return start - pre.end <= post.start - end ? pre : post;
}
