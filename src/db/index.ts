export { closeDatabase, type Db, openDatabase, pingDatabase } from './client.js';
export {
  countPostingsByLexiconVersion,
  deletePosting,
  findPostingByHash,
  getPosting,
  getPostings,
  type InsertResult,
  insertPosting,
  insertPostings,
  listPostings,
  listStalePostings,
  type PageCursor,
  type PostingFilter,
  type PostingSummary,
  replaceAnalysis,
  type StoredPosting,
} from './postings.js';
export {
  createProfile,
  deleteProfile,
  getProfile,
  listProfiles,
  type StoredProfile,
  updateProfile,
} from './profiles.js';
export * as schema from './schema.js';
