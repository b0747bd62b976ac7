import { describe, expect, it } from 'vitest';
import { findCues, governingCue } from '../../src/extract/cues.js';
import { analyzePosting, segmentText } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { levelsOf, posting } from '../fixtures/extract-postings.js';

const lexicon = loadLexicon();
const analyze = (body: string) => analyzePosting({ text: posting(body) }, lexicon);

// [posting body, concept id, expected level]
const LEVELS: Array<[string, string, 'required' | 'preferred' | 'duty']> = [
  // by cue
  ['CCMA required', 'cert.ccma', 'required'],
  // a bullet that only says "Responsibilities" opens that section (a flattened page)
  [
    'Requirements\n  • BLS required\n  • Responsibilities\n  • Draw blood from patients',
    'clinical.phlebotomy',
    'duty',
  ],
  ['Requirements\n  • Benefits Eligible\n  • Draw blood from patients', 'clinical.phlebotomy', 'required'],
  ['CCMA certification is required. Bilingual is a plus.', 'cert.ccma', 'required'],
  ['CCMA certification is required. Bilingual is a plus.', 'soft.bilingual', 'preferred'],
  ['Bilingual preferred.', 'soft.bilingual', 'preferred'],
  ['Bilingual in Spanish preferred', 'soft.bilingual', 'preferred'],
  ['Spanish speaking is a plus', 'soft.bilingual', 'preferred'],
  ['- Must have attention to detail', 'soft.attention-to-detail', 'required'],
  ['Epic experience preferred', 'ehr.epic', 'preferred'],
  ['Looking for a detail-oriented assistant who knows Epic', 'soft.attention-to-detail', 'preferred'],
  ['Spanish-speaking candidates please apply!', 'soft.bilingual', 'preferred'],
  [
    'The successful Medical Assistant will have strong communication skills',
    'soft.communication',
    'required',
  ],
  ['CCMA preferred, but not required', 'cert.ccma', 'preferred'],
  ['Ideal candidate has EKG experience', 'clinical.ekg', 'preferred'],
  ['Strong communication skills required', 'soft.communication', 'required'],
  // by inline label
  ['Preferred: Epic experience', 'ehr.epic', 'preferred'],
  ['Nice to have: phlebotomy certification', 'cert.phlebotomy', 'preferred'],
  ['Bonus: EKG certification', 'cert.ekg', 'preferred'],
  ['Education: High school diploma', 'edu.high-school', 'required'],
  // by heading
  ['Requirements:\n- Medical Assistant certification', 'cert.ma-any', 'required'],
  ['Requirements:\n- CCMA or RMA', 'cert.ccma', 'required'],
  ['Requirements:\n- CCMA or RMA', 'cert.rma', 'required'],
  ['What you need:\n- BLS certification', 'cert.bls', 'required'],
  ['Ideal candidate:\n- Is bilingual', 'soft.bilingual', 'preferred'],
  ['Nice to have\n- Epic experience', 'ehr.epic', 'preferred'],
  [
    'Preferred:\n- Bilingual\n- Epic experience\nRequirements:\n- High school diploma',
    'soft.bilingual',
    'preferred',
  ],
  [
    'Preferred:\n- Bilingual\n- Epic experience\nRequirements:\n- High school diploma',
    'edu.high-school',
    'required',
  ],
  ['Responsibilities:\n- Draw blood\n- Take vital signs', 'clinical.phlebotomy', 'duty'],
  // an item under a requirements heading that says preferred, or names a duty
  ['Requirements:\n- CCMA required\n- BLS preferred', 'cert.bls', 'preferred'],
  ['Requirements:\n- CCMA required\n- BLS preferred', 'cert.ccma', 'required'],
  ['Requirements:\n- May administer medications', 'clinical.medications', 'duty'],
  // strongest wins
  [
    'Requirements:\n- Phlebotomy experience preferred\nResponsibilities:\n- Perform phlebotomy\nQualifications:\n- Phlebotomy skills required',
    'clinical.phlebotomy',
    'required',
  ],
  [
    'Responsibilities:\n- Schedule appointments\nPreferred:\n- Scheduling experience',
    'admin.scheduling',
    'preferred',
  ],
  // any one of several bodies
  ['CMA, RMA or CCMA required', 'cert.cma', 'required'],
  ['CMA, RMA or CCMA required', 'cert.rma', 'required'],
  ['CMA, RMA or CCMA required', 'cert.ccma', 'required'],
  ['CMA or RMA required', 'cert.rma', 'required'],
  // trained on the job: a duty, not a requirement
  ['No experience necessary, we will train you on phlebotomy.', 'clinical.phlebotomy', 'duty'],
  ['We will train you on EKGs', 'clinical.ekg', 'duty'],
  // a double hyphen parts clauses as a dash does: the negation before it governs nothing after it
  [
    "Requirements:\n- Keep calm when the phone won't stop ringing -- multitasking is the whole job",
    'soft.organization',
    'required',
  ],
  // credential obtained after hire
  ['Must obtain CCMA within 90 days of hire', 'cert.ccma', 'required'],
  ['Must obtain BLS within 90 days of hire.', 'cert.bls', 'required'],
  ['CCMA preferred or willingness to obtain within 12 months', 'cert.ccma', 'required'],
  ['RMA preferred or willingness to obtain within 12 months.', 'cert.rma', 'required'],
  // a credential the employer trains for is asked only with a window
  ["Requirements:\n- We'll train you and get you CCMA certified within 90 days", 'cert.ccma', 'required'],
  ['Requirements:\n- BLS certification required, training provided', 'cert.bls', 'required'],
  // an employer's "we" that turns to the candidate asks the quality
  ['We need a team player who is compassionate.', 'soft.empathy', 'required'],
  ['We value teamwork and compassion.', 'soft.teamwork', 'duty'],
  ['Seeking a compassionate team member.', 'soft.empathy', 'duty'],
  // a specialty is asked only as experience, or on a line that is little more than it
  ['Requirements:\n- 1 year of dermatology experience', 'specialty.dermatology', 'required'],
  ['Preferred:\n- Dermatology a plus', 'specialty.dermatology', 'preferred'],
  ['Requirements:\n- One year of experience as an MA, preferably in OB/GYN', 'specialty.ob-gyn', 'preferred'],
  ['Requirements:\n- Bilingual English/Spanish preferable', 'soft.bilingual', 'preferred'],
  ['CMA pref.', 'cert.ma-any', 'preferred'],
  // "preferred" naming the patient's choice is no cue
  [
    'Responsibilities:\n- Review meds, allergies and preferred pharmacy, and take vitals',
    'clinical.vital-signs',
    'duty',
  ],
  // a question's "need" is no requirement
  ['FAQ\nDo I need phlebotomy experience? No, we teach it here.', 'clinical.phlebotomy', 'duty'],
  // prose duties after a need: "you would be…" says what the job does
  [
    'Requirements:\nWe need another MA asap, you would be rooming patients and drawing blood',
    'clinical.phlebotomy',
    'duty',
  ],
  // a question's negation waives: the answer after it says what is asked
  ["Requirements:\n- Don't have your CCMA yet? You must obtain it within 6 months.", 'cert.ccma', 'required'],
  [
    'Requirements:\n- Not BLS certified? You must be certified before your first day.',
    'cert.bls',
    'required',
  ],
  ['Cardiology exposure would be a genuine advantage.', 'specialty.cardiology', 'preferred'],
  // a holder who lacks the credential yet is told to obtain it: no negation
  [
    'Requirements:\n- Candidates who do not have a CMA or RMA must obtain certification within 90 days',
    'cert.rma',
    'required',
  ],
  ['Requirements:\n- Bilingual is not a must', 'soft.bilingual', 'preferred'],
  ["Requirements:\n- Podiatry experience would help but isn't required", 'specialty.podiatry', 'preferred'],
  ['Requirements:\n- Prior dermatology experience would help', 'specialty.dermatology', 'preferred'],
  ['Requirements:\n- Knowledge of Spanish is nice', 'soft.bilingual', 'preferred'],
  ['Requirements:\n- Do you have phlebotomy experience? (Required)', 'clinical.phlebotomy', 'required'],
  // prose ways to say "a plus"
  ['Spanish would be a real help, since a third of our patients prefer it.', 'soft.bilingual', 'preferred'],
  ['Requirements:\n- Spanish is a huge plus', 'soft.bilingual', 'preferred'],
  ['Being bilingual in English and Spanish is a definite plus.', 'soft.bilingual', 'preferred'],
  ['If you speak Spanish or Vietnamese, even better.', 'soft.bilingual', 'preferred'],
  ['Experience in ModMed is nice but not a dealbreaker.', 'ehr.modmed', 'preferred'],
  // a physical demand's "required" asks the body, not the skill it names
  ['Physical Demands\nRequires manual dexterity for injections', 'clinical.injections', 'duty'],
  ['Requirements:\nRequires experience giving injections', 'clinical.injections', 'required'],
  // what a person sought is "to" do is a duty; who the person is, a preference
  ['We are looking for a friendly person to greet patients and answer phones', 'admin.phones', 'duty'],
  ['We are looking for someone who is bilingual', 'soft.bilingual', 'preferred'],
  [
    'We are looking for an MA with phlebotomy experience to join our team',
    'clinical.phlebotomy',
    'preferred',
  ],
  ['Reqs:\n- EKG exp', 'clinical.ekg', 'required'],
  // the experience word may follow a specialty's setting ("ENT or audiology clinic experience")
  ['Preferred:\n- ENT or audiology clinic experience', 'specialty.ent', 'preferred'],
  [
    'One to two years of experience as a clinical technician in an ophthalmology practice preferred',
    'specialty.ophthalmology',
    'preferred',
  ],
  ['Experienced dermatology medical assistant preferred', 'specialty.dermatology', 'preferred'],
  // a cue right after the field asks the field itself
  ["(women's health strongly preferred)", 'specialty.ob-gyn', 'preferred'],
  [
    'Requirements:\n- 3+ yrs as an MA, with one year in a specialty (neurology is ideal)',
    'specialty.neurology',
    'preferred',
  ],
  ['Our pediatrics team is preferred by families across the county.', 'specialty.pediatrics', 'duty'],
  // …not one after the credential that holds the field's word
  [
    'Ophthalmology clinic\nRequirements:\n- COA (Certified Ophthalmic Assistant) preferred',
    'specialty.ophthalmology',
    'duty',
  ],
  // …where the field opens its clause: not the job's setting, nor a credential's name
  ['We are hiring an MA. Rotating Saturdays at our urgent care required.', 'specialty.urgent-care', 'duty'],
  ['Urgent care is ideal for MAs who want variety.', 'specialty.urgent-care', 'duty'],
  [
    'Requirements:\n- 2 years of experience as a Certified Ophthalmic Assistant',
    'specialty.ophthalmology',
    'required',
  ],
  // Title Case cues after a dotted acronym
  ['Requirements:\n- C.M.A. Preferred', 'cert.ma-any', 'preferred'],
  // "you would have" asks; "Ideally" governs it
  ['Ideally, you would have Epic experience and speak Spanish', 'ehr.epic', 'preferred'],
  ['Epic experience preferred by the hiring manager', 'ehr.epic', 'preferred'],
  // a length of time in the field is experience asked in it
  ['At least six months working in a pediatric office is preferred.', 'specialty.pediatrics', 'preferred'],
  ['Requirements:\n- 2+ yrs in dermatology', 'specialty.dermatology', 'required'],
  // …about the specialty, not the person ("an experienced MA who can support our pain physicians")
  [
    'We need an experienced MA who can support both our pain management physicians and staff.',
    'specialty.pain-management',
    'duty',
  ],
  [
    'Requirements:\n- High school diploma\n- Cedar Dermatology Associates will provide on-the-job training for new graduates',
    'specialty.dermatology',
    'duty',
  ],
  // a cue after a comma-separated item that names no concept is that item's alone…
  ['Requirements:\nHigh school diploma, some college preferred', 'edu.high-school', 'required'],
  ['Requirements:\nPhlebotomy experience, weekend availability a plus', 'clinical.phlebotomy', 'required'],
  // …but a list's items, a list's last item and a predicate leave it to the whole clause
  ['Requirements:\nCMA, RMA or CCMA preferred', 'cert.rma', 'preferred'],
  ['Requirements:\nPhlebotomy, EKG preferred', 'clinical.phlebotomy', 'preferred'],
  ['Collaboration with the optician, doctor, or office staff is essential', 'soft.teamwork', 'required'],
];

// [posting body, concept id that must not be found]
const ABSENT: Array<[string, string]> = [
  // what the employer is proud to give is a benefit
  ['We are proud to offer paid JCAHPO certification courses and exam fees.', 'cert.ophthalmic'],
  // qualities the employer claims, or the workplace has, are not asked of the candidate
  ['We’re working together to help people live healthier lives.', 'soft.teamwork'],
  ['Quality care in a warm, caring and professional environment.', 'soft.empathy'],
  ['Join a compassionate, supportive atmosphere.', 'soft.empathy'],
  ['Come work with a compassionate, dedicated team!', 'soft.empathy'],
  ['Our mission is to provide timely, compassionate care.', 'soft.empathy'],
  // a template's sentence about the occupation names settings, not this job's specialty
  [
    'Medical assistants work in physician offices, hospitals, urgent care centers and specialty clinics.',
    'specialty.urgent-care',
  ],
  [
    'Most medical assistants typically work in dermatology practices, clinics and hospitals.',
    'specialty.dermatology',
  ],
  ['Certification not required; we will train you.', 'cert.ma-any'],
  ['CCMA is not required', 'cert.ccma'],
  ['No certification required. Draw blood.', 'cert.ma-any'],
  ['We offer free BLS classes.', 'cert.bls'],
  ['We provide BLS certification classes', 'cert.bls'],
  // what the job does not do
  ["We have a separate team for that, so you won't be checking patients in.", 'admin.front-desk'],
  ['MAs do not give shots here.', 'clinical.injections'],
  ['This is not a front-desk role.', 'admin.front-desk'],
  ["You don't have to have phlebotomy experience", 'clinical.phlebotomy'],
  // a credential the employer gives, with no window to hold it by
  ['Requirements:\n- BLS certification will be provided', 'cert.bls'],
  ['Requirements:\n- CCMA training provided', 'cert.ccma'],
  ['Tuition reimbursement for CCMA certification', 'cert.ccma'],
  ['Benefits and Perks\nFree BLS certification\nTuition for CCMA program', 'cert.bls'],
  ['Benefits and Perks\nFree BLS certification\nTuition for CCMA program', 'cert.ccma'],
  // a question's "not" asks about the reader: what follows it gives the credential
  ['Requirements:\n- Not BLS certified? No problem, we provide the class.', 'cert.bls'],
  ["Requirements:\n- Don't have BLS? We will get you certified.", 'cert.bls'],
  ['Requirements:\n- C.M.A. Not Required', 'cert.ma-any'],
  ['Requirements:\n- Call center experience with proven results', 'admin.lab-results'],
  ['Greet every patient with young children and show them to the play area', 'soft.empathy'],
  // an employer's description: "your child's", "everything you'd expect" do not turn it to the job
  [
    "We are a full-service pediatric clinic offering everything from your child's first vaccines to sports physicals.",
    'clinical.injections',
  ],
  ["Our practice offers everything you'd expect from a clinic, including x-rays and EKGs.", 'clinical.ekg'],
  // other things in such a question are what the job lacks
  ["Don't want to answer phones all day? This is a back-office role.", 'admin.phones'],
  ["Requirements:\n- Don't speak Spanish? No problem.", 'soft.bilingual'],
  [
    'Equal Opportunity Employer\nWe do not discriminate based on disability, veteran status or Spanish heritage.',
    'soft.bilingual',
  ],
];

describe('levels', () => {
  it.each(LEVELS)('%j: %s is %s', (body, id, level) => {
    expect(levelsOf(analyze(body))[id]).toBe(level);
  });

  it.each(ABSENT)('%j: no %s', (body, id) => {
    expect(levelsOf(analyze(body))[id]).toBeUndefined();
  });

  it('yields no requirement at all when experience is waived and training offered', () => {
    const a = analyze('No experience necessary, we will train you on phlebotomy.');
    expect(a.concepts.filter((c) => c.level !== 'duty')).toEqual([]);
    expect(a.attributes.experienceYears).toBeNull();
  });

  it('finds nothing in EEO text under its heading, nor in benefits or about-us text', () => {
    const a = analyze(
      [
        'Equal Opportunity Employer',
        'We are an equal opportunity employer. CPR certification and BLS status play no part in hiring.',
        '',
        'About Us',
        'We are a pediatric clinic known for phlebotomy excellence and Epic adoption.',
        '',
        'Benefits and Perks',
        '- Free CCMA exam and BLS renewal',
      ].join('\n'),
    );
    expect(a.concepts).toEqual([]);
  });

  it('records the credential window with the required credential', () => {
    expect(analyze('Must obtain CCMA within 90 days of hire').attributes.certWindowDays).toBe(90);
    expect(
      analyze('CCMA preferred or willingness to obtain within 12 months').attributes.certWindowDays,
    ).toBe(365);
  });

  it('gives each piece of evidence the level its own mention states', () => {
    const a = analyze('Responsibilities:\n- Draw blood\nRequirements:\n- Phlebotomy skills required');
    const c = a.concepts.find((x) => x.id === 'clinical.phlebotomy')!;
    expect(c.level).toBe('required');
    expect(c.evidence.map((e) => [e.section, e.level])).toEqual([
      ['responsibilities', 'duty'],
      ['requirements', 'required'],
    ]);
  });
});

describe('findCues / governingCue', () => {
  const cuesIn = (text: string) => {
    const seg = segmentText(text, lexicon);
    const clause = seg.clauses[0]!;
    return { seg, cues: findCues(lexicon, seg.tokens, clause) };
  };

  it.each([
    ['CCMA preferred but not required', 'preferred'],
    ['Phlebotomy experience not required', 'negation'],
    ['You must have BLS and a CPR card', 'required'],
    ['May administer medications', 'duty'],
    ['We offer free BLS classes', 'benefit'],
    ['We will train you on phlebotomy', 'waiver'],
  ])('%j carries a %s cue', (text, kind) => {
    expect(cuesIn(text).cues.map((c) => c.kind)).toContain(kind);
  });

  it('lets neutral phrases hide the cue words inside them', () => {
    expect(cuesIn('Including but not limited to rooming').cues).toEqual([]);
    expect(cuesIn('Restock rooms as needed').cues).toEqual([]);
  });

  it('picks the nearest cue that points at the words', () => {
    const { seg, cues } = cuesIn('Must have BLS, EKG preferred');
    const at = (w: string) => seg.tokens.findIndex((t) => t.word.surface === w);
    expect(governingCue(cues, at('BLS'), at('BLS') + 1)?.kind).toBe('required');
    expect(governingCue(cues, at('EKG'), at('EKG') + 1)?.kind).toBe('preferred');
  });

  it('lets a benefit cue govern the whole clause', () => {
    const { seg, cues } = cuesIn('BLS certification classes we offer free to staff');
    const at = seg.tokens.findIndex((t) => t.word.surface === 'BLS');
    expect(governingCue(cues, at, at + 1)?.kind).toBe('benefit');
  });
});
