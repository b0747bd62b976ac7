import { createRoute } from '@hono/zod-openapi';
import { getPostings, listPostings, type PageCursor, type StoredPosting } from '../../db/index.js';
import { buildTrainingPlan, type PlanPosting } from '../../gap/index.js';
import { todayIso } from '../../profile/index.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../problem.js';
import { createRouter } from '../router.js';
import { pickProblems } from '../schemas/problem.js';
import { MAX_PLAN_POSTINGS, PlanRequestSchema, TrainingPlanSchema } from '../schemas/profile.js';
import { resolveProfile } from './profiles.js';

export const planRoute = createRoute({
  method: 'post',
  path: '/plan',
  tags: ['gap'],
  summary: 'A training plan: which credentials and skills would unlock or add most across stored postings',
  description:
    `Over the stored postings named by \`postingIds\`, or matching \`filter\`, or all of them (at most ` +
    `${MAX_PLAN_POSTINGS}, newest first). Steps are ranked by postings unlocked (no knockout left), then ` +
    'score added; `rankBy: "score"` puts score added first.',
  request: { body: { content: { 'application/json': { schema: PlanRequestSchema } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: TrainingPlanSchema } }, description: 'The plan' },
    ...pickProblems(400, 401, 404, 413, 415, 422, 429, 500),
  },
});

export function createPlanRoutes({ db, lexicon }: AppDeps) {
  return createRouter().openapi(planRoute, (c) => {
    const body = c.req.valid('json');
    const profile = resolveProfile(db, lexicon, body);
    let stored: StoredPosting[];
    if (body.postingIds) {
      const ids = [...new Set(body.postingIds)];
      const found = getPostings(db, ids);
      const missing = ids.filter((_, i) => !found[i]);
      if (missing.length > 0)
        throw new ApiError(404, { detail: `Postings not found: ${missing.join(', ')}` });
      stored = found as StoredPosting[];
    } else {
      stored = [];
      let after: PageCursor | null = null;
      do {
        const page = listPostings(db, { filter: body.filter ?? {}, after, limit: 200 });
        const ids = page.items.map((item) => item.id);
        for (const posting of getPostings(db, ids)) if (posting) stored.push(posting);
        after = page.next;
      } while (after && stored.length < MAX_PLAN_POSTINGS);
      stored = stored.slice(0, MAX_PLAN_POSTINGS);
    }
    const postings: PlanPosting[] = stored.map((p) => ({
      ...p.analysis,
      postingId: p.id,
      postingState: p.state,
    }));
    const today = body.today ?? todayIso();
    return c.json(
      buildTrainingPlan(postings, profile, lexicon, {
        today,
        rankBy: body.rankBy,
        ...(body.limit !== undefined ? { limit: body.limit } : {}),
      }),
      200,
    );
  });
}
