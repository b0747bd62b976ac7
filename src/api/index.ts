export { API_PREFIX, createApp } from './app.js';
export type { AppDeps, AppEnv } from './deps.js';
export {
  ApiError,
  type FieldError,
  fieldErrorsOf,
  notFound,
  type Problem,
  problemResponse,
  problemType,
  toApiError,
  validationFailed,
} from './problem.js';
export { createRouter } from './router.js';
export { ProblemSchema, pickProblems, problemResponses } from './schemas/problem.js';
