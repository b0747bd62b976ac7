// Word normalisation shared by the lexicon build and the engine: both sides must agree exactly.
import { createRequire } from 'node:module';

// Import natural's Porter stemmer directly: `require('natural')` loads storage adapters (slow, and
// they print to stdout).
const require = createRequire(import.meta.url);
type Step = (word: string) => string;
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as Record<
  'step1a' | 'step1b' | 'step1c' | 'step5a' | 'step5b',
  Step
>;

/**
 * Porter's inflectional steps only (1a–1c: plurals, -ed, -ing, -y; 5: a final e or double l).
 * Full Porter also strips derivational suffixes and so merges "community" with "communication",
 * "organ" with "organization" and "professional" with "professionalism": wrong for a lexicon.
 */
function stemInflections(word: string): string {
  return porter.step5b(porter.step5a(porter.step1c(porter.step1b(porter.step1a(word)))));
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lowercases, drops apostrophes and a possessive 's ("women's" → "women", "don't" → "dont"). */
export function normalizeWord(raw: string): string {
  let word = raw.toLowerCase();
  if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
  return word.replace(/['’]/g, '');
}

/** The Porter stem of a normalised word, memoised: a posting's vocabulary repeats a lot. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    // Digits and very short words are kept as they are ("12", "ua", "im").
    stem = word.length <= 2 || /\d/.test(word) ? word : stemInflections(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
