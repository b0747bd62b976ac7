import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttributeLine,
  extractEmploymentType,
  extractExperienceYears,
  extractPay,
  MARK_CERTIFICATION,
  MARK_EMPLOYMENT,
  MARK_EXPERIENCE,
  MARK_PAY,
  parseCertWindow,
  wordMarks,
} from '../../src/extract/attributes.js';
import { analyzePosting, type EmploymentType, type Pay, segmentText } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { posting } from '../fixtures/extract-postings.js';

const lexicon = loadLexicon();
const attributes = (body: string) => analyzePosting({ text: posting(body) }, lexicon).attributes;
const lines = (...texts: string[]): AttributeLine[] =>
  texts.map((text, i) => ({ text, start: i * 100, section: 'intro' }));

describe('experienceYears', () => {
  it.each<[string, number | null]>([
    ['1+ year of medical assistant experience required', 1],
    // a '+' after the unit, and a minimum after it
    ['Requirements:\n- 6 mo+ MA experience', 0.5],
    ['Requirements:\n- 1 yr+ MA exp', 1],
    ['Requirements:\n- experienced MA (2 yrs min.) / CMA or RMA / BLS', 2],
    ['Requirements:\n- Must be 18 years minimum age', null],
    ['Requirements:\n- 2+ years of MA experience\n- 6 month minimum commitment to the contract', 2],
    ['Minimum of two (2) years of clinical experience', 2],
    ['6 months of experience preferred', 0.5],
    ['At least 3 years experience in a medical office', 3],
    ['Experience: 2 years', 2],
    ['Requirements:\n- Min 6 mo exp as MA.', 0.5],
    ['No oncology experience needed, though 6 mo. exp in any clinic is preferred.', 0.5],
    ["What matters is that you've done at least a year of hands-on clinical work.", 1],
    ['A year or more in any medical office would be ideal.', 1],
    ['We have 25 years in healthcare and an ideal location.', null],
    ['Requirements:\n- After 6 months of work in the clinic you are eligible for PTO', null],
    ['Duties:\n- Bilingual is a plus. Reviews at 3 and 6 months in the role.', null],
    ['Requirements: CMA (AAMA); 3+ years in primary care', 3],
    ['Join our team! Must be certified. 2+ years in a clinical setting. Bilingual a plus.', 2],
    ['EXPERIENCE: One-year experience in a health-related position', 1],
    ['Two-year experience in medical practice.', 2],
    ['1 or more years of current experience in a medical office preferred', 1],
    ['0-1 years experience', null],
    ['New grads welcome!', null],
    ['No experience necessary, we will train you.', null],
    ['Draw blood and take vital signs.', null],
    ['3 years of experience preferred. 1 year of experience required.', 1],
    ['Requirements:\n- 2 years of experience\nPreferred:\n- 5 years of experience in pediatrics', 2],
    // "exp" and "working in" anchor like "experience"
    ['Must have 2 yrs clinic exp.', 2],
    ['Minimum 3-4 yrs MA exp', 3],
    ['At least one year working in a family practice', 1],
    ['Two years working as a medical assistant preferred', 2],
    ['Enjoys working in a team of 12', null],
    // job boards' qualification lines: the smallest duration asked
    ['Experience:\n- Pediatrics: 2 years (Preferred)\n- Front desk: 1 year (Required)', 1],
    ['Experience:\n  Medical assistant: 6 months (Preferred)', 0.5],
    ['Location: Main St: 2 years running', null],
    // time in a setting or a role, asked without the word "experience"
    ['Requirements: 2+ yrs in a dermatology office; CMA required.', 2],
    ['One year as a Medical Assistant required', 1],
    ['Qualifications\n- 6 months in a clinical setting', 0.5],
    ['Minimum of 12 years in the healthcare industry', 12],
    ['Requirements: 3+ years in primary care or internal medicine', 3],
    ['Practice seeking an MA. Requirements: CMA; 3+ years in primary care; Allscripts.', 3],
    ['For over 25 years in healthcare, our clinic has served the valley.', null],
    ['Must be 18 years or older', null],
    // what schooling may substitute for is not what is asked
    [
      'Experience: Two (2) years as a medical assistant. An accredited MA program may substitute for one (1) year of the required experience.',
      2,
    ],
    [
      'Experience: Two years of experience.\nSubstitution: Training may substitute for six (6) months of the required experience.',
      2,
    ],
  ])('%j → %s', (body, years) => {
    expect(attributes(body).experienceYears).toBe(years);
  });

  it('ignores years in benefits and about-us text', () => {
    expect(
      attributes('About Us\nServing families for 25 years with experience you can trust.').experienceYears,
    ).toBeNull();
    expect(
      extractExperienceYears([{ text: '2 years of experience required', start: 0, section: 'benefits' }]),
    ).toBeNull();
    expect(extractExperienceYears(lines('2 years of experience required'))).toBe(2);
  });
});

describe('employmentType', () => {
  it.each<[string, EmploymentType | null]>([
    ['Full-time, Monday through Friday. Part-time also available.', 'full-time'],
    ['Part-time or full-time shifts available', 'part-time'],
    ['This position is part-time', 'part-time'],
    ['PRN position', 'per-diem'],
    // PT the therapy, not the schedule
    ['Duties:\n- schedule post-op visits & send PT referrals\nHours: M-F 7:30-4:30, FT.', 'full-time'],
    ['Schedule: PT, 24 hrs', 'part-time'],
    ['Per diem role covering weekends', 'per-diem'],
    ['13-week contract assignment', 'temporary'],
    ['A 13 week assignment in Denver', 'temporary'],
    ['Our department is growing', null],
    ['Contract position with a local clinic', 'temporary'],
    ['Temporary role through March', 'temporary'],
    ['Schedule: 40 hours per week', 'full-time'],
    ['Schedule: 20 hours per week', null],
    ['Full and part time considered', 'full-time'],
    ['Full/Part-time openings', 'full-time'],
    ['Part and full time shifts', 'part-time'],
    ['Job TypeFull-time', 'full-time'],
    ['Draw blood and take vital signs.', null],
    // "temp" the job, not the temperature among vital signs
    ['Temp to hire opportunity', 'temporary'],
    ['Take vitals (BP, pulse, temp, O2 sat)', null],
    ['Job Types: Contract, Part-time', 'temporary'],
    ['Medical Assistant - contract (13 weeks)', 'temporary'],
    ['Sign the employment contract before your start date', null],
    ['Hours: 40 per week, Monday to Friday', 'full-time'],
    // a week of shifts: 40 hours or more is full-time
    ['Schedule: four 10-hour days, Monday–Thursday', 'full-time'],
    ['5 x 8 hr shifts', 'full-time'],
    ['Three 12-hour shifts a week', null],
    ['Needs a PRN medical assistant to cover vacations', 'per-diem'],
    ['Give PRN medications as ordered', null],
    ['*** CONTRACT - 13 WKS *** Medical Assistant', 'temporary'],
    ['Temp to perm role: vitals and rooming', 'temporary'],
    // contract, travel and fixed-length work, however it is labelled
    ['POSITION: Medical Assistant - Dermatology (Contract)', 'temporary'],
    ['Travel Medical Assistant - Urgent Care', 'temporary'],
    ['Assignment length: 13 weeks, extension likely', 'temporary'],
    ['Duration: 13 weeks', 'temporary'],
    ['Engagement: Independent contractor (1099), event-based', 'temporary'],
    ['Must travel between our three clinics', null],
    ['Training duration: 6 weeks', null],
    ['Traveling MA - Urgent Care (13 weeks)', 'temporary'],
    // a clinic's patients' seasonal allergies, and experience counted full-time, are no job type
    ['We treat seasonal allergies, asthma and eczema', null],
    ['Seasonal position through flu season', 'temporary'],
    ['Two years of full-time experience as an MA', null],
  ])('%j → %s', (body, type) => {
    expect(attributes(body).employmentType).toBe(type);
  });

  it('takes the first line that states one', () => {
    expect(extractEmploymentType(lines('Room patients', 'Per diem', 'Full-time'))).toBe('per-diem');
  });
});

describe('pay', () => {
  it.each<[string, Pay | null]>([
    ['Pay: $18.50 - $22.00 per hour', { min: 18.5, max: 22, period: 'hour' }],
    ['Pay: $19/hr', { min: 19, max: 19, period: 'hour' }],
    // a bonus after the period's comma is another item
    ['Pay • $18–$21/hr, cash bonus at New Year', { min: 18, max: 21, period: 'hour' }],
    ['$2/hr, night differential', null],
    ['Pay: up to $24 hourly', { min: null, max: 24, period: 'hour' }],
    ['Salary: $40K–$45K', { min: 40000, max: 45000, period: 'year' }],
    ['Salary: $42,000 - $48,000 per year', { min: 42000, max: 48000, period: 'year' }],
    ['Starting at $17.25 per hour', { min: 17.25, max: null, period: 'hour' }],
    ['Pay starts at $19/hr and goes up with experience', { min: 19, max: null, period: 'hour' }],
    [
      'I pay $20 to $23 an hour depending on experience, with paid holidays and a simple IRA match.',
      { min: 20, max: 23, period: 'hour' },
    ],
    ['$21/hr, with a $500 sign-on bonus', { min: 21, max: 21, period: 'hour' }],
    ['$2,000 sign-on bonus. Pay: $20/hr', { min: 20, max: 20, period: 'hour' }],
    ['Night shift differential of $2/hr', null],
    // what follows "plus" is another amount's
    [
      'Pay: $21.00 - $25.00 per hour, plus $2/hr night shift differential',
      { min: 21, max: 25, period: 'hour' },
    ],
    ['Pay is $18-$22 an hour plus a quarterly bonus.', { min: 18, max: 22, period: 'hour' }],
    ['$19.75 - $27.00/hr, plus a $1.00/hr float premium', { min: 19.75, max: 27, period: 'hour' }],
    ['$1,500 sign-on bonus for certified candidates', null],
    ['Grade GS-5, step 1', null],
    ['Draw blood and take vital signs.', null],
    // without a dollar sign: beside a period, or a range or cents after a pay label
    ['Pay: 18-22 per hour', { min: 18, max: 22, period: 'hour' }],
    ['Wage: 17.50/hr DOE', { min: 17.5, max: 17.5, period: 'hour' }],
    ['Salary range 45,000 - 52,000', { min: 45000, max: 52000, period: 'year' }],
    ['Pay rate: up to 24 hourly', { min: null, max: 24, period: 'hour' }],
    ['Schedule: four 10-hour shifts', null],
    ['17-19 hr DOE', { min: 17, max: 19, period: 'hour' }],
    ['Work 10-12 hr shifts', null],
    ['Weekly hours range between 34 - 36 hours per week', null],
    ['Pay grade: 13', null],
    ['Rate: 13', null],
    ['See up to 30 patients per day', null],
    ['Night differential of 2 per hour', null],
    // a salary per pay period or week is read per year
    ['Salary: $1,900.00 - $2,500.00 biweekly', { min: 49400, max: 65000, period: 'year' }],
    ['Pay: $1,200 per week', { min: 62400, max: 62400, period: 'year' }],
    ['Salary: $3,500 - $4,200 monthly', { min: 42000, max: 50400, period: 'year' }],
    // an aside after the period is not the pay's; a bill rate is the agency's, not the pay
    ['Pay: $24–$27/hour (housing stipend available)', { min: 24, max: 27, period: 'hour' }],
    [
      'BILL RATE: $34.00-$37.50/hr (internal)\nPAY RATE: $22.00-$25.00/hr W2',
      { min: 22, max: 25, period: 'hour' },
    ],
    ['Sign-on bonus: $500 (paid after 90 days)', null],
    ['Weekend shift: $8/hour (weekend differential)', null],
    ['We pay biweekly! Starting at $19 - $22 DOE', { min: 19, max: 22, period: 'hour' }],
    ['$25 weekly lunch credit', null],
  ])('%j → %j', (body, pay) => {
    expect(attributes(body).pay).toEqual(pay);
  });

  it('ignores amounts in the benefits section', () => {
    expect(attributes('Benefits and Perks\n- $500 toward scrubs at $25 per hour of training').pay).toBeNull();
    expect(extractPay(lines('Pay: $21 per hour'))).toEqual({ min: 21, max: 21, period: 'hour' });
  });
});

describe('certWindowDays', () => {
  it.each<[string, number | null]>([
    ['Must obtain CCMA within 90 days of hire', 90],
    ['Limited x-ray permit or willing to get one within 6 mos', 180],
    ['CCMA required within 6 months of hire', 180],
    ['Obtain CCMA within 12 months of hire', 365],
    ['CCMA required within one year of employment', 365],
    ['BLS within 30 days of hire required', 30],
    ['CCMA required', null],
    // a wait before a benefit, not a deadline
    ['Paid certification courses after 6 months of employment', null],
    ['Obtain certification within 6 months of employment', 180],
    // a certification the lexicon does not name still has its window
    ['- Obtain Vision/Hearing, and Scoliosis Certification within 6 months of hire', 180],
    [
      'Certification for drug and breath alcohol testing required or completed within first 60 days of employment.',
      60,
    ],
    ["Valid driver's license within 30 days of hire", null],
    ['Must pass the CCMA exam by the end of the 90-day introductory period', 90],
    ['New hires must earn the RMA within their first year', 365],
    ['Every MA we hire must earn the NHA CCMA within their first 6 months', 180],
    ['You will need to hold, or get within your first ninety days with us, a limited x-ray permit', 90],
    [
      "You need a certification; if you're not certified yet, you'll have 120 days from your hire date to get it.",
      120,
    ],
    // the window a sentence or two after the credential it is for, not when benefits start
    ['CMA certification required. Eligible for benefits within your first 60 days.', null],
    ['CMA or RMA certification required. Must successfully pass the 90-day probationary period.', null],
    ['CMA required. Must be able to start within 2 weeks of offer.', null],
    [
      'National MA certification required. Must obtain within 90 days of hire (eligible for exam reimbursement).',
      90,
    ],
    ['CCMA certification required; health insurance begins within your first 30 days', null],
    [
      "Must be certified (CMA, RMA, CCMA). Don't have it? You will have 90 days from your hire date to get it.",
      90,
    ],
    [
      'Requirements: CMA or RMA certification. Not certified yet? You can still be hired if you pass within 6 months of your start date.',
      180,
    ],
    // the window in the next part of the credential's line
    ['Licenses:\n- CCMA (NHA) - required within 60 days of hire', 60],
    ['Benefits:\n- Paid certification exam within 90 days of hire', null],
  ])('%j → %s', (body, days) => {
    expect(attributes(body).certWindowDays).toBe(days);
  });

  it.each<[string, number | null]>([
    ['within 90 days of hire', 90],
    ['within the first 6 months', 180],
    ['within 12 months', 365],
    ['within one year of hire', 365],
    ['within 2 weeks', 14],
    ['60 days after hire', 60],
    ['certified within reason', null],
    // two deadlines: the credential's, not the training's before it
    ['complete orientation within 30 days, then obtain your CPT within 6 months', 180],
    ['obtain your CMA within 90 days; benefits begin within 30 days', 90],
    ['finish training within 2 weeks and be certified within 60 days', 60],
    [
      'complete orientation within 2 weeks, EHR training within 30 days, and obtain your CCMA within 90 days',
      90,
    ],
    [
      'be eligible to sit for the CCMA exam and pass within 90 days, with skills check-off within 30 days of passing',
      90,
    ],
  ])('parseCertWindow(%j) → %s', (clause, days) => {
    expect(parseCertWindow(clause)).toBe(days);
  });
});

describe('title and location', () => {
  it('takes the first line as the title and a Location line as the location', () => {
    const a = analyzePosting(
      { text: 'Certified Medical Assistant\nLocation: Boise, ID\n\nRoom patients.' },
      lexicon,
    );
    expect(a.attributes.title).toBe('Certified Medical Assistant');
    expect(a.attributes.location).toBe('Boise, ID');
  });

  it('finds a City, ST in the title', () => {
    const a = analyzePosting({ text: 'Medical Assistant - Tacoma, WA\n\nRoom patients.' }, lexicon);
    expect(a.attributes.location).toBe('Tacoma, WA');
  });
});

describe('word marks', () => {
  // The segmenter marks lines by their words; the attributes must read the same with or without.
  const PIECES = [
    'Full-time',
    'full time',
    'Fulltime',
    'FullTime',
    'perdiem',
    'fixedterm',
    'travel contract',
    'successfully',
    'partner',
    'fully',
    'temperatures',
    'terminology',
    "full'time",
    "FT's",
    'FT',
    'PT schedule',
    'PT',
    'Part-Time',
    'per diem',
    'PRN',
    'PRN meds',
    'temp',
    'temporary',
    'locums',
    'seasonal',
    'fixed-term',
    'contract position',
    '13 week assignment',
    '40 hours/week',
    '36 hrs per week',
    '40hrs/wk',
    'experience',
    '2 years of experience',
    '18-22 per hour',
    'Pay: 17.50',
    'Salary 45,000 - 52,000',
    '19/hr',
    'hourly',
    'Experience: 1 year',
    "O'FT",
    'helpful',
    'department',
    'temperature',
    'determine',
    'shift',
    'after',
    '\n',
    '\n\n',
    ', ',
    '. ',
    ' ',
  ];
  const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(' '));

  it.each([
    ['full', MARK_EMPLOYMENT],
    ['PRN', MARK_EMPLOYMENT],
    ['40hrs', MARK_EMPLOYMENT],
    ['department', 0],
    ['successfully', 0],
    ['determine', 0],
    ['fully', 0],
    ['temperature', 0],
    ['terminology', 0],
    ['participate', 0],
    ["FT's", MARK_EMPLOYMENT],
    ['experienced', MARK_EXPERIENCE],
    ['Certification', MARK_CERTIFICATION],
    ['hr', MARK_EMPLOYMENT | MARK_PAY],
    ['Hourly', MARK_PAY],
    ['salary', MARK_PAY],
    ['rated', 0],
    ['years', MARK_EXPERIENCE | MARK_PAY],
    ['certified', MARK_CERTIFICATION],
  ])('%s has marks %i', (word, marks) => {
    expect(wordMarks(word)).toBe(marks);
  });

  it('give the same employment type, experience and pay as reading every line as text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const marked = segmentText(text, lexicon).lines.filter((l) => !l.blank);
        const plain: AttributeLine[] = marked.map((l) => ({
          text: l.text,
          start: l.start,
          section: l.section,
        }));
        expect(extractEmploymentType(marked)).toBe(extractEmploymentType(plain));
        expect(extractExperienceYears(marked)).toBe(extractExperienceYears(plain));
        expect(extractPay(marked)).toEqual(extractPay(plain));
      }),
      { numRuns: 500 },
    );
  });
});
