import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, normalizeHtml, normalizeText, repairGluedLines } from '../../src/extract/index.js';
import { collapseWhitespace, splitDashedItems, unwrapLines } from '../../src/extract/normalize.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { FAMILY_PRACTICE_HTML } from '../fixtures/extract-postings.js';

const lexicon = loadLexicon();
const options = { protectedWords: lexicon.protectedWords };

describe('normalizeHtml', () => {
  const text = normalizeHtml(FAMILY_PRACTICE_HTML, options);
  const lines = text.split('\n').filter((l) => l !== '');

  it('drops scripts, styles, JSON-LD, the head, navigation and the footer', () => {
    for (const gone of [
      'JobPosting',
      'window.track',
      'color: red',
      'Jobs',
      'Home',
      'Dermatology',
      'Copyright',
    ])
      expect(text).not.toContain(gone);
  });

  it.each([
    [
      '<p>Room patients</p><form><label>Email</label><button>Apply now</button></form>',
      'Room patients\nEmail',
    ],
    ['<p>Room patients</p><button>Show more</button>', 'Room patients\nShow more'],
    ['<div>Draw blood<noscript>Enable JS</noscript><svg><text>logo</text></svg></div>', 'Draw blood'],
    ['<DIV>Take vitals<SCRIPT>x()</SCRIPT><IFRAME>ad</IFRAME></DIV>', 'Take vitals'],
    ['<div role="navigation">Jobs Phlebotomist</div><p>Take vitals</p>', 'Take vitals'],
    ['<p style="display:block">Take vitals</p>', 'Take vitals'],
    ['<p style="font-weight:bold">Take vitals</p>', 'Take vitals'],
    // a description collapsed behind "Read more" is still the posting's
    ['<p>Take vitals</p><div style="display:none">Give injections</div>', 'Take vitals\nGive injections'],
  ])('drops what is never the posting: %j', (html, expected) => {
    expect(htmlToText(html).trim()).toBe(expected);
  });

  it('makes headings and list items lines, with a colon after sub-headings', () => {
    expect(lines).toEqual([
      'Medical Assistant – Family Practice',
      'Responsibilities:',
      '- Perform venipuncture & EKGs',
      '- Schedule appointments',
      'Requirements:',
      '- CCMA required',
      '- Current BLS certification',
    ]);
  });

  it.each([
    ['<p>A &lt;b&gt; &quot;q&quot; caf&eacute; &#8211; x&#39;s</p>', 'A <b> "q" café – x\'s'],
    ['<div>Take vitals<br>Draw blood</div><p>Perform EKGs</p>', 'Take vitals\nDraw blood\nPerform EKGs'],
    ['<h4>Nice to have.</h4><ol><li>Epic</li></ol>', 'Nice to have.\n- Epic'],
    ['<h2>Duties</h2><p>Room   patients</p>', 'Duties:\nRoom patients'],
    ['<h1>Medical Assistant</h1>', 'Medical Assistant'],
    ['<template>secret</template><noscript>js</noscript><p>Visible</p>', 'Visible'],
    ['<p>CCMA&nbsp;required</p>', 'CCMA required'],
  ])('%j → %j', (html, expected) => {
    expect(normalizeHtml(html, options)).toBe(expected);
  });

  it('keeps inline tags inside one line', () => {
    expect(htmlToText('<p>Must have <strong>BLS</strong> and <em>CPR</em></p>').trim()).toBe(
      'Must have BLS and CPR',
    );
  });
});

describe('repairGluedLines', () => {
  it.each([
    ['Draw bloodRoom patients', 'Draw blood\nRoom patients'],
    ['Maintain medical records.Assisting providers', 'Maintain medical records.\nAssisting providers'],
    ['High school diplomaCCMA or RMA', 'High school diploma\nCCMA or RMA'],
    ['Relevant experience2 years', 'Relevant experience\n2 years'],
    ['Job TypeFull-time', 'Job Type\nFull-time'],
  ])('splits %j', (glued, repaired) => {
    expect(repairGluedLines(glued, options)).toBe(repaired);
  });

  it.each([
    'Experience with NextGen, eClinicalWorks and PowerChart',
    'Use athenaOne and eClinicalWorks daily',
    'Chart in NextGen',
    'McKesson supplies',
    'Call the PA. Then the MD.',
    // employers' names from sections.yaml joinedNames
    'Careers with MedExpress and UnitedHealth Group',
    'Join the AdventHealth team',
  ])('keeps %j', (text) => {
    expect(repairGluedLines(text, options)).toBe(text);
  });

  it.each([
    [
      'Qualifications:- High school diploma or GED- Prior experience- Excellent customer service',
      'Qualifications:- High school diploma or GED\n- Prior experience\n- Excellent customer service',
    ],
    ['Duties: Room patients- Take vitals- Draw blood', 'Duties: Room patients\n- Take vitals\n- Draw blood'],
  ])('splits a line of glued dash items %j', (glued, repaired) => {
    expect(splitDashedItems(glued)).toBe(repaired);
  });

  it.each([
    'The Medical Assistant- Certified provides support',
    'Full- and part-time openings',
    'Monday- Friday, 8- 5',
    'Bring patients to rooms - Take vitals - Draw blood',
  ])('keeps %j, which has fewer than two glued dashes before a capital', (text) => {
    expect(splitDashedItems(text)).toBe(text);
  });

  it('keeps brand names through the whole normalisation', () => {
    expect(normalizeText('Experience with eClinicalWorks, NextGen or PowerChart', options)).toBe(
      'Experience with eClinicalWorks, NextGen or PowerChart',
    );
  });
});

describe('normalizeText', () => {
  it.each([
    ['Line one\r\nLine\u00a0two\r\rLine three\u200b\t end', 'Line one\nLine two\n\nLine three end'],
    ['a\n\n\n\n\nb   c', 'a\n\nb c'],
    ['\ufeff  Medical Assistant  \n', 'Medical Assistant'],
    ['Room\u0007 patients', 'Room patients'],
    ['Take\u2003vitals\u202fnow', 'Take vitals now'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw, options)).toBe(expected);
  });

  it('converts text that carries HTML markup, keeping its lines', () => {
    expect(
      normalizeText('<p>Draw blood</p>\n<ul><li>Room patients</li><li>Take vitals</li></ul>', options),
    ).toBe('Draw blood\n\n- Room patients\n- Take vitals');
  });

  it('leaves a lone angle bracket or tag alone', () => {
    expect(normalizeText('Lift <50 lbs; BP > 140 <b>flag</b>', options)).toBe(
      'Lift <50 lbs; BP > 140 <b>flag</b>',
    );
  });

  it('is idempotent', () => {
    const once = normalizeText('Draw bloodRoom patients\r\n\r\n\r\nTake\u00a0vitals', options);
    expect(normalizeText(once, options)).toBe(once);
  });
});

describe('unwrapLines', () => {
  const wrapped = 'Current Basic Life Support certification required and/or willingness to obtain within 3';
  it.each([
    // a long line that stops mid-sentence, then one that goes on in lowercase: one sentence
    [`${wrapped}\n       months of employment.`, `${wrapped}        months of employment.`],
    [`${wrapped};\nphlebotomy skills`, `${wrapped}; phlebotomy skills`],
    // a finished sentence, a capitalised line, a short line: separate lines
    [`${wrapped}.\nmonths of employment.`, `${wrapped}.\nmonths of employment.`],
    [`${wrapped}\nMonths of employment.`, `${wrapped}\nMonths of employment.`],
    ['greet patients\nanswer phones', 'greet patients\nanswer phones'],
    // a lettered list's next item
    [`f) ${wrapped}\ng) Follow up on referrals`, `f) ${wrapped}\ng) Follow up on referrals`],
    [`a. ${wrapped}\nb. Room patients`, `a. ${wrapped}\nb. Room patients`],
  ])('%j → %j', (text, expected) => {
    expect(unwrapLines(text)).toBe(expected);
  });
});

describe('collapseWhitespace', () => {
  // The regex scan it replaced, as the reference: one pass, so a blank line of spaces between blank
  // lines leaves three newlines (as before).
  const reference = (text: string) => {
    let out = '';
    let last = 0;
    const runs = / (?= |\n|$)|\n(?=\n\n)/g;
    for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
      const i = m.index;
      const c = text.charCodeAt(i);
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) === c) j++;
      if (c === 32 && (j === text.length || text.charCodeAt(j) === 10)) {
        out += text.slice(last, i);
        last = j;
      } else if (j - i >= (c === 32 ? 2 : 3)) {
        out += text.slice(last, i) + (c === 32 ? ' ' : '\n\n');
        last = j;
      }
      runs.lastIndex = j;
    }
    return last === 0 ? text : out + text.slice(last);
  };

  it.each([
    ['a  b', 'a b'],
    ['a \nb', 'a\nb'],
    ['a   \n\n\n\nb ', 'a\n\nb'],
    ['a\n\nb', 'a\n\nb'],
    ['  a', ' a'],
    [' ', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it('agrees with the regex rule on any mix of spaces, newlines and letters', () => {
    const texts = fc.array(fc.constantFrom(' ', '\n', 'a', 'b'), { maxLength: 40 }).map((c) => c.join(''));
    fc.assert(
      fc.property(texts, (text) => collapseWhitespace(text) === reference(text)),
      { numRuns: 2000 },
    );
  });
});
