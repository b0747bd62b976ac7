import { describe, expect, it } from 'vitest';
import { analyzePosting } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import {
  FAMILY_PRACTICE,
  FAMILY_PRACTICE_HTML,
  levelsOf,
  posting,
  RESUME_LINES,
} from '../fixtures/extract-postings.js';

const lexicon = loadLexicon();
const ids = (body: string) => analyzePosting({ text: posting(body) }, lexicon).concepts.map((c) => c.id);

// [sentence, a concept id that must be found]
const PRESENT: Array<[string, string]> = [
  // teaching patients, in prose and shorthand
  ['Explain post-op cataract drop schedules to patients and families', 'clinical.patient-education'],
  ['Give post-procedure care instructions', 'clinical.patient-education'],
  ['pt education in ASL on meds', 'clinical.patient-education'],
  ['You should be patient and caring', 'soft.empathy'],
  // results told, charting in a system the lexicon does not name
  ['Notifies patients of normal Pap and culture results per provider instruction', 'admin.lab-results'],
  ['Call parents back w/ results', 'admin.lab-results'],
  ['Chart in Experity.', 'admin.ehr'],
  ['Take before-and-after photos and upload them to the chart', 'admin.ehr'],
  // plain-spoken qualities and shorthand
  ['You should be patient with nervous parents', 'soft.empathy'],
  ['Getting every detail right matters here', 'soft.attention-to-detail'],
  ['Really good with details', 'soft.attention-to-detail'],
  ['Able to juggle a packed Saturday clinic', 'soft.organization'],
  ["Pref'd: phleb experience", 'clinical.phlebotomy'],
  // the employer's description ends where the clause turns to the job
  [
    'we are a busy derm office w/ 2 dermatologists and we need another MA asap, you would be rooming pts and drawing blood',
    'clinical.phlebotomy',
  ],
  [
    "We're a small clinic offering allergy care, we're looking for someone to give allergy shots",
    'clinical.injections',
  ],
  // dotted acronyms read as written without dots
  ['Must hold a current C.M.A., R.M.A., or C.C.M.A.', 'cert.rma'],
  ['Must hold a current C.M.A., R.M.A., or C.C.M.A.', 'cert.ccma'],
  ['H.S. diploma or G.E.D. required', 'edu.high-school'],
  ['A.A.S. in a health field preferred', 'edu.associate'],
  // abbreviations
  ['Perform EKG on patients', 'clinical.ekg'],
  ['Perform ECG tracings', 'clinical.ekg'],
  ['Perform 12-lead recordings', 'clinical.ekg'],
  ['Holter monitor hook-up', 'clinical.ekg'],
  ['Take VS on every patient', 'clinical.vital-signs'],
  ['Cover the front office when necessary', 'admin.front-desk'],
  ['Catheter teaching and going over what to expect after a vasectomy', 'clinical.patient-education'],
  ['Help our educators by showing them how to use their insulin pens', 'clinical.patient-education'],
  ['Go over aftercare with every client', 'clinical.patient-education'],
  ['Educates Veterans on self-management', 'clinical.patient-education'],
  ['Collect urine samples and dip them', 'clinical.lab-tests'],
  ['State limited operator license required', 'cert.limited-xray'],
  ['Administer injectables as ordered', 'clinical.injections'],
  ['You have to be patient and kind with older patients', 'soft.empathy'],
  ['Be comfortable on a computer and able to type while you talk with patients', 'admin.computer-skills'],
  ['Discretion is essential.', 'admin.hipaa'],
  ['Note the reason for the visit in EMA', 'admin.ehr'],
  ['We are hiring a Pulmonary Medical Assistant', 'specialty.pulmonology'],
  ['Lakemont Lung & Sleep Center', 'specialty.pulmonology'],
  ['Medical Assistant - FT - Family Med - Dayton St.', 'specialty.family-medicine'],
  ['Note the reason for the visit in EMA', 'ehr.modmed'],
  ['Give well-child vaccines and chart lot numbers', 'admin.ehr'],
  ['Medical Assistant certificate or diploma', 'edu.ma-program'],
  ['MA certificate or certification preferred', 'edu.ma-program'],
  ['MA certificate or certification preferred', 'cert.ma-any'],
  ['MA certificate/diploma required', 'edu.ma-program'],
  ['Assist in the dermatology clinic', 'specialty.dermatology'],
  ["The providers handle refills and you'll room patients", 'clinical.rooming'],
  ['Our physicians perform procedures and the MA sets up trays and labels specimens', 'clinical.specimens'],
  ['Handle incoming referrals to our dermatology practice', 'specialty.dermatology'],
  ['Must exercise discretion with sensitive patient information', 'admin.hipaa'],
  // specialty clinics' own wordings
  ['Reinforces education given by providers on prenatal nutrition', 'clinical.patient-education'],
  ['Turns the exam lane over for the next patient', 'clinical.room-cleaning'],
  ['Assign ICD codes and enter charges', 'admin.billing-coding'],
  ['Book exams and contact lens follow-ups', 'admin.scheduling'],
  ['Teach new contact lens wearers how to put in and take out their lenses', 'clinical.patient-education'],
  [
    'Review meds (especially blood thinners), allergies and prior skin cancer history',
    'clinical.patient-history',
  ],
  ['Reconcile cardiac meds and allergies', 'clinical.patient-history'],
  ['Grab vitals and a quick injury history', 'clinical.patient-history'],
  ['Go over wound care and activity restrictions with the patient', 'clinical.patient-education'],
  ['Explaining glucose test prep and contraception options', 'clinical.patient-education'],
  ['Give pre-test instructions for stress tests', 'clinical.patient-education'],
  ['Send patients home with post-op shoe instructions', 'clinical.patient-education'],
  ['Start-up training for patients on new sensors and glucometers', 'clinical.patient-education'],
  ['Run baseline concussion screens for the sports medicine doctor', 'clinical.screenings'],
  ['Fax the visit note to the athletic trainer', 'admin.medical-records'],
  ['Fax the visit note to the athletic trainer', 'admin.correspondence'],
  ['Scan outside records and file them', 'admin.medical-records'],
  ['Track biopsy pathology so nothing falls through the cracks', 'admin.lab-results'],
  ['GC/chlamydia and GBS swabs: collecting and labeling', 'clinical.specimens'],
  ['Collect clean-catch urines and prep urine cultures', 'clinical.specimens'],
  ['Drawing prenatal panels and quad screens', 'clinical.phlebotomy'],
  ['Draw up lido w/ epi and Kenalog per provider order', 'clinical.medications'],
  ['Reconstitute Botox for migraine visits', 'clinical.medications'],
  ['Mix patient-specific extract vials under supervision', 'clinical.medications'],
  ['Perform intradermal testing and read the wheals', 'clinical.injections'],
  ['Assist Dr. Kim during the procedure', 'clinical.assist-provider'],
  ['Hand off needles and contrast to the physician', 'clinical.assist-provider'],
  ['Clean the room and instruments after each case', 'clinical.room-cleaning'],
  ['Good with computers, fast typist', 'admin.computer-skills'],
  ['Good with technology', 'admin.computer-skills'],
  ['Must hold a Georgia x-ray operator certification', 'cert.limited-xray'],
  ['Ocular motility and color vision testing', 'clinical.screenings'],
  // the job's own holder in the passive or named by its title, and rooming in other words
  [
    'Optometric technicians perform tasks to assist the optometrist in eye examinations',
    'clinical.assist-provider',
  ],
  ['Vital signs are obtained by the MA at each visit', 'clinical.vital-signs'],
  ["You'll bring families back and get weights", 'clinical.rooming'],
  ['Triage walk-ins by acuity and put them in the right room', 'clinical.rooming'],
  // a duty item that opens with a team's name is the job's ("front desk check-in")
  ['Covering front desk check-in and collecting copays', 'admin.payments'],
  ['Front desk coverage and collecting copays', 'admin.payments'],
  // charting in a named EHR is charting (admin.ehr) too
  ['Reconciles medication lists in Epic', 'admin.ehr'],
  ['Room pts, vitals, med rec in NextGen', 'admin.ehr'],
  ['Get the reason for visit and med list into athenaOne before the provider walks in', 'admin.ehr'],
  ['Documents all services in OCHIN Epic', 'admin.ehr'],
  ['Chart prep, NextGen documentation and refills', 'admin.ehr'],
  ['Update the Epic flowsheets', 'admin.ehr'],
  // other staff's work ends where the clause hands back to the job
  ['The nurses take care of triage while you room patients', 'clinical.rooming'],
  ['Our front desk team handles check-in, and you handle rooming and vitals', 'clinical.rooming'],
  [
    'The physicians perform minor procedures with the MA assisting, set up trays and clean rooms',
    'clinical.room-cleaning',
  ],
  ['You will not only room patients but also draw blood', 'clinical.rooming'],
  ['Room patients quickly, which would help keep the schedule on time', 'clinical.rooming'],
  ['Float between the back office and the front desk', 'admin.front-desk'],
  ['Experience with injectables preferred', 'clinical.injections'],
  ['Relay lab results to patients through the patient portal', 'admin.correspondence'],
  // the job's holders, or other staff who rely on the job
  ['Our MAs take heights, weights and temps', 'clinical.vital-signs'],
  ['Our providers rely on you to room patients', 'clinical.rooming'],
  ['We draw our own blood and spin it down for the courier', 'clinical.specimens'],
  ['Swab throats for rapid strep and flu tests', 'clinical.specimens'],
  ['Collect urine drug screens for local employers', 'clinical.specimens'],
  ['Apply topical numbing cream and time it', 'clinical.medications'],
  ['Turn the room around for the next case', 'clinical.room-cleaning'],
  ['Set up and break down the laser and microneedling rooms', 'clinical.room-cleaning'],
  ['Wipe down treatment beds and equipment between clients', 'clinical.room-cleaning'],
  ['Prepare IUI and embryo transfer rooms before each case', 'clinical.room-cleaning'],
  ['You must be absolutely trustworthy with their privacy', 'admin.hipaa'],
  ['Send written prep instructions through the patient portal', 'admin.correspondence'],
  ['Culturally humble, patient and kind', 'soft.empathy'],
  ['Help me with things like Pap smears, skin biopsies and knee injections', 'clinical.assist-provider'],
  ['Help our docs and PNPs with whatever comes up', 'clinical.assist-provider'],
  ['Assist the injector and hold ice', 'clinical.assist-provider'],
  ['Assist with nail avulsions and ingrown toenail procedures', 'clinical.assist-provider'],
  ['Provide supplies, medications including injectables', 'clinical.injections'],
  ['Provide supplies, medications including injectables', 'clinical.medications'],
  ["You'll room them and take off shoes and socks", 'clinical.rooming'],
  ['Room and work up injured patients', 'clinical.rooming'],
  ['Virtually room them before each video visit', 'clinical.rooming'],
  ['Rooms Veterans and performs initial intake', 'clinical.rooming'],
  ['Get patients gowned and positioned for cystoscopies', 'clinical.rooming'],
  ['Calling families back to see how their child is doing', 'admin.phones'],
  ['Pre-procedure calls and instructions', 'admin.phones'],
  ['Handle the phones and scheduling', 'admin.phones'],
  ['Let our patients know their INR result', 'admin.lab-results'],
  ['Work the pathology and PSA results as they come back', 'admin.lab-results'],
  ['Relay INR, BMP and lipid panel results to patients', 'admin.lab-results'],
  ['Fax results to employers the same day', 'admin.lab-results'],
  ['Track path reports until they are signed off', 'admin.lab-results'],
  ['Run CBCs on the in-office hematology analyzer', 'clinical.lab-tests'],
  ['Read the point-of-care cup', 'clinical.lab-tests'],
  ['Perform skin-prick and intradermal allergy testing', 'clinical.lab-tests'],
  ['Perform UA on collected samples', 'clinical.lab-tests'],
  ['Perform POCT testing', 'clinical.lab-tests'],
  ['Administer IM, SubQ and ID injections', 'clinical.injections'],
  ['Place PPD tests', 'clinical.injections'],
  ['Perform PFT as ordered', 'clinical.screenings'],
  // verb forms
  ['Draw blood', 'clinical.phlebotomy'],
  ['Draws blood from patients', 'clinical.phlebotomy'],
  ['Drew blood', 'clinical.phlebotomy'],
  ['Perform blood draws', 'clinical.phlebotomy'],
  ['Drawing blood for lab work', 'clinical.phlebotomy'],
  ['Take vitals', 'clinical.vital-signs'],
  ['Took vitals', 'clinical.vital-signs'],
  // hyphenated and glued variants
  ['Take x-rays of extremities', 'clinical.xray'],
  ['Take xrays of extremities', 'clinical.xray'],
  ['Take x rays of extremities', 'clinical.xray'],
  // resume wording
  ['Performed venipuncture and EKGs', 'clinical.phlebotomy'],
  ['Performed venipuncture and EKGs', 'clinical.ekg'],
  ['Scheduled appointments', 'admin.scheduling'],
  // one per area of the taxonomy
  ['Answer phones, schedule appointments, verify insurance eligibility', 'admin.phones'],
  ['Answer phones, schedule appointments, verify insurance eligibility', 'admin.insurance'],
  ['Process insurance claims', 'admin.billing-coding'],
  ['Collect copays', 'admin.payments'],
  ['Check patients in and out', 'admin.front-desk'],
  ['Enter information in the EHR', 'admin.ehr'],
  ['Obtain prior authorizations', 'admin.prior-authorization'],
  ['Coordinate referrals to specialists', 'admin.referrals'],
  ['Process prescription refill requests', 'admin.prescription-refills'],
  ['Manage patient portal messages and faxes', 'admin.correspondence'],
  ['Order and restock supplies', 'admin.inventory'],
  ['HIPAA compliance', 'admin.hipaa'],
  ['Knowledge of medical terminology', 'admin.medical-terminology'],
  ['Proficient in Microsoft Office', 'admin.computer-skills'],
  ['Track lab results', 'admin.lab-results'],
  ['Manage patient flow', 'admin.patient-flow'],
  ['Support telehealth visits', 'admin.telehealth'],
  ['Room patients', 'clinical.rooming'],
  ['Escort patients to exam rooms', 'clinical.rooming'],
  ['Obtain medical history and chief complaint', 'clinical.patient-history'],
  ['Assist the physician with procedures', 'clinical.assist-provider'],
  ['Assist providers (MD, PA, NP) with exams and procedures', 'clinical.assist-provider'],
  ['Collect urine specimens', 'clinical.specimens'],
  ['Perform CLIA-waived tests, urinalysis and rapid strep', 'clinical.lab-tests'],
  ['Administer immunizations and vaccines', 'clinical.injections'],
  ['Nebulizer treatments', 'clinical.medications'],
  ['Apply casts and splints', 'clinical.casting'],
  ['Cast removal and cast application', 'clinical.casting'],
  ['Dressing changes and suture removal', 'clinical.wound-care'],
  ['Phone triage', 'clinical.triage'],
  ['Educate patients on post-visit care', 'clinical.patient-education'],
  ['Sterilize instruments using the autoclave', 'clinical.sterilization'],
  ['Infection control and universal precautions', 'clinical.infection-control'],
  ['Clean and restock exam rooms', 'clinical.room-cleaning'],
  ['Visual acuity and hearing screenings', 'clinical.screenings'],
  ['Blood pressure, pulse and temperature', 'clinical.vital-signs'],
  ['Fingerstick glucose', 'clinical.lab-tests'],
  ['Pediatric practice seeking an MA', 'specialty.pediatrics'],
  ['Graduate of an accredited medical assistant program required', 'edu.ma-program'],
  ['Associate degree preferred', 'edu.associate'],
  ['Must have a high school diploma or GED', 'edu.high-school'],
  ['Experience with Epic required', 'ehr.epic'],
  ['Experience with eClinicalWorks, NextGen and PowerChart', 'ehr.eclinicalworks'],
  ['Experience with eClinicalWorks, NextGen and PowerChart', 'ehr.nextgen'],
  ['Experience with eClinicalWorks, NextGen and PowerChart', 'ehr.cerner'],
  ['Athenahealth experience preferred', 'ehr.athenahealth'],
  ['Team player', 'soft.teamwork'],
  ['Compassionate and patient', 'soft.empathy'],
  ['Excellent customer service', 'soft.customer-service'],
  ['Strong organizational skills and multitasking', 'soft.organization'],
  ['Strong communication skills required', 'soft.communication'],
  ['Bilingual in Spanish preferred', 'soft.bilingual'],
  // ambiguity rules: the meaning that counts
  ['Obtain PA for medications', 'admin.prior-authorization'],
  ['CMA required', 'cert.ma-any'],
  ['Certified Medical Assistant required', 'cert.ma-any'],
  ['CMA (AAMA) required', 'cert.cma'],
  ['CMA, RMA or CCMA required', 'cert.cma'],
  ['CMA, RMA or CCMA required', 'cert.rma'],
  ['CMA, RMA or CCMA required', 'cert.ccma'],
  ['MA certification (CMA, RMA, or CCMA) required', 'cert.cma'],
  ['RN license required', 'cert.rn'],
  ['Attention to detail', 'soft.attention-to-detail'],
  ['Detail-oriented and organized', 'soft.attention-to-detail'],
  ['CPR certification required', 'cert.bls'],
  ['Current BLS certification', 'cert.bls'],
  ['X-ray license preferred', 'cert.limited-xray'],
  ['Phlebotomy certification is a plus', 'cert.phlebotomy'],
  // short capitalised lines are content when they name a concept, not headings
  ['CERTIFICATIONS\nCCMA (NHA) 2022', 'cert.ccma'],
  ['Qualifications:\nBLS CERTIFICATION', 'cert.bls'],
  ['Requirements\nEKG', 'clinical.ekg'],
  ['Track referrals and outside imaging', 'admin.referrals'],
  // duty wordings of reproductive-health and government postings (lexicon 2026.11.24-4)
  ['Support our providers when needed', 'clinical.assist-provider'],
  ['Help all clinicians during a busy clinic day', 'clinical.assist-provider'],
  ['Perform and process labs ordered by the physician', 'clinical.lab-tests'],
  ['Perform and process labs ordered by the physician', 'clinical.specimens'],
  ['Run labs on site', 'clinical.lab-tests'],
  ['Provide testing to walk-in clients', 'clinical.lab-tests'],
  ['Conduct routine office testing', 'clinical.lab-tests'],
  ['Analyze urine samples for the provider', 'clinical.lab-tests'],
  ['Administer vaccines, allergy shots and oral medications', 'clinical.medications'],
  ['Deliver medications as ordered', 'clinical.medications'],
  ['Provide nutrition education during visits', 'clinical.patient-education'],
  ['Explain procedures and aftercare before each visit ends', 'clinical.patient-education'],
  ['Prepare patients and rooms for exams', 'clinical.rooming'],
  ['Prepare patients and rooms for exams', 'clinical.room-cleaning'],
  ['Greet each patient and prepare them for their exam', 'clinical.rooming'],
  ['Prepares patient and assists the physician', 'clinical.rooming'],
  ['Set up operating rooms before each case', 'clinical.room-cleaning'],
  ['Break down rooms after each procedure', 'clinical.room-cleaning'],
  ['Perform vision assessments on school-age children', 'clinical.screenings'],
  ['Timely medical record documentation', 'admin.ehr'],
  ['Graduate of a medical assistant or LPN program required', 'edu.ma-program'],
  ['Medical Assistent certification required', 'cert.ma-any'],
  ['Work in a busy sexual health clinic', 'specialty.ob-gyn'],
  ['Support our reproductive and sexual health services', 'specialty.ob-gyn'],
  ['Organize supplies and equipment each morning', 'admin.inventory'],
  ['Return patient callbacks before noon', 'admin.phones'],
  ['Knowledge of computerized systems', 'admin.computer-skills'],
  ['Handle insurance paperwork for each visit', 'admin.billing-coding'],
  ['Assisting healthcare professionals with patient care', 'clinical.assist-provider'],
  ['Contraception education for every client', 'clinical.patient-education'],
  ['You must be someone who collaborates well', 'soft.teamwork'],
  ['Walk patients to exam rooms and prepare them for the doctor', 'clinical.rooming'],
  ['Make sure exam rooms are clean and stocked', 'clinical.room-cleaning'],
  ['Disinfect clinical areas between visits', 'clinical.room-cleaning'],
  // wordings of eye-care, podiatry and public-health postings (lexicon 2026.11.24-11)
  ['Ability to schedule patients for procedures', 'admin.scheduling'],
  ['Maintain daily schedules for the clinic', 'admin.scheduling'],
  ['Leads clinical workflow for the team', 'admin.patient-flow'],
  ['Perform spirometry and transmit results to the provider', 'admin.lab-results'],
  ['Oversee transactions and payments at checkout', 'admin.payments'],
  ['May assist with intravitreal injections', 'clinical.assist-provider'],
  ['Assisting staff during patient examinations', 'clinical.assist-provider'],
  ['Preparing examining rooms', 'clinical.room-cleaning'],
  ['Assist in the fitting, adjustment, and maintenance of orthotic devices', 'clinical.casting'],
  ['Certified Ophthalmic Assistant required', 'specialty.ophthalmology'],
  ['Certified Ophthalmic Assistant required', 'cert.ophthalmic'],
  ['Involved in direct patient care, including changing of dressings', 'clinical.wound-care'],
  // wordings of occupational-health, orthopaedic and vein-clinic postings (lexicon 2026.11.24-13)
  ['Collection of monies at check-out', 'admin.payments'],
  ['Works well with patients, co-workers and physicians', 'soft.teamwork'],
  ['Current MA certificate required', 'cert.ma-any'],
  ['Provide procedure assistance to the physician', 'clinical.assist-provider'],
  ['Drawing up meds', 'clinical.medications'],
  ['Prepare IV solutions as ordered', 'clinical.medications'],
  ['Procedure education for each patient', 'clinical.patient-education'],
  ['Conduct vision and diagnostic tests as directed', 'clinical.screenings'],
  ['Medical Assistant Training preferred', 'edu.ma-program'],
  ['Assist clients by providing testing, screening, and education', 'clinical.patient-education'],
  ['Assist clients by providing testing, screening, and education', 'clinical.lab-tests'],
  ['Provides clinical, educational, and administrative services', 'clinical.patient-education'],
  ['Performs accurate and consistent documentation and measurement tasks', 'admin.ehr'],
  ['Records that information in the hospital computer program', 'admin.ehr'],
  // two verbs, one object: each states its concept
  ['Collects and documents patient information', 'admin.ehr'],
  ['Collects and documents patient information', 'admin.front-desk'],
  // procedures and visits by kind
  ['Assisting with colonoscopies in the endoscopy suite', 'clinical.assist-provider'],
  ['Assist during joint aspirations', 'clinical.assist-provider'],
  ['Assists the neurologist during nerve conduction studies', 'clinical.assist-provider'],
  ['Schedules biopsies and surgery dates', 'admin.scheduling'],
  ['Book consults in the practice management system', 'admin.scheduling'],
  ['Make reminder calls for tomorrow', 'admin.phones'],
  // writing in a named system is charting
  ['Document in Epic according to department standards', 'admin.ehr'],
  ['Enter visit notes and orders in eClinicalWorks', 'admin.ehr'],
  ['Chart in eCW', 'admin.ehr'],
  ['Records all clinical data in GE Centricity', 'admin.ehr'],
  // rooming, cleaning and history in other words
  ['Escort patients to rooms and take vitals', 'clinical.rooming'],
  ['Bring each child and family back to the exam room', 'clinical.rooming'],
  ['Clean and high-level disinfect cystoscopes after each use', 'clinical.sterilization'],
  ['Disinfect tonometer tips between patients', 'clinical.sterilization'],
  ['Clean and restock rooms between patients', 'clinical.room-cleaning'],
  ['Clean and prepare exam lanes between patients', 'clinical.room-cleaning'],
  ['Confirm allergies and current medications before the procedure', 'clinical.patient-history'],
  ['Collect vitals and contraceptive history', 'clinical.patient-history'],
  ['Administer opioid risk and functional disability questionnaires', 'clinical.screenings'],
  ['Performs diabetic foot monofilament screening', 'clinical.screenings'],
  ['Enter CPT codes for each visit', 'admin.billing-coding'],
  ['Take limited-scope x-rays of extremities', 'clinical.xray'],
  ['Current California Limited Permit X-Ray Technician required', 'cert.limited-xray'],
  ['Performs fingerstick glucose tests', 'clinical.phlebotomy'],
  ['Performs fingerstick glucose tests', 'clinical.lab-tests'],
  ['Go over wound care instructions with patients', 'clinical.patient-education'],
  ['Walk patients through their bowel prep instructions', 'clinical.patient-education'],
  ['Provides inhaler teaching', 'clinical.patient-education'],
  ['Schedule and reschedule virtual appointments', 'admin.scheduling'],
  ['Schedule and reschedule virtual appointments', 'admin.telehealth'],
  // one specialty among the employer's services is still its own; the job's holder is no employer
  ['Riverside Dermatology is a practice offering medical dermatology', 'specialty.dermatology'],
  ['The Medical Assistant provides vital signs and EKGs', 'clinical.ekg'],
  ['Follow OSHA bloodborne pathogen standards', 'clinical.infection-control'],
  // informal shorthand, read as the word it stands for
  ['Duties: room pts, med hx & allergies', 'clinical.rooming'],
  ['Duties: room pts, med hx & allergies', 'clinical.patient-history'],
  ['book appts and collect copays', 'admin.scheduling'],
  ['Must know phlebo', 'clinical.phlebotomy'],
  ['Obtain prior auths for imaging', 'admin.prior-authorization'],
  // the MA's own injections beside a provider's procedure
  ['Administer B12 injections and assist with joint injections', 'clinical.injections'],
  ['Assist the physician with procedures and administer injections', 'clinical.injections'],
  ['Assist providers with exams, give injections and draw blood', 'clinical.injections'],
  ['We are looking for an MA who can provide injections', 'clinical.injections'],
  ['Our medical assistants perform injections and EKGs', 'clinical.ekg'],
  // patient education worded around the family, the topic or the materials
  ['Gives families basic instructions on fever care', 'clinical.patient-education'],
  ['Provides culturally appropriate education on prenatal care', 'clinical.patient-education'],
  ['Provides patients with approved educational materials on asthma', 'clinical.patient-education'],
  ['Reviews colonoscopy preparation instructions with each patient', 'clinical.patient-education'],
  ['Rooms patients and answers their questions', 'clinical.patient-education'],
  ['Teach inhaler and spacer technique', 'clinical.patient-education'],
  ['Walk cataract surgery patients through their drop schedule', 'clinical.patient-education'],
  ['Review VIS sheets with parents', 'clinical.patient-education'],
  // named screening instruments
  ['Administer the Edinburgh Postnatal Depression Scale', 'clinical.screenings'],
  ['Administer HAQ and RAPID3 questionnaires', 'clinical.screenings'],
  ['Performs diabetic retinal camera screening', 'clinical.screenings'],
  // the verb before the kinds of patient
  ['Room OB and GYN patients; obtain weight', 'clinical.rooming'],
  ['Prepares incarcerated patients for sick call', 'clinical.rooming'],
  ['Escort patients from the lobby to the exam lanes', 'clinical.rooming'],
  // cultures, swabs, films and a bare "x-rays" among the MA's own tasks
  ['Collects throat, wound and urine cultures', 'clinical.specimens'],
  ['Swab for strep and run the test', 'clinical.specimens'],
  ['Take extremity and spine films', 'clinical.xray'],
  ['Must be able to do venipuncture, EKG, injections and x-rays', 'clinical.xray'],
  // outside care, scheduled
  ['Schedules off-site specialty consultations and diagnostic imaging', 'admin.referrals'],
  ['Schedules follow-up appointments and appointments with outside specialists', 'admin.referrals'],
  ['Coordinate pre-op clearance and lab work with outside physicians', 'admin.referrals'],
  // two objects of one verb: each phrase is its own
  ['Schedule appointments and imaging', 'admin.referrals'],
  ['Schedule appointments and imaging', 'admin.scheduling'],
  ['Schedules endoscopy, imaging and surgeries', 'admin.referrals'],
  // charting named by its place after a list, or in a named system
  ['Take vitals and document injury, pain location and current meds in the chart', 'admin.ehr'],
  ['Records encounters and procedure notes in Oracle Health PowerChart', 'admin.ehr'],
  ['Document administration in the eMAR', 'admin.ehr'],
  ['Keep the referral log up to date', 'admin.medical-records'],
  ['Relay abnormal findings to the provider', 'admin.lab-results'],
  // informal ads
  ['Help with I&Ds and lac repairs', 'clinical.assist-provider'],
  ['Assisting w/ scopes & ear cleanings', 'clinical.assist-provider'],
  ['Assist the Mohs surgeon and apply pressure dressings', 'clinical.assist-provider'],
  ['Assist the Mohs surgeon and apply pressure dressings', 'clinical.wound-care'],
  ['you will also take bp and put on holters', 'clinical.vital-signs'],
  ['centricity exp a plus', 'ehr.centricity'],
  ['Clean and dress minor cuts', 'clinical.wound-care'],
  ['Post-accident drug & alcohol collections', 'clinical.specimens'],
  ['Hearing conservation testing', 'clinical.screenings'],
  // specialty clinics' own wording
  ['Fit patients with CPAP masks and other equipment', 'clinical.casting'],
  ['Measure legs and fit compression stockings', 'clinical.casting'],
  ['Apply total contact casts under provider direction', 'clinical.casting'],
  ['Book colonoscopies, EGDs and capsule studies', 'admin.scheduling'],
  ['Schedule in-lab polysomnograms and titration studies', 'admin.scheduling'],
  ['Turn over rooms between patients', 'clinical.room-cleaning'],
  ['Clean and prep infusion bays between patients', 'clinical.room-cleaning'],
  ['Run H. pylori urea breath tests in clinic', 'clinical.lab-tests'],
  ['Coordinate chest CTs at the hospital', 'admin.referrals'],
];

// [sentence, a concept id that must NOT be found]
const ABSENT: Array<[string, string]> = [
  ['Place the chart in the rack outside the room', 'admin.ehr'],
  ['Explain insurance benefits to patients', 'clinical.patient-education'],
  // "patient with" a condition is the person, not the quality
  ['Room the patient with diabetes first', 'soft.empathy'],
  ['Join an epic team of caregivers', 'ehr.epic'],
  ['We provide education on our benefits to every employee', 'clinical.patient-education'],
  ['Our clinic offers continuing education on new procedures', 'clinical.patient-education'],
  ['Teach new staff the proper technique for the EHR', 'clinical.patient-education'],
  ['Administer the medical history questionnaire', 'clinical.screenings'],
  ['We offer on-site x-rays and lab draws, vitals included', 'clinical.xray'],
  ['Order x-rays and room patients', 'clinical.xray'],
  // one object each: "weight-bearing", "patients for outside testing", "patient flow on schedule"
  ['Take weight-bearing foot x-rays', 'clinical.vital-signs'],
  ['Schedule patients for outside testing', 'admin.scheduling'],
  ['Answer phones and take messages', 'admin.correspondence'],
  // the provider's injections, which the MA assists with or teaches
  ['Assist the doctor with nail avulsions, matrixectomies and injections', 'clinical.injections'],
  ['Teach injection technique for fertility medications', 'clinical.injections'],
  ['Verify benefits for infusion and injection patients', 'clinical.injections'],
  ['Pass medications per the MAR', 'admin.ehr'],
  ['Our culture of patient centricity', 'ehr.centricity'],
  // wordings near the new aliases that say something else (a review's examples)
  ['Schedule appointments, greet patients and review diagnostic tests', 'admin.referrals'],
  ['Set up rooms for patients', 'clinical.rooming'],
  ['Our clinic has 12 rooms and sees 40 patients a day', 'clinical.rooming'],
  ['Demonstrate safe use of equipment', 'clinical.patient-education'],
  ['Take pride in our team culture', 'clinical.specimens'],
  ['Assist with tasks within scope of practice', 'clinical.assist-provider'],
  ['Administer breathing treatments and maintain supply inventory', 'clinical.screenings'],
  ['Enjoy a flexible schedule around your studies', 'admin.scheduling'],
  ['Book cosmetic consultations', 'admin.referrals'],
  ['Take vitals and escort patients to x-ray', 'clinical.xray'],
  ['Prepare rooms for PT sessions', 'clinical.rooming'],
  ['Measure legs and fit compression stockings', 'admin.inventory'],
  ['Schedule in-lab polysomnograms and titration studies', 'admin.referrals'],
  ['Schedule outside MRIs and sleep studies with imaging centers', 'admin.scheduling'],
  ['Run the autoclave and keep sterilization logs', 'admin.medical-records'],
  ['Filing Deadline: March 3', 'admin.medical-records'],
  ['Enters examination findings in the chart', 'admin.lab-results'],
  ['Scan outside records and imaging into the chart', 'admin.lab-results'],
  // a surgical clinic's name places the job in its own specialty
  ['We are a dermatology and Mohs surgery practice', 'specialty.surgery'],
  ['Orthopaedic Surgery Clinic in Dallas', 'specialty.surgery'],
  ['Head and Neck Surgery clinic', 'specialty.surgery'],
  ['Fax clearance letters to surgeons offices', 'specialty.surgery'],
  ['Assist providers (MD, PA, NP) with exams and procedures', 'admin.prior-authorization'],
  ['Work with the PA and NP on complex cases', 'admin.prior-authorization'],
  ['CMA required', 'cert.cma'],
  ['Certified Medical Assistant required', 'cert.cma'],
  ['CMA (AAMA) required', 'cert.ma-any'],
  ['MA certification (CMA, RMA, or CCMA) required', 'cert.ma-any'],
  ['You will work alongside RNs and LPNs', 'cert.rn'],
  ['You will work alongside RNs and LPNs', 'cert.lpn'],
  ['Detail the exam room', 'soft.attention-to-detail'],
  ['Provide detailed instructions to patients', 'soft.attention-to-detail'],
  ['Knowledge of CPR and first aid', 'cert.bls'],
  ['Perform CPR when needed', 'cert.bls'],
  ['Phlebotomy certification is a plus', 'clinical.phlebotomy'],
  ['IMMUNIZATION REQUIREMENTS\nProof of flu vaccination', 'clinical.injections'],
  ['Adult and pediatric patients are seen daily', 'specialty.pediatrics'],
  ['Check out our benefits package', 'admin.front-desk'],
  ['Employee referral bonus program', 'admin.referrals'],
  ['Perform EKGs and collect lab specimens', 'clinical.lab-tests'],
  ['Provide proof of education at hire', 'clinical.patient-education'],
  ['We provide continuing education credits', 'clinical.patient-education'],
  ['Prepare patient charts the day before', 'clinical.rooming'],
  ['Follow medical record documentation standards', 'admin.ehr'],
  ['Apply orthopedic splints and boots', 'specialty.orthopedics'],
  ['Our ophthalmic medical and surgical practice is growing', 'specialty.surgery'],
  ['Medical assistants support medical professionals in many settings', 'clinical.assist-provider'],
  ['Walk patients to exam rooms and prepare them for the doctor', 'clinical.room-cleaning'],
  ['Job Keywords: CMA, RMA, CCMA, phlebotomy', 'cert.rma'],
  ['Job Keywords: CMA, RMA, CCMA, phlebotomy', 'clinical.phlebotomy'],
  ['Verify medical records are ready prior to scheduled appointments', 'admin.scheduling'],
  ['Provide care as part of a healthcare team working with physicians', 'soft.teamwork'],
  ['Selected applicants are subject to urinalysis to screen for illegal drug use', 'clinical.lab-tests'],
  ['Two academic years above high school', 'edu.high-school'],
  ['May assist with intravitreal injections', 'clinical.injections'],
  ['Services provided in the Psychiatric Medication Clinic', 'clinical.medications'],
  ['Assist physician with surgery and laser procedures', 'specialty.surgery'],
  [
    'Vision abilities required include close vision, distance vision, color vision and depth perception',
    'clinical.screenings',
  ],
  ['Maintain an efficient work flow of the office', 'admin.patient-flow'],
  ['The opportunity to work with a highly skilled team of providers', 'soft.teamwork'],
  ['Medical Assistant certificate from an accredited college', 'cert.ma-any'],
  ['Our hiring software lets you post jobs', 'admin.computer-skills'],
  ['We provide paid medical assistant training', 'edu.ma-program'],
  ['Our mission: providing excellent care, trusted education, and advocacy', 'clinical.patient-education'],
  ['Epic experience required', 'admin.ehr'],
  ['Bring supplies to the exam rooms', 'clinical.rooming'],
  ['Take limited-scope x-rays of extremities', 'cert.limited-xray'],
  ['Walk patients through the new building', 'clinical.patient-education'],
  ['Completes medical history questionnaire', 'clinical.screenings'],
  ['NHA Certified Phlebotomy Technician (CPT) required', 'admin.billing-coding'],
  ['Summit ENT offers a 4-day work week and free BLS renewal', 'cert.bls'],
  // a provider's procedure, not the MA's injection
  ['Assist physicians with joint injections and aspirations', 'clinical.injections'],
  ['Assist providers with trigger point injections and nerve blocks', 'clinical.injections'],
  ['Room patients for intravitreal injections', 'clinical.injections'],
  // the employer's services, not the job's duties
  ['Our med spa offers laser treatments, injectables and facials', 'clinical.injections'],
  ['We offer X-rays and lab services on site', 'clinical.xray'],
  ['We offer X-rays on site and we also run a full lab', 'clinical.xray'],
  ['Apex is a pain management practice treating back pain with steroid injections', 'clinical.injections'],
  // an employer's service lines, and its working conditions
  [
    "Harborview is a 650-bed system with a cancer institute, a children's hospital and urgent care centers",
    'specialty.oncology',
  ],
  [
    'Harborview Medical Group employs 300 physicians in primary care, urgent care and cardiology',
    'specialty.cardiology',
  ],
  [
    'The Cedar Falls VA Medical Center provides podiatry, mental health and long-term care',
    'specialty.podiatry',
  ],
  ['Exposure to bloodborne pathogens, body fluids and chemical disinfectants', 'clinical.infection-control'],
  // an ambulatory surgery center serves many specialties
  ['Assist physicians with procedures in our ambulatory surgery center', 'specialty.surgery'],
  ['Our surgeons care for athletes of every age', 'specialty.surgery'],
  // the front desk as other people
  ['Coordinate with school nurses, counselors and front office staff', 'admin.front-desk'],
  ['Tell the front desk when the clinic is running behind', 'admin.front-desk'],
  // what an approval is for; a test, not an injection; a time, not the front desk
  ['Obtain insurance approvals for allergy testing', 'clinical.lab-tests'],
  ['Perform intradermal allergy testing', 'clinical.injections'],
  ['Go over aftercare with every client before checkout', 'admin.front-desk'],
  ['Work hard with the team to get great results', 'admin.lab-results'],
  // injections the MA gives, not what is authorized or booked
  ['Obtain prior authorizations for injections and RFA', 'clinical.injections'],
  ['Room clients for consults and injectables appointments', 'clinical.injections'],
  ['Assist with in-office procedures such as mole removals and injectables', 'clinical.injections'],
  // "patient" the person, and "care" is not "caring"
  ['Assist in the delivery of primary health care and patient management', 'soft.empathy'],
  ['Provide patient and family education', 'soft.empathy'],
  ['Raises at the discretion of the physician', 'admin.hipaa'],
  ['Apply through the portal on our website', 'admin.correspondence'],
  // other staff's work
  ['Our patient service representatives handle check-in, registration and payments', 'admin.front-desk'],
  ['Our patient coordinators handle pricing and book the surgeries', 'admin.scheduling'],
  ['Our physicians give all Botox and nerve blocks themselves', 'clinical.injections'],
  ['The front desk team handles check-in', 'admin.front-desk'],
  // look-alikes of the specialty clinics' wordings
  ['Obtains blood pressure, weight and other vital signs', 'clinical.phlebotomy'],
  ['Escorts patients from the reception area to the exam lanes', 'admin.front-desk'],
  ['Assists providers and device nurses during pacemaker and ICD interrogations', 'admin.billing-coding'],
  ['Explain post-op drop schedules to cataract patients', 'admin.scheduling'],
  ['Our MAs keep the cardiologists on schedule', 'admin.scheduling'],
  ['Scheduling return OB visits, in-office ultrasounds and NSTs', 'admin.referrals'],
  ["Verify each patient's coverage and deductible", 'admin.payments'],
  ['Work with specialty pharmacies and copay foundations', 'admin.payments'],
  ['Returning parent calls once they have been triaged', 'clinical.triage'],
  ['Perform intradermal testing and read the wheals', 'clinical.lab-tests'],
  ['Performs venipuncture for CBC and tumor markers', 'clinical.lab-tests'],
  ["Book motility studies on the physicians' block schedules", 'clinical.screenings'],
  ['Book MS infusion appointments with the infusion center', 'specialty.oncology'],
  ["You'll draw up and give the vaccines our providers order", 'clinical.medications'],
  ['Draw up a schedule for the week', 'clinical.medications'],
  // a named EHR alone, or work in it that is not charting, states only the system
  ['Epic experience preferred', 'admin.ehr'],
  ["We're on Epic and will train you", 'admin.ehr'],
  ['Answer phones and schedule appointments in eClinicalWorks', 'admin.ehr'],
  ['Manage the fax queue and provider inbox in Oracle Health', 'admin.ehr'],
  ['Our front desk staff handle check-in and record insurance in Epic', 'admin.ehr'],
  // other staff named without "our"/"the", by a singular title, or as an office
  ['Front-desk staff do registration and collect copays', 'admin.payments'],
  ['Our RN care coordinator handles all phone triage', 'clinical.triage'],
  ['The central billing office does coding, claims and patient statements', 'admin.billing-coding'],
  ['The central billing office does coding, claims and patient statements', 'admin.payments'],
  // work done by others or elsewhere, in the passive, and what the job is not asked to do
  ["Front desk and billing are handled by the practice's office staff", 'admin.billing-coding'],
  ['Lab draws are done at the patient service center next door', 'clinical.phlebotomy'],
  ['Medication pass is performed by LVNs and RNs only', 'clinical.medications'],
  ['Prior authorizations are obtained by our financial navigators', 'admin.prior-authorization'],
  ['We do not ask our MAs to do billing', 'admin.billing-coding'],
  ['The clerk handles check-in, insurance and travel pay', 'admin.insurance'],
  ['The RN care manager performs telephone triage', 'clinical.triage'],
  // a label that waives its value
  [
    'Not required: MA certification, prior clinic experience, or phlebotomy (we do not draw blood)',
    'cert.ma-any',
  ],
  [
    'Not required: MA certification, prior clinic experience, or phlebotomy (we do not draw blood)',
    'clinical.phlebotomy',
  ],
  // "your" and "young" do not hand the clause back to the job as "you" does
  ['Our receptionists check in your patients and verify insurance', 'admin.insurance'],
  ['Our nurses give vaccines to young children and draw labs', 'clinical.phlebotomy'],
  // a job board's list of other postings
  ['Room patients\n\nSimilar jobs\nCertified EKG Technician - Cardiology', 'cert.ekg'],
  ['Room patients\n\nPeople also viewed\nPhlebotomist - Quest', 'clinical.phlebotomy'],
  // a template's list of the occupation's titles names no job's field
  [
    'These titles are clinical medical assistant, dermatology medical assistant and others',
    'specialty.dermatology',
  ],
  // review: look-alikes of this session's aliases
  ['Our front desk team handles check-in, and you handle rooming and vitals', 'admin.front-desk'],
  ['Clean the exam room and prep instruments', 'clinical.rooming'],
  ['Assist with insurance verification for upcoming procedures', 'clinical.assist-provider'],
  ['Injection training provided by our nursing staff', 'clinical.patient-education'],
  ['Train new MAs and show them how to use Epic', 'clinical.patient-education'],
  ['Overtime may be required at management discretion', 'admin.hipaa'],
  ['Deliver warm and patient-centered service', 'soft.empathy'],
  ['Get patients back to work safely after an injury', 'clinical.rooming'],
  ['Schedule allergy testing appointments', 'clinical.lab-tests'],
  ['Patients can view results through the patient portal', 'admin.correspondence'],
  // where patients are sent is not the job's field
  ['Coordinate referrals to vascular surgery and interventional radiology', 'specialty.surgery'],
  ['Refer patients to dermatology', 'specialty.dermatology'],
  ['Medical Assistant certificate or diploma', 'cert.ma-any'],
  ['Our receptionists greet patients and collect copays', 'admin.payments'],
  ['Work closely with physicians and the front desk', 'admin.front-desk'],
  ['Schedule lung and sleep studies', 'specialty.pulmonology'],
  ['Current Medical Assistant certificate or certification (CMA, RMA, CCMA)', 'edu.ma-program'],
  ['Room patients\n\nAlso hiring:\n- Cardiology Medical Assistant - Plano', 'specialty.cardiology'],
];

describe('analyzePosting: aliases', () => {
  it.each(PRESENT)('%j finds %s', (sentence, id) => {
    expect(ids(sentence)).toContain(id);
  });

  it.each(ABSENT)('%j does not find %s', (sentence, id) => {
    expect(ids(sentence)).not.toContain(id);
  });

  it.each(RESUME_LINES)('reads the resume line %j', (line) => {
    expect(ids(line).length).toBeGreaterThan(0);
  });

  it.each([
    ['High school diploma or equivalent, BLS within six months of employment', 'required'],
    ['Education: GED', 'required'],
  ])('reads schooling that opens its item, %j, as asked', (line, level) => {
    const analysis = analyzePosting({ text: posting(line) }, lexicon);
    expect(levelsOf(analysis)['edu.high-school']).toBe(level);
  });

  it.each<[string, string, string | undefined]>([
    // a cue inside an aside speaks of the aside: some certification is required, the CCMA preferred
    ['Requirements:\n- Medical assistant certification (NHA CCMA preferred)', 'cert.ma-any', 'required'],
    ['Requirements:\n- Medical assistant certification (NHA CCMA preferred)', 'cert.ccma', 'preferred'],
    ['Requirements:\n- BLS (AHA preferred)', 'cert.bls', 'required'],
    // a parenthesis that holds the cue alone qualifies what precedes it
    ['Requirements:\n- CCMA (Preferred)', 'cert.ccma', 'preferred'],
    // the generic gives way to a specific credential asked as strongly
    ['Requirements:\n- Medical assistant certification, CCMA preferred', 'cert.ma-any', undefined],
    ['Requirements:\n- Medical assistant certification (CCMA)', 'cert.ma-any', undefined],
    // others' needs and rules ask nothing of the candidate
    [
      'Obtain prior auths (most payers require them) and review prep instructions with patients',
      'clinical.patient-education',
      'duty',
    ],
    ['Assist with minor procedures when required', 'clinical.assist-provider', 'duty'],
    // a pay item called a bonus is no "bonus" of a wish
    ['Quarterly bonus tied to patient satisfaction scores', 'soft.customer-service', undefined],
  ])('reads %j: %s at %s', (body, id, level) => {
    expect(levelsOf(analyzePosting({ text: posting(body) }, lexicon))[id]).toBe(level);
  });

  it.each([
    ['Experience:\n- Venipuncture: 1 year (Preferred)', 'clinical.phlebotomy', 'preferred'],
    ['Licenses:\n- CCMA: (Required)', 'cert.ccma', 'required'],
    // a value that names a concept of its own keeps its level to itself
    ['Requirements:\n- Front desk: Epic (Preferred)', 'admin.front-desk', 'required'],
  ])('reads a job board line %j: its level after the colon', (body, id, level) => {
    expect(levelsOf(analyzePosting({ text: posting(body) }, lexicon))[id]).toBe(level);
  });

  it('lets a skip start after a comma, as the lexicon README says', () => {
    const analysis = analyzePosting(
      { text: posting('Fitting, adjustment, and care of orthotic devices') },
      lexicon,
    );
    const casting = analysis.concepts.find((c) => c.id === 'clinical.casting');
    expect(casting?.evidence[0]?.text).toBe('Fitting, adjustment, and care of orthotic devices');
  });

  it('reads schooling named in passing as asking nothing', () => {
    expect(ids('Our staff who finished high school mentor students')).not.toContain('edu.high-school');
  });

  it('reads a work-alongside clause as no credential at all', () => {
    expect(ids('You will work alongside RNs and LPNs').filter((id) => id.startsWith('cert.'))).toEqual([]);
  });

  it.each<[string, string[]]>([
    // the employer's service lines, whatever the verb
    [
      'Our network includes six hospitals, a heart and vascular institute, a comprehensive cancer center, orthopedic and spine services and a children’s hospital.\n\nDuties:\n- Room patients',
      [],
    ],
    // one clinic's fields are the job's setting
    [
      'We are a busy Cardiology, Pulmonology and Endocrinology clinic.',
      ['specialty.cardiology', 'specialty.endocrinology', 'specialty.pulmonology'],
    ],
    // a float pool's departments, named with the job
    [
      'FLOAT COVERAGE: the Rheumatology, Endocrinology and Cardiology clinics\n\nDuties:\n- Room patients',
      ['specialty.cardiology', 'specialty.endocrinology', 'specialty.rheumatology'],
    ],
    [
      'You will float between the Pediatrics, Dermatology and Cardiology clinics.',
      ['specialty.cardiology', 'specialty.dermatology', 'specialty.pediatrics'],
    ],
  ])('reads the specialties of %j', (body, specialties) => {
    expect(analyzePosting({ text: posting(body) }, lexicon).attributes.specialties).toEqual(specialties);
  });

  it('reads a credential among the conditions of employment as required, and nothing else there', () => {
    const body =
      'Duties:\n- Room patients\n\nConditions of Employment:\n- Must obtain and maintain current BLS certification\n- Pass a background check and a drug screen\n- Proof of flu vaccine\n\nSPECIAL REQUIREMENTS\nCurrent CPR certification or obtain it within 30 days of hire.';
    const analysis = analyzePosting({ text: posting(body) }, lexicon);
    const levels = levelsOf(analysis);
    expect(levels['cert.bls']).toBe('required');
    expect(levels['clinical.lab-tests']).toBeUndefined();
    expect(levels['clinical.injections']).toBeUndefined();
    expect(analysis.attributes.certWindowDays).toBe(30);
    expect(
      levelsOf(
        analyzePosting({ text: posting('Conditions of Employment:\n- We offer free BLS classes') }, lexicon),
      ),
    ).toEqual({});
    // a language asked in so many words; not a supplemental question
    const special = (line: string) =>
      levelsOf(
        analyzePosting(
          { text: posting(`Duties:\n- Room patients\n\nSPECIAL REQUIREMENTS\n${line}`) },
          lexicon,
        ),
      );
    expect(special('Bilingual (Spanish/English) skills are desirable.')['soft.bilingual']).toBe('preferred');
    expect(special('List any languages other than English you speak.')['soft.bilingual']).toBeUndefined();
  });
});

describe('analyzePosting: a whole posting', () => {
  const analysis = analyzePosting({ text: FAMILY_PRACTICE }, lexicon);
  const levels = levelsOf(analysis);

  it('finds duties, requirements and preferences at their levels', () => {
    expect(levels).toMatchObject({
      'clinical.rooming': 'duty',
      'clinical.vital-signs': 'duty',
      'clinical.phlebotomy': 'duty',
      'clinical.ekg': 'duty',
      'clinical.injections': 'duty',
      'admin.scheduling': 'duty',
      'admin.phones': 'duty',
      'admin.insurance': 'duty',
      'edu.high-school': 'required',
      'cert.ccma': 'required',
      'cert.bls': 'required',
      'soft.bilingual': 'preferred',
      'ehr.epic': 'preferred',
      'specialty.family-medicine': 'duty',
    });
  });

  it('finds nothing in the benefits and EEO blocks', () => {
    expect(levels['edu.associate']).toBeUndefined();
    for (const c of analysis.concepts) {
      for (const e of c.evidence) expect(['benefits', 'eeo']).not.toContain(e.section);
    }
  });

  it('reads the attributes', () => {
    expect(analysis.attributes).toMatchObject({
      title: 'Medical Assistant - Family Practice',
      location: 'Spokane, WA',
      experienceYears: 1,
      employmentType: 'full-time',
      pay: { min: 19, max: 23.5, period: 'hour' },
      certWindowDays: null,
      specialties: ['specialty.family-medicine'],
    });
  });

  it('orders concepts by category then id, and labels each', () => {
    const order = ['admin', 'clinical', 'specialty', 'cert', 'edu', 'ehr', 'soft'];
    const keys = analysis.concepts.map((c) => [order.indexOf(c.category), c.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    for (const c of analysis.concepts) {
      expect(c.id.startsWith(`${c.category}.`)).toBe(true);
      expect(c.label.length).toBeGreaterThan(0);
    }
    expect(analysis.lexiconVersion).toBe(lexicon.version);
  });

  it('gives evidence that points into the text, with its clause and section', () => {
    const ccma = analysis.concepts.find((c) => c.id === 'cert.ccma')!;
    expect(ccma.evidence[0]).toMatchObject({ text: 'CCMA', section: 'requirements', level: 'required' });
    expect(ccma.evidence[0]!.sentence).toContain('CCMA required');
    for (const c of analysis.concepts) {
      for (const e of c.evidence) expect(analysis.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('reads the HTML page the same way, ignoring scripts, JSON-LD, navigation and footer', () => {
    const html = analyzePosting({ html: FAMILY_PRACTICE_HTML }, lexicon);
    const found = levelsOf(html);
    expect(found).toMatchObject({
      'clinical.phlebotomy': 'duty',
      'clinical.ekg': 'duty',
      'admin.scheduling': 'duty',
      'cert.ccma': 'required',
      'cert.bls': 'required',
    });
    for (const id of ['ehr.epic', 'clinical.xray', 'specialty.dermatology', 'specialty.cardiology'])
      expect(found[id]).toBeUndefined();
    expect(html.attributes.title).toBe('Medical Assistant – Family Practice');
    expect(html.text).not.toMatch(/JobPosting|window\.track|Copyright|Home/);
  });
});
