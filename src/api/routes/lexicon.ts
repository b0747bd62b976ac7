import { createRoute, z } from '@hono/zod-openapi';
import { CATEGORIES } from '../../lexicon/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../problem.js';
import { createRouter } from '../router.js';
import { ConceptSchema, LexiconSchema } from '../schemas/lexicon.js';
import { pickProblems } from '../schemas/problem.js';

const listRoute = createRoute({
  method: 'get',
  path: '/lexicon',
  tags: ['lexicon'],
  summary: 'Every concept the engine knows, with labels, categories and training',
  request: { query: z.object({ category: z.enum(CATEGORIES).optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: LexiconSchema } }, description: 'The lexicon' },
    ...pickProblems(422, 429),
  },
});

const conceptRoute = createRoute({
  method: 'get',
  path: '/lexicon/concepts/{id}',
  tags: ['lexicon'],
  summary: 'One concept',
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'cert.ccma' }) }),
  },
  responses: {
    200: { content: { 'application/json': { schema: ConceptSchema } }, description: 'The concept' },
    ...pickProblems(404, 429),
  },
});

export function createLexiconRoutes({ lexicon }: AppDeps) {
  return createRouter()
    .openapi(listRoute, (c) => {
      const { category } = c.req.valid('query');
      const concepts = category ? lexicon.concepts.filter((k) => k.category === category) : lexicon.concepts;
      return c.json({ name: lexicon.name, version: lexicon.version, concepts }, 200);
    })
    .openapi(conceptRoute, (c) => {
      const concept = lexicon.conceptById.get(c.req.valid('param').id);
      if (!concept) throw notFound('Concept');
      return c.json(concept, 200);
    });
}
