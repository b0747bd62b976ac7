import { createRoute } from '@hono/zod-openapi';
import { getPosting } from '../../db/index.js';
import { analyzePosting } from '../../extract/index.js';
import { buildGapReport } from '../../gap/index.js';
import { todayIso } from '../../profile/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../problem.js';
import { createRouter } from '../router.js';
import { pickProblems } from '../schemas/problem.js';
import { GapReportSchema, GapRequestSchema } from '../schemas/profile.js';
import { resolveProfile } from './profiles.js';

export const gapRoute = createRoute({
  method: 'post',
  path: '/gap',
  tags: ['gap'],
  summary: "A gap report: how a profile meets one posting (score, knockouts, what's met and missing)",
  description:
    'Profile by `profileId` or inline `profile`; posting by `postingId` (stored) or `text` / `html`. ' +
    'The same inputs (with the same `today`) give the same report, byte for byte. Rules: the README, "Job seekers".',
  request: { body: { content: { 'application/json': { schema: GapRequestSchema } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: GapReportSchema } }, description: 'The report' },
    ...pickProblems(400, 401, 404, 413, 415, 422, 429, 500),
  },
});

export function createGapRoutes({ db, lexicon }: AppDeps) {
  return createRouter().openapi(gapRoute, (c) => {
    const body = c.req.valid('json');
    const profile = resolveProfile(db, lexicon, body);
    let analysis: ReturnType<typeof analyzePosting>;
    let postingState: string | null = null;
    if (body.postingId !== undefined) {
      const posting = getPosting(db, body.postingId);
      if (!posting) throw notFound('Posting');
      analysis = posting.analysis;
      postingState = posting.state;
    } else {
      analysis = analyzePosting(
        body.html !== undefined ? { html: body.html } : { text: body.text ?? '' },
        lexicon,
      );
    }
    const today = body.today ?? todayIso();
    return c.json(buildGapReport(analysis, profile, lexicon, { today, postingState }), 200);
  });
}
