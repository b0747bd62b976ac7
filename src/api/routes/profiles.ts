import { createRoute, type z } from '@hono/zod-openapi';
import {
  createProfile,
  type Db,
  deleteProfile,
  getProfile,
  listProfiles,
  type PageCursor,
  updateProfile,
} from '../../db/index.js';
import type { Lexicon } from '../../lexicon/index.js';
import { buildProfileFromResume, type Profile, validateProfile } from '../../profile/index.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound, toPointer, validationFailed } from '../problem.js';
import { createRouter } from '../router.js';
import { pickProblems } from '../schemas/problem.js';
import {
  ProfileIdParamsSchema,
  ProfileJsonSchema,
  ProfileListSchema,
  ProfileQuerySchema,
  ResumeRequestSchema,
  StoredProfileSchema,
} from '../schemas/profile.js';

const security = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const profileBody = { content: { 'application/json': { schema: ProfileJsonSchema } }, required: true };

/**
 * A profile JSON checked against the lexicon; 422 naming unknown concept ids. `at` prefixes the field
 * paths (["profile"] when the profile is inline in a bigger body).
 */
export function checkProfile(json: unknown, lexicon: Lexicon, at: string[] = []): Profile {
  const result = validateProfile(json, lexicon);
  if (result.ok) return result.profile;
  const errors = result.issues.map((i) => ({
    path: toPointer([...at, ...i.path]),
    message: i.message,
    location: 'body' as const,
  }));
  throw validationFailed(
    errors,
    result.unknownIds.length > 0
      ? `Unknown concept ids: ${result.unknownIds.join(', ')}`
      : 'The profile has invalid fields.',
  );
}

/** `{ profileId }` → the stored profile (404 when none); `{ profile }` → the inline one, checked. */
export function resolveProfile(
  db: Db,
  lexicon: Lexicon,
  body: { profileId?: string | undefined; profile?: unknown },
): Profile {
  if (body.profileId !== undefined) {
    const stored = getProfile(db, body.profileId);
    if (!stored) throw notFound('Profile');
    return stored.profile;
  }
  return checkProfile(body.profile, lexicon, ['profile']);
}

const createProfileRoute = createRoute({
  method: 'post',
  path: '/profiles',
  tags: ['profiles'],
  summary: 'Store a profile (also the import of a profile JSON file)',
  security,
  request: { body: profileBody },
  responses: { 201: json(StoredProfileSchema, 'Stored'), ...pickProblems(400, 401, 413, 415, 422, 429, 500) },
});

const fromResumeRoute = createRoute({
  method: 'post',
  path: '/profiles/from-resume',
  tags: ['profiles'],
  summary: 'Read a profile from pasted resume text (stored when save is true)',
  request: { body: { content: { 'application/json': { schema: ResumeRequestSchema } }, required: true } },
  responses: {
    200: json(ProfileJsonSchema, 'The profile read (not stored)'),
    201: json(StoredProfileSchema, 'Stored'),
    ...pickProblems(400, 401, 413, 415, 422, 429, 500),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/profiles',
  tags: ['profiles'],
  summary: 'List stored profiles, newest first, a page at a time',
  request: { query: ProfileQuerySchema },
  responses: { 200: json(ProfileListSchema, 'One page'), ...pickProblems(401, 422, 429) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/profiles/{id}',
  tags: ['profiles'],
  summary: 'One stored profile',
  request: { params: ProfileIdParamsSchema },
  responses: { 200: json(StoredProfileSchema, 'The profile'), ...pickProblems(401, 404, 429) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/profiles/{id}/export',
  tags: ['profiles'],
  summary: 'The profile JSON alone, as a file to keep or import elsewhere',
  request: { params: ProfileIdParamsSchema },
  responses: { 200: json(ProfileJsonSchema, 'The profile JSON'), ...pickProblems(401, 404, 429) },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/profiles/{id}',
  tags: ['profiles'],
  summary: 'Replace a profile',
  security,
  request: { params: ProfileIdParamsSchema, body: profileBody },
  responses: {
    200: json(StoredProfileSchema, 'Replaced'),
    ...pickProblems(400, 401, 404, 413, 415, 422, 429, 500),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/profiles/{id}',
  tags: ['profiles'],
  summary: 'Delete a profile',
  security,
  request: { params: ProfileIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...pickProblems(401, 404, 429) },
});

export function createProfileRoutes({ db, lexicon }: AppDeps) {
  return createRouter()
    .openapi(createProfileRoute, (c) => {
      const stored = createProfile(db, checkProfile(c.req.valid('json'), lexicon));
      c.header('Location', `${c.req.path}/${stored.id}`);
      return c.json(stored, 201);
    })
    .openapi(fromResumeRoute, (c) => {
      const body = c.req.valid('json');
      const read = buildProfileFromResume(body.text, lexicon, body.today ? { today: body.today } : {});
      const profile = checkProfile(body.name ? { ...read, name: body.name } : read, lexicon);
      if (!body.save) return c.json(profile, 200);
      const stored = createProfile(db, profile);
      c.header('Location', `${c.req.path.replace(/\/from-resume$/, '')}/${stored.id}`);
      return c.json(stored, 201);
    })
    .openapi(listRoute, (c) => {
      const query = c.req.valid('query');
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
      const page = listProfiles(db, { after, limit: query.limit });
      return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200);
    })
    .openapi(getRoute, (c) => {
      const stored = getProfile(db, c.req.valid('param').id);
      if (!stored) throw notFound('Profile');
      return c.json(stored, 200);
    })
    .openapi(exportRoute, (c) => {
      const { id } = c.req.valid('param');
      const stored = getProfile(db, id);
      if (!stored) throw notFound('Profile');
      c.header('Content-Disposition', `attachment; filename="profile-${id}.json"`);
      return c.json(stored.profile, 200);
    })
    .openapi(updateRoute, (c) => {
      const stored = updateProfile(db, c.req.valid('param').id, checkProfile(c.req.valid('json'), lexicon));
      if (!stored) throw notFound('Profile');
      return c.json(stored, 200);
    })
    .openapi(deleteRoute, (c) => {
      if (!deleteProfile(db, c.req.valid('param').id)) throw notFound('Profile');
      return c.body(null, 204);
    });
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

function decodeCursor(value: string): PageCursor {
  const [createdAt, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id) {
    throw new ApiError(422, {
      detail: 'Invalid cursor',
      errors: [{ path: '/cursor', message: 'not a cursor this API issued', location: 'query' }],
    });
  }
  return { createdAt, id };
}
