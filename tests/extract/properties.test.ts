import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Analysis, analyzePosting, type PostingInput } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';

const lexicon = loadLexicon();
const NUM_RUNS = 200;

const WORDS = [
  'Medical',
  'Assistant',
  'CCMA',
  'CMA',
  'RMA',
  'AAMA',
  'BLS',
  'CPR',
  'certification',
  'required',
  'preferred',
  'must',
  'have',
  'not',
  'no',
  'we',
  'will',
  'train',
  'offer',
  'draw',
  'blood',
  'venipuncture',
  'EKG',
  'x-ray',
  'Epic',
  'epic',
  'PA',
  'RNs',
  'cast',
  'detail',
  'within',
  '90',
  'days',
  'of',
  'hire',
  '1+',
  'year',
  'years',
  'experience',
  '$18.50',
  '-',
  '$22',
  'per',
  'hour',
  '$40K',
  'PRN',
  'full-time',
  'Requirements:',
  'Preferred:',
  'Benefits',
  'Responsibilities',
  'Education:',
  '**Required',
  'Certifications:**',
  'Equal',
  'Opportunity',
  'Employer',
  'NextGen',
  'eClinicalWorks',
  'bloodRoom',
  'diplomaCCMA',
  'records.Assisting',
  'Location:',
  'Tacoma,',
  'WA',
  'é',
  '👩‍⚕️',
  'ñ',
];
const GLUE = [
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  ', ',
  '; ',
  ': ',
  '. ',
  ' + ',
  ' - ',
  ' • ',
  '\r\n',
  '\t',
  '\u00a0',
  '(',
  ')',
];
const TAGS = [
  '<p>',
  '</p>',
  '<li>',
  '</li>',
  '<ul>',
  '</ul>',
  '<h2>',
  '</h2>',
  '<br>',
  '<div>',
  '</div>',
  '<b>',
];
const MORE_TAGS = [
  '<script>',
  '</script>',
  '<style>',
  '<nav>',
  '</nav>',
  '<footer>',
  '&amp;',
  '&nbsp;',
  '&#8211;',
];

/** Strings built from posting words, separators and (sometimes) HTML tags. */
const postingLike = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE), fc.constantFrom(...TAGS)), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

const htmlLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...GLUE),
      fc.constantFrom(...TAGS, ...MORE_TAGS),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  postingLike,
);

function checkEvidence(analysis: Analysis): void {
  for (const concept of analysis.concepts) {
    expect(concept.evidence.length).toBeGreaterThan(0);
    for (const e of concept.evidence) {
      expect(analysis.text.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeLessThan(e.end);
    }
  }
}

function checkLevels(analysis: Analysis): void {
  const rank = { required: 3, preferred: 2, duty: 1 } as const;
  for (const c of analysis.concepts) {
    const strongest = Math.max(...c.evidence.map((e) => rank[e.level]));
    expect(rank[c.level]).toBe(strongest);
  }
}

describe('analyzePosting properties', () => {
  it('never throws on any text, and every evidence points into the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const analysis = analyzePosting({ text }, lexicon);
        checkEvidence(analysis);
        checkLevels(analysis);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws on HTML input, and every evidence points into the text', () => {
    fc.assert(
      fc.property(fc.oneof(htmlLike, fc.string({ maxLength: 200 })), (html) => {
        checkEvidence(analyzePosting({ html }, lexicon));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          postingLike.map((text): PostingInput => ({ text })),
          htmlLike.map((html): PostingInput => ({ html })),
        ),
        (input) => {
          const a = analyzePosting(input, lexicon);
          const b = analyzePosting(input, lexicon);
          expect(b).toEqual(a);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps the attributes within their types', () => {
    fc.assert(
      fc.property(postingLike, (text) => {
        const { attributes: a } = analyzePosting({ text }, lexicon);
        if (a.experienceYears !== null) expect(a.experienceYears).toBeGreaterThan(0);
        if (a.pay !== null) {
          expect(['hour', 'year']).toContain(a.pay.period);
          expect(a.pay.min !== null || a.pay.max !== null).toBe(true);
          if (a.pay.min !== null && a.pay.max !== null) expect(a.pay.min).toBeLessThanOrEqual(a.pay.max);
        }
        if (a.certWindowDays !== null) expect(a.certWindowDays).toBeGreaterThan(0);
        expect(a.specialties).toEqual(a.specialties.filter((id) => id.startsWith('specialty.')));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('handles empty and whitespace-only input', () => {
    for (const text of ['', ' ', '\n\n', '\r\n\t', '\u00a0\u200b']) {
      const a = analyzePosting({ text }, lexicon);
      expect(a.concepts).toEqual([]);
      expect(a.attributes.title).toBeNull();
    }
    expect(analyzePosting({ html: '' }, lexicon).concepts).toEqual([]);
  });
});
