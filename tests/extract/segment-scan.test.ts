// The segmenter's hand-written scans must agree with the plain regexes they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithLabelColon, isAllCaps, isBulletLine, isTitleCase } from '../../src/extract/segment.js';

const MINOR = new Set('a an the and or of to for in with on at by as is are be our your'.split(' '));
const referenceTitleCase = (line: string) => {
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((w) => MINOR.has(w) || /^\p{Lu}/u.test(w));
};
const referenceColon = (line: string) => /:\s*[*]*\s*$/.test(line);

// Pieces that exercise word starts, small words, apostrophes, hyphens, digits and bold marks.
const PIECES = [
  ...MINOR,
  'ands',
  'The',
  'About',
  'Clinic',
  'medical',
  'Role',
  'x',
  'É',
  'é',
  'ß',
  '中',
  "'",
  '’',
  '-',
  ' ',
  '  ',
  '(',
  ')',
  '/',
  '"',
  '“',
  '1',
  '24',
  ':',
  '*',
  '**',
  '\u00a0',
  '\u2003',
  '.',
  ',',
];
const lines = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('segment scans', () => {
  it.each([
    ['About Northside Clinic', true],
    ['Role of a Medical Assistant', true],
    ['Draw blood and room patients', false],
    ["Patient's Rights", true],
    ['and', true],
    ['24/7 Support', true],
    ['', false],
  ])('isTitleCase(%j) is %s', (line, expected) => {
    expect(isTitleCase(line)).toBe(expected);
  });

  it.each([
    ['Requirements:', true],
    ['**Requirements:**', true],
    ['Requirements: **', true],
    [': * *', false],
    ['Requirements', false],
    ['9:45 am', false],
  ])('endsWithLabelColon(%j) is %s', (line, expected) => {
    expect(endsWithLabelColon(line)).toBe(expected);
  });

  it('isTitleCase agrees with splitting the line into words', () => {
    fc.assert(
      fc.property(lines, (line) => isTitleCase(line) === referenceTitleCase(line)),
      { numRuns: 3000 },
    );
  });

  it('isAllCaps agrees with the Unicode regexes it replaces', () => {
    const reference = (line: string) => /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
    const chars = fc.constantFrom(
      'A',
      'z',
      'É',
      'é',
      'ß',
      'µ',
      '×',
      '÷',
      'Ω',
      'ω',
      '中',
      '𝐀',
      '𝐚',
      '1',
      ' ',
      ':',
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 8 }),
        (parts) => isAllCaps(parts.join('')) === reference(parts.join('')),
      ),
      { numRuns: 3000 },
    );
    expect(isAllCaps('BLS CERTIFICATION')).toBe(true);
    expect(isAllCaps('Bls')).toBe(false);
  });

  it('endsWithLabelColon agrees with the regex it replaces', () => {
    fc.assert(
      fc.property(lines, (line) => endsWithLabelColon(line) === referenceColon(line)),
      { numRuns: 3000 },
    );
  });
});

describe('isBulletLine', () => {
  const reference = (line: string) => /^\s*(?:[-–—•●▪◦*·+]|\d{1,2}[.)])\s+/.test(line);

  it.each([
    ['- Draw blood', true],
    ['  • Room patients', true],
    ['1. Take vitals', true],
    ['12) Schedule', true],
    ['123. Not a list', false],
    ['-Draw', false],
    ['3.5 years', false],
    ['Draw blood', false],
    ['', false],
  ])('isBulletLine(%j) is %s', (line, expected) => {
    expect(isBulletLine(line)).toBe(expected);
  });

  it('agrees with the regex it replaces', () => {
    const chars = fc.constantFrom(
      ' ',
      '\t',
      '\u2028',
      '-',
      '–',
      '•',
      '·',
      '+',
      '*',
      '1',
      '2',
      '9',
      '.',
      ')',
      'a',
      'B',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 7 }), (parts) => {
        const line = parts.join('');
        return isBulletLine(line) === reference(line);
      }),
      { numRuns: 5000 },
    );
  });
});
