import { describe, expect, it } from 'vitest';
import { analyzePosting, type Segmented, segmentText, TokenPool, tokenize } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { posting } from '../fixtures/extract-postings.js';

const lexicon = loadLexicon();

const tokenOf = (seg: Segmented, surface: string) => {
  const t = seg.tokens.find((tk) => tk.word.surface === surface);
  if (!t) throw new Error(`no token ${surface}`);
  return t;
};

describe('tokenize', () => {
  it('gives words with offsets into the text, apostrophes kept inside', () => {
    const text = "Patient's vitals, BP & O2 — 12-lead";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word.surface)).toEqual(["Patient's", 'vitals', 'BP', 'O2', '12', 'lead']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word.surface);
  });

  it('reads a dotted acronym as one word, without its dots, but not lowercase abbreviations', () => {
    const text = 'C.M.A. or G.E.D., e.g. at 8 a.m. with Dr. J. Smith';
    const tokens = tokenize(text, lexicon);
    expect(tokens.map((t) => t.word.surface)).toEqual([
      'C.M.A',
      'or',
      'G.E.D',
      'e',
      'g',
      'at',
      '8',
      'a',
      'm',
      'with',
      'Dr',
      'J',
      'Smith',
    ]);
    expect(tokens[0]!.word.norm).toBe('cma');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word.surface);
  });

  it.each<[string, number]>([
    ['Must hold a C.M.A. in good standing', 1], // the acronym's dot before a lowercase word goes on
    ['Must hold a C.M.A. Preferred', 1], // nor before a capital (a Title Case cue)
    ['2+ years in dermatology required', 1], // a "+" after a number is "or more", not a list marker
    ['Phlebotomy + EKG', 2],
  ])('%j has %i clauses', (text, clauses) => {
    expect(segmentText(text, lexicon).clauses).toHaveLength(clauses);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize(' .,;: -- ')).toEqual([]);
  });

  it('reuses pooled token objects and fills every field afresh', () => {
    const pool = new TokenPool();
    const long = segmentText('Requirements:\nCCMA required, BLS preferred', lexicon, { pool });
    expect(long.tokens.some((t) => t.heading)).toBe(true);
    const first = long.tokens[0];
    const length = long.tokens.length;
    const short = tokenize('draw blood', lexicon, { pool });
    expect(short[0]).toBe(first); // the same object, reset
    expect(short).toEqual(tokenize('draw blood', lexicon));
    expect(pool.tokens.length).toBe(length);
    expect(long.tokens).toHaveLength(length); // the result is a copy: the next call leaves it whole
  });
});

describe('analyzePosting: pooled tokens', () => {
  it('gives each posting the analysis it gets on its own, whatever came before', () => {
    const a = posting('Requirements:\n- CCMA or RMA required\n- 2 years of experience');
    const b = posting('Duties: draw blood, take vital signs and schedule appointments.');
    const alone = analyzePosting({ text: b }, loadLexicon());
    analyzePosting({ text: a }, lexicon);
    expect(analyzePosting({ text: b }, lexicon)).toEqual(alone);
  });
});

describe('segmentText: headings and sections', () => {
  it.each([
    ['Requirements:\nCCMA required', 'CCMA', 'requirements'],
    ['Requirements\n- CCMA', 'CCMA', 'requirements'],
    ['Responsibilities\n- Draw blood', 'Draw', 'responsibilities'],
    ['Benefits and Perks\n- Free scrubs', 'scrubs', 'benefits'],
    ['Preferred Qualifications:\n- Epic experience', 'Epic', 'preferred'],
    ['Desired\n- ENT clinic experience', 'ENT', 'preferred'],
    ['Pay Transparency\nThe pay range is $18.50 - $25.90 per hour', 'range', 'compensation'],
    ['Pay Transparency Nondiscrimination Provision\nWe will not discharge anyone', 'discharge', 'eeo'],
    ['Benefits\nHealth and dental\nSchedule\nFull-time, Monday through Friday', 'Monday', 'intro'],
    ['Equal Opportunity Employer\nWe welcome all.', 'welcome', 'eeo'],
    ['About Us\nWe are a clinic.', 'clinic', 'about'],
    ['How to Apply\nSend a resume.', 'resume', 'apply'],
    ['Physical Demands\nLift 25 pounds.', 'Lift', 'physical'],
    ['Education: High school diploma', 'diploma', 'requirements'],
    ['**Required Licensing & Certifications:** + BLS certification + CCMA', 'BLS', 'requirements'],
    ['Pay: $20 per hour', 'per', 'compensation'],
    // A federal posting's qualification list, after its duties.
    [
      'Duties:\n- Room patients\nThe incumbent possesses the following:\n- Ability to file',
      'file',
      'requirements',
    ],
    [
      'Duties:\n- Room patients\nThe incumbent must possess:\n- Knowledge of coding',
      'coding',
      'requirements',
    ],
    // A preference qualifies a requirements noun: the tie goes to preferred.
    ['Skills that would be beneficial:\n- Epic experience', 'Epic', 'preferred'],
    ['Qualifications (Preferred)\n- Epic experience', 'Epic', 'preferred'],
    ['Required Qualifications\n- Epic experience', 'Epic', 'requirements'],
    // an outline number before an inline label still opens its section
    ['II. QUALIFICATIONS: High school diploma.\n1. Able to draw blood', 'draw', 'requirements'],
    // an outline number is not one of a standalone heading's words
    [
      'II. ABOUT US\nWe are a clinic.\nIII. ESSENTIAL FUNCTIONS\n1) Rooms patients',
      'Rooms',
      'responsibilities',
    ],
    [
      'About Us\nWe are a clinic.\nB) Minimum Qualifications\n- Phlebotomy skills',
      'Phlebotomy',
      'requirements',
    ],
    ['Preferred:\n- Epic\nF. REQUIRED KNOWLEDGE AND ABILITIES\nKnowledge of HIPAA', 'HIPAA', 'requirements'],
    ['Physical Abilities\n- Lift 25 pounds', 'Lift', 'physical'],
    // a numbered duty list's item is no heading
    ['Duties:\n1) Room patients\n2) Education\n3) Draw blood', 'Draw', 'responsibilities'],
    ['About Us\nWe are a clinic.\n3. RESPONSIBILITIES\n- Draw blood', 'Draw', 'responsibilities'],
    [
      'Duties\n- Room patients\n\nMust Also Possess\nAbility to work under pressure',
      'pressure',
      'requirements',
    ],
    // A line whose heading word is part of a concept's name is content, not a heading.
    ['Preferred Qualifications:\nCertification as a Medical Assistant\nEpic experience', 'Epic', 'preferred'],
    ['Requirements:\n- CCMA\nJob Keywords: CMA, phlebotomy, Boston', 'phlebotomy', 'apply'],
    // A paragraph on what the job's holder does ends a benefits list that no heading closed…
    [
      'Benefits:\n- Paid time off\n- 401k match\n\nThe Clinic Assistant performs the duties of an MA, such as drawing blood.',
      'drawing',
      'intro',
    ],
    ['Benefits:\n- Paid time off\n\nThis role is responsible for rooming patients.', 'rooming', 'intro'],
    // …but not one about the employer or the contract.
    ['Benefits:\n- Paid time off\n\nThis position is covered by a union agreement.', 'union', 'benefits'],
    ['About Us\n\nOur clinic performs 200 procedures a day.', 'procedures', 'about'],
    ['Benefits:\n- Paid time off\n- The assistant role performs well here', 'well', 'benefits'],
    // a question heads its list as a label does, unless it names a concept (an FAQ's question)
    ['What would be a plus?\n- Epic experience', 'Epic', 'preferred'],
    ['Duties:\n- Room patients\nWhat do you need?\n- Phlebotomy experience', 'Phlebotomy', 'requirements'],
    ['About Us\nWe are a clinic.\nWhat will you do?\n- Draw blood', 'Draw', 'responsibilities'],
    ['Requirements:\n- CCMA\nDo you have phlebotomy experience?\n- Spanish', 'Spanish', 'requirements'],
    ['Nice:\n- Epic experience', 'Epic', 'preferred'],
    // an FAQ's "Q:", headings addressed to "you", and the work the job leaves to others
    ['Q: What do I need?\nA: A medical assistant certification', 'certification', 'requirements'],
    ['You\n- Washington State MA-C credential', 'credential', 'requirements'],
    ['About You\n- Two years of experience', 'experience', 'requirements'],
    ['You need\n- Basic computer skills', 'computer', 'requirements'],
    ['What will I actually do?\n- Vitals on everyone', 'Vitals', 'responsibilities'],
    ['The Work\n- Rooming and vitals', 'Rooming', 'responsibilities'],
    ['Q: What helps?\nA: Peds experience', 'Peds', 'preferred'],
    ['Requirements\n- CCMA\n\nThank You\nWe will contact qualified applicants', 'contact', 'apply'],
    [
      'What you will do:\n- Room patients\n\nWhat you will NOT do:\n- Give medications',
      'medications',
      'excluded',
    ],
    ["What you won't do\n- Billing\n\nRequirements\n- CCMA", 'CCMA', 'requirements'],
    ['Not part of this role:\n- Billing and coding', 'Billing', 'excluded'],
  ])('%j puts %s in %s', (body, word, section) => {
    const seg = segmentText(posting(body), lexicon);
    expect(tokenOf(seg, word).section).toBe(section);
  });

  it('marks heading words as headings, never content', () => {
    const seg = segmentText(
      posting('Education: High school diploma\nRequirements:\nBLS certification required'),
      lexicon,
    );
    expect(tokenOf(seg, 'Education').heading).toBe(true);
    expect(tokenOf(seg, 'diploma').heading).toBe(false);
    expect(tokenOf(seg, 'Requirements').heading).toBe(true);
    expect(tokenOf(seg, 'BLS').heading).toBe(false);
  });

  it('opens a section with an inline label at the start of a line, for the lines after it', () => {
    const seg = segmentText(posting('Requirements: CCMA\n- BLS'), lexicon);
    expect(tokenOf(seg, 'BLS').section).toBe('requirements');
  });

  it('ends an inline label with a value at a blank line before a paragraph, not before a list', () => {
    const paragraph = segmentText(
      posting(
        'Experience: Two years in a medical office\n\nCoastal Clinic is a busy family practice in town that is seeking a friendly receptionist to greet patients.',
      ),
      lexicon,
    );
    expect(tokenOf(paragraph, 'receptionist').section).toBe('intro');
    const list = segmentText(posting('Requirements: the following\n\n- BLS\n- CCMA'), lexicon);
    expect(tokenOf(list, 'BLS').section).toBe('requirements');
  });

  it.each([
    'Front desk duties',
    'Back office duties',
    'Clinical responsibilities',
  ])('reads the inline label %j as duties', (label) => {
    const seg = segmentText(
      posting(`Requirements: BLS\n${label}: greet patients and answer phones`),
      lexicon,
    );
    expect(tokenOf(seg, 'greet').section).toBe('responsibilities');
  });

  it("reads a list item's label as naming that item only", () => {
    const seg = segmentText(
      posting('Duties:\n- Patient Education: Educate patients on foot care\n- Inventory: Order supplies'),
      lexicon,
    );
    expect(tokenOf(seg, 'Educate').section).toBe('responsibilities');
    expect(tokenOf(seg, 'Order').section).toBe('responsibilities');
  });

  it('keeps the section of a heading it does not know', () => {
    const seg = segmentText(posting('Requirements:\n- CCMA\nFor our Tacoma office:\n- BLS'), lexicon);
    expect(tokenOf(seg, 'BLS').section).toBe('requirements');
  });

  it('reads a headless bulleted list of qualifications as requirements', () => {
    const seg = segmentText(
      posting('- High school diploma or GED\n- Strong communication skills\n- Ability to lift 25 pounds'),
      lexicon,
    );
    expect(tokenOf(seg, 'GED').section).toBe('requirements');
  });

  it.each([
    // short plain lines with no heading, most of them qualifications
    [
      'We are hiring.\n\nHigh school diploma or GED\nMinimum one year of experience\nValid CPR certification\nWell-organized',
      'GED',
      'requirements',
    ],
    // too few qualification lines, or a paragraph: not a list
    ['We are hiring.\n\nHigh school diploma or GED\nRoom patients\nDraw blood', 'GED', 'intro'],
    // a second list under a duties heading, set apart by a blank line, that reads as qualifications
    [
      'Responsibilities\n- Room patients\n- Draw blood\n\n- Certification required\n- High school diploma\n- Ability to lift 25 pounds',
      'diploma',
      'requirements',
    ],
    // the first list under the heading stays what the heading says
    ['Responsibilities\n- Certification upkeep\n- Ability checks on new staff', 'upkeep', 'responsibilities'],
    // a second duties list stays duties
    [
      'Responsibilities\n- Room patients\n\n- Draw blood\n- Give injections',
      'injections',
      'responsibilities',
    ],
  ])('reads the list in %j: %s in %s', (body, word, section) => {
    expect(tokenOf(segmentText(posting(body), lexicon), word).section).toBe(section);
  });

  it.each([
    'Benefits and Perks\n- Free BLS certification\n- CCMA exam fees paid\n- Epic training',
    'Equal Opportunity Employer\nWe hire without regard to national origin, including Spanish speakers, or CPR certification.',
    'About Us\nOur pediatric practice has drawn blood and taken x-rays for 30 years.',
    'How to Apply\nSend your CCMA card and BLS card with your resume.',
    'What you will NOT do:\n- Give medications or injections\n- Triage phone calls\n- Billing and coding',
    // a job-description page's notes on the occupation
    'Top employer types\nPrimary care practices, ambulatory surgery centers, urgent care clinics',
    'Career Progression\nEntry Point From:\n- Phlebotomy Technician\nAdvancement To:\n- EKG Technician',
  ])('finds no concepts in %j', (body) => {
    expect(analyzePosting({ text: posting(body) }, lexicon).concepts).toEqual([]);
  });
});

describe('segmentText: title', () => {
  it('takes a short first line set apart as the title', () => {
    const text = 'Medical Assistant - Pediatrics\n\nDraw blood.';
    const seg = segmentText(text, lexicon);
    expect(seg.title).not.toBeNull();
    expect(text.slice(seg.title!.start, seg.title!.end)).toBe('Medical Assistant - Pediatrics');
    expect(tokenOf(seg, 'Pediatrics').section).toBe('title');
    expect(tokenOf(seg, 'Draw').section).toBe('intro');
  });

  it.each([
    'Responsibilities\n- Draw blood',
    'We are hiring a medical assistant for our busy clinic today.\nDraw blood.',
    'Requirements:\n- CCMA',
  ])('has no title when the first line is %j', (text) => {
    expect(segmentText(text, lexicon).title).toBeNull();
  });
});

describe('segmentText: clauses', () => {
  const text = posting(
    'Take vitals; room patients: give shots. Draw blood + perform EKGs - answer phones • file charts',
  );
  const seg = segmentText(text, lexicon);
  const clause = (w: string) => tokenOf(seg, w).clause;

  it.each([
    ['vitals', 'room'],
    ['patients', 'give'],
    ['shots', 'Draw'],
    ['blood', 'perform'],
    ['EKGs', 'answer'],
    ['phones', 'file'],
  ])('breaks the clause between %s and %s', (a, b) => {
    expect(clause(a)).not.toBe(clause(b));
  });

  it.each([
    ['Pay is $18.50 per hour', '18', '50'],
    ['Start at 9:45 daily', '9', '45'],
    ['Screenings, e.g. vision', 'e', 'vision'],
    ['Take x-rays and vitals', 'x', 'rays'],
    ['Collect, label and send specimens', 'Collect', 'specimens'],
  ])('keeps %j in one clause (%s … %s)', (body, a, b) => {
    const s = segmentText(posting(body), lexicon);
    expect(tokenOf(s, a).clause).toBe(tokenOf(s, b).clause);
  });

  it('covers every token exactly once, in order', () => {
    let next = 0;
    for (const c of seg.clauses) {
      expect(c.from).toBe(next);
      expect(c.to).toBeGreaterThan(c.from);
      next = c.to;
    }
    expect(next).toBe(seg.tokens.length);
  });
});
