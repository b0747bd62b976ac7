// Builds the HTTP API. Route groups live in routes/<area>.ts; to add one, import its factory and
// mount it in the ROUTES list below — the OpenAPI document picks it up from there.
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createLogger } from '../logging/index.js';
import type { AppDeps, AppEnv } from './deps.js';
import { identifyApiKey, requireApiKey } from './middleware/auth.js';
import { limitBody } from './middleware/body-limit.js';
import { rateLimit } from './middleware/rate-limit.js';
import { ApiError, problemResponse, toApiError } from './problem.js';
import { createAnalyzeRoutes } from './routes/analyze.js';
import { createGapRoutes } from './routes/gap.js';
import { createHealthRoutes } from './routes/health.js';
import { createLexiconRoutes } from './routes/lexicon.js';
import { createPlanRoutes } from './routes/plan.js';
import { createPostingRoutes } from './routes/postings.js';
import { createProfileRoutes } from './routes/profiles.js';

export const API_PREFIX = '/api/v1';

/** Route group factories, each mounted under API_PREFIX. */
const ROUTES: Array<(deps: AppDeps) => OpenAPIHono<AppEnv>> = [
  createHealthRoutes,
  createAnalyzeRoutes,
  createPostingRoutes,
  createLexiconRoutes,
  createProfileRoutes,
  createGapRoutes,
  createPlanRoutes,
];

/** Open to everyone, never rate limited: probes and API discovery. */
const OPEN_PATHS = new Set([`${API_PREFIX}/health`, `${API_PREFIX}/openapi.json`]);
/** POST routes that write nothing, so they count as reads for API keys. */
const READ_ONLY_POSTS = new Set([`${API_PREFIX}/analyze`, `${API_PREFIX}/gap`, `${API_PREFIX}/plan`]);
/** Routes allowed the larger batch body limit. */
const BATCH_PATHS = new Set([`${API_PREFIX}/postings/batch`]);

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const app = new OpenAPIHono<AppEnv>();

  app.onError((err, c) => {
    const problem = toApiError(err);
    if (problem.status >= 500) {
      // The cause goes to the log, keyed by the request id the client also sees; never to the client.
      logger.error('request failed', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: problem.status,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    }
    return problemResponse(c, problem);
  });
  app.notFound((c) =>
    problemResponse(c, new ApiError(404, { detail: `No route for ${c.req.method} ${c.req.path}` })),
  );

  app.use('*', requestId());
  app.use('*', secureHeaders());
  if (config.corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        exposeHeaders: [
          'Location',
          'Retry-After',
          'X-Request-Id',
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
        ],
        maxAge: 600,
      }),
    );
  }
  app.use(`${API_PREFIX}/*`, identifyApiKey(config.apiKeys));
  app.use(
    `${API_PREFIX}/*`,
    rateLimit({
      limit: config.rateLimit,
      windowMs: config.rateWindowMs,
      trustProxy: config.trustProxy,
      exempt: (path) => OPEN_PATHS.has(path),
    }),
  );
  app.use(
    `${API_PREFIX}/*`,
    requireApiKey({
      apiKeys: config.apiKeys,
      protectReads: config.protectReads,
      readOnlyPosts: (path) => READ_ONLY_POSTS.has(path),
      open: (path) => OPEN_PATHS.has(path),
    }),
  );
  const defaultLimit = limitBody(config.bodyLimit);
  const batchLimit = limitBody(config.batchBodyLimit);
  app.use(`${API_PREFIX}/*`, (c, next) => (BATCH_PATHS.has(c.req.path) ? batchLimit : defaultLimit)(c, next));

  for (const routes of ROUTES) app.route(API_PREFIX, routes({ ...deps, logger }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'Needed on write routes when the server sets MA_GAP_API_KEYS',
  });
  app.doc(`${API_PREFIX}/openapi.json`, {
    openapi: '3.0.3',
    info: {
      title: 'ma-gap API',
      version: '1',
      description:
        'Reads Medical Assistant job postings: analysis, storage and the lexicon. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  });
  return app;
}
