import { createRoute } from '@hono/zod-openapi';
import { analyzePosting } from '../../extract/index.js';
import type { PostingInput } from '../../extract/types.js';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../router.js';
import { AnalysisSchema, AnalyzeRequestSchema } from '../schemas/analysis.js';
import { pickProblems } from '../schemas/problem.js';

export const analyzeRoute = createRoute({
  method: 'post',
  path: '/analyze',
  tags: ['analysis'],
  summary: 'Analyse one posting without storing it',
  request: {
    body: { content: { 'application/json': { schema: AnalyzeRequestSchema } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: AnalysisSchema } }, description: 'The analysis' },
    ...pickProblems(400, 413, 415, 422, 429, 500),
  },
});

export function createAnalyzeRoutes({ lexicon }: AppDeps) {
  return createRouter().openapi(analyzeRoute, (c) => {
    const body = c.req.valid('json');
    const input: PostingInput = body.html !== undefined ? { html: body.html } : { text: body.text ?? '' };
    return c.json(analyzePosting(input, lexicon), 200);
  });
}
