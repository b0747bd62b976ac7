// Bearer API keys: required on write routes when keys are configured, on reads only if asked.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { ApiError } from '../problem.js';

export interface AuthOptions {
  apiKeys: string[];
  protectReads: boolean;
  /** Reached by POST but writes nothing (POST /analyze): treated as a read. */
  readOnlyPosts: (path: string) => boolean;
  /** Always open (health, the OpenAPI document). */
  open: (path: string) => boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

const bearerOf = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

/**
 * Records which configured key (if any) the request carries, before rate limiting counts it, so a
 * valid key gets its own budget and bad keys share their IP's.
 */
export function identifyApiKey(apiKeys: string[]): MiddlewareHandler<AppEnv> {
  // Compare digests in constant time, so neither a key's content nor its length leaks through timing.
  const keys = apiKeys.map(digest);
  return async (c, next) => {
    const presented = bearerOf(c.req.header('Authorization'));
    const valid = presented !== undefined && keys.some((k) => timingSafeEqual(k, digest(presented)));
    c.set('apiKey', valid ? presented : undefined);
    return next();
  };
}

/** Enforces the key; runs after identifyApiKey. */
export function requireApiKey(options: AuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.apiKeys.length === 0 || options.open(c.req.path)) return next();
    const isRead = ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || options.readOnlyPosts(c.req.path);
    if ((isRead && !options.protectReads) || c.get('apiKey')) return next();
    throw new ApiError(401, {
      detail: bearerOf(c.req.header('Authorization'))
        ? 'The API key is not valid.'
        : 'This route needs an API key: Authorization: Bearer <key>.',
      headers: { 'WWW-Authenticate': 'Bearer realm="ma-gap"' },
    });
  };
}
