import { createRoute, z } from '@hono/zod-openapi';
import { countPostingsByLexiconVersion, pingDatabase } from '../../db/index.js';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../router.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    lexiconVersion: z.string(),
    database: z.enum(['ok', 'unavailable']),
    /** Stored postings analysed with another lexicon version: run `ma-gap reanalyze`. */
    stalePostings: z.number().int(),
  })
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['service'],
  summary: 'Liveness and readiness',
  responses: {
    200: { content: { 'application/json': { schema: HealthSchema } }, description: 'The service is up' },
    503: {
      content: { 'application/json': { schema: HealthSchema } },
      description: 'The database does not answer',
    },
  },
});

export function createHealthRoutes({ db, lexicon }: AppDeps) {
  return createRouter().openapi(healthRoute, (c) => {
    const up = pingDatabase(db);
    const stale = up
      ? countPostingsByLexiconVersion(db)
          .filter((v) => v.lexiconVersion !== lexicon.version)
          .reduce((n, v) => n + v.count, 0)
      : 0;
    const body = {
      status: up ? ('ok' as const) : ('unavailable' as const),
      lexiconVersion: lexicon.version,
      database: up ? ('ok' as const) : ('unavailable' as const),
      stalePostings: stale,
    };
    return up ? c.json(body, 200) : c.json(body, 503);
  });
}
