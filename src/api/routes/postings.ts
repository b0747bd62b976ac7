import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  deletePosting,
  findPostingByHash,
  getPosting,
  insertPosting,
  insertPostings,
  listPostings,
  type PageCursor,
  type PostingFilter,
} from '../../db/index.js';
import { hashPostingInput, type NewPostingInput, preparePosting } from '../../postings/index.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { ApiError, type FieldError, fieldErrorsOf, notFound, validationFailed } from '../problem.js';
import { createRouter } from '../router.js';
import {
  BatchResultSchema,
  MAX_BATCH,
  PostingBatchSchema,
  PostingCreateSchema,
  PostingIdParamsSchema,
  PostingListSchema,
  PostingQuerySchema,
  PostingSchema,
} from '../schemas/posting.js';
import { pickProblems } from '../schemas/problem.js';

const security = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const createPostingRoute = createRoute({
  method: 'post',
  path: '/postings',
  tags: ['postings'],
  summary: 'Store and analyse a posting (the same content twice returns the stored one)',
  security,
  request: { body: { content: { 'application/json': { schema: PostingCreateSchema } }, required: true } },
  responses: {
    201: json(PostingSchema, 'Stored'),
    200: json(PostingSchema, 'Already stored: the existing posting'),
    ...pickProblems(400, 401, 413, 415, 422, 429, 500),
  },
});

const batchRoute = createRoute({
  method: 'post',
  path: '/postings/batch',
  tags: ['postings'],
  summary: `Store up to ${MAX_BATCH} postings in one transaction: all or nothing`,
  description:
    'A JSON array, or NDJSON (application/x-ndjson, one posting per line). Any invalid item rejects the ' +
    'whole batch with 422; `errors[].path` starts with the item index (/3/text).',
  security,
  request: {
    body: {
      content: {
        'application/json': { schema: PostingBatchSchema },
        'application/x-ndjson': { schema: z.string().openapi({ description: 'One PostingCreate per line' }) },
      },
    },
  },
  responses: {
    201: json(BatchResultSchema, 'Stored (at least one posting was new)'),
    200: json(BatchResultSchema, 'Every posting was already stored'),
    ...pickProblems(400, 401, 413, 415, 422, 429, 500),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/postings',
  tags: ['postings'],
  summary: 'List stored postings, newest first, a page at a time',
  request: { query: PostingQuerySchema },
  responses: { 200: json(PostingListSchema, 'One page'), ...pickProblems(401, 422, 429) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/postings/{id}',
  tags: ['postings'],
  summary: 'One posting with its analysis',
  request: { params: PostingIdParamsSchema },
  responses: { 200: json(PostingSchema, 'The posting'), ...pickProblems(401, 404, 429) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/postings/{id}',
  tags: ['postings'],
  summary: 'Delete a posting and its analysis',
  security,
  request: { params: PostingIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...pickProblems(401, 404, 429) },
});

export function createPostingRoutes({ db, lexicon }: AppDeps) {
  return createRouter()
    .openapi(createPostingRoute, (c) => {
      const input = c.req.valid('json') as NewPostingInput;
      // A duplicate is answered from the store without running the engine.
      const existing = findPostingByHash(db, hashPostingInput(input));
      if (existing) return c.json(existing, 200);
      const { posting, created } = insertPosting(db, preparePosting(input, lexicon));
      if (!created) return c.json(posting, 200);
      c.header('Location', `${c.req.path}/${posting.id}`);
      return c.json(posting, 201);
    })
    .openapi(batchRoute, async (c) => {
      const items = isNdjson(c) ? parseNdjson(await c.req.text()) : (c.req.valid('json') as unknown);
      if (!Array.isArray(items)) {
        throw new ApiError(415, {
          detail: 'Send a JSON array (application/json) or NDJSON (application/x-ndjson).',
        });
      }
      // Analyse first, outside the transaction: the write lock is then held only for the inserts.
      const prepared = (items as NewPostingInput[]).map((item) => preparePosting(item, lexicon));
      const results = insertPostings(db, prepared);
      const created = results.filter((r) => r.created).length;
      const body = {
        created,
        existing: results.length - created,
        items: results.map((r, index) => ({
          index,
          id: r.posting.id,
          status: r.created ? ('created' as const) : ('existing' as const),
        })),
      };
      return created > 0 ? c.json(body, 201) : c.json(body, 200);
    })
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query');
      const filter = toFilter(query, lexicon.conceptById);
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
      const page = listPostings(db, { filter, after, limit: query.limit });
      return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200);
    })
    .openapi(getRoute, (c) => {
      const posting = getPosting(db, c.req.valid('param').id);
      if (!posting) throw notFound('Posting');
      return c.json(posting, 200);
    })
    .openapi(deleteRoute, (c) => {
      if (!deletePosting(db, c.req.valid('param').id)) throw notFound('Posting');
      return c.body(null, 204);
    });
}

function isNdjson(c: Context<AppEnv>): boolean {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-ndjson';
}

/** NDJSON lines validated one by one, so every bad line is reported, by its index, at once. */
function parseNdjson(body: string): NewPostingInput[] {
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0)
    throw validationFailed([{ path: '', message: 'send at least one posting', location: 'body' }]);
  if (lines.length > MAX_BATCH) {
    throw validationFailed([
      { path: '', message: `at most ${MAX_BATCH} postings per batch`, location: 'body' },
    ]);
  }
  const errors: FieldError[] = [];
  const items: NewPostingInput[] = [];
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ path: `/${index}`, message: `line ${index + 1} is not valid JSON`, location: 'body' });
      return;
    }
    const parsed = PostingCreateSchema.safeParse(value);
    if (parsed.success) items.push(parsed.data as NewPostingInput);
    else errors.push(...fieldErrorsOf(parsed.error, 'json', [index]));
  });
  if (errors.length > 0) throw validationFailed(errors, 'Some postings are invalid; nothing was stored.');
  return items;
}

function toFilter(
  query: z.infer<typeof PostingQuerySchema>,
  concepts: ReadonlyMap<string, unknown>,
): PostingFilter {
  // Accept "dermatology" for "specialty.dermatology".
  const specialty =
    query.specialty && !query.specialty.includes('.') ? `specialty.${query.specialty}` : query.specialty;
  const errors: FieldError[] = [];
  if (query.concept && !concepts.has(query.concept)) {
    errors.push({ path: '/concept', message: `unknown concept "${query.concept}"`, location: 'query' });
  }
  if (specialty && (!concepts.has(specialty) || !specialty.startsWith('specialty.'))) {
    errors.push({ path: '/specialty', message: `unknown specialty "${query.specialty}"`, location: 'query' });
  }
  if (query.postedFrom && query.postedTo && query.postedFrom > query.postedTo) {
    errors.push({ path: '/postedTo', message: 'must not be before postedFrom', location: 'query' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return {
    concept: query.concept,
    level: query.level,
    specialty,
    state: query.state,
    postedFrom: query.postedFrom,
    postedTo: query.postedTo,
  };
}

/** Cursors are opaque to clients: base64url of the last item's sort key. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): PageCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through to the 422 below
  }
  throw new ApiError(422, {
    detail: 'The cursor is not one this API issued.',
    errors: [{ path: '/cursor', message: 'invalid cursor', location: 'query' }],
  });
}
