// A fixed-window rate limit per API key (or client IP without one), in memory: one process, no deps.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { ApiError } from '../problem.js';

export interface RateLimitOptions {
  /** Requests allowed per window; 0 = unlimited. */
  limit: number;
  windowMs: number;
  trustProxy: boolean;
  /** Never counted (health checks). */
  exempt: (path: string) => boolean;
  now?: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, Window>();
  const now = options.now ?? Date.now;
  return async (c, next) => {
    if (options.limit <= 0 || options.exempt(c.req.path)) return next();
    const t = now();
    // Forget expired windows now and then, so memory stays bounded by the clients of one window.
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    const key = clientKey(c, options.trustProxy);
    let window = windows.get(key);
    if (!window || window.resetAt <= t) {
      window = { count: 0, resetAt: t + options.windowMs };
      windows.set(key, window);
    }
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.resetAt - t) / 1000));
    const headers = {
      'RateLimit-Limit': String(options.limit),
      'RateLimit-Remaining': String(Math.max(0, options.limit - window.count)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (window.count > options.limit) {
      throw new ApiError(429, {
        detail: `Rate limit of ${options.limit} requests per ${options.windowMs} ms exceeded; retry in ${resetSeconds} s.`,
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
      });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

function clientKey(c: Context<AppEnv>, trustProxy: boolean): string {
  const apiKey = c.get('apiKey');
  if (apiKey) return `key:${apiKey}`;
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return `ip:${forwarded}`;
  }
  try {
    return `ip:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    // app.request() in tests has no socket.
    return 'ip:unknown';
  }
}
