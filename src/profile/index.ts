// Job seekers' profiles: the JSON schema, validation against the lexicon, and reading one from a resume.

export {
  buildProfileFromResume,
  credentialDates,
  experienceFromRanges,
  profileFromAnalysis,
  type ResumeOptions,
  toIso,
} from './resume.js';
export {
  type Credential,
  credentialSchema,
  HOLDINGS,
  type Holding,
  type Profile,
  type ProfileInput,
  profileSchema,
  todayIso,
} from './schema.js';
export {
  formatProfileIssues,
  normalizeProfile,
  type ProfileIssue,
  type ProfileValidation,
  validateProfile,
} from './validate.js';
