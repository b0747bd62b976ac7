// RFC 9457 problem details: the one shape every error response takes.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export interface FieldError {
  /** JSON Pointer into the request part named by `location` ("/items/0/text", "/limit"). */
  path: string;
  message: string;
  location?: 'body' | 'query' | 'path' | 'header';
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** Problem types are URNs: stable names clients can switch on, with no pretence of a web page. */
export const problemType = (slug: string): string => `urn:ma-gap:problem:${slug}`;

const DEFAULTS: Record<number, { slug: string; title: string }> = {
  400: { slug: 'malformed-request', title: 'Malformed request' },
  401: { slug: 'unauthorized', title: 'Unauthorized' },
  403: { slug: 'forbidden', title: 'Forbidden' },
  404: { slug: 'not-found', title: 'Not found' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  413: { slug: 'payload-too-large', title: 'Payload too large' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { slug: 'validation-failed', title: 'Validation failed' },
  429: { slug: 'rate-limited', title: 'Too many requests' },
  500: { slug: 'internal-error', title: 'Internal server error' },
  503: { slug: 'unavailable', title: 'Service unavailable' },
};

/** Thrown anywhere in the API; onError turns it into a problem response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly type: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    options: {
      detail?: string;
      title?: string;
      type?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    const fallback = DEFAULTS[status] ?? { slug: `http-${status}`, title: `HTTP ${status}` };
    super(options.detail ?? options.title ?? fallback.title);
    this.status = status;
    this.title = options.title ?? fallback.title;
    this.type = options.type ?? problemType(fallback.slug);
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, { detail: `${what} not found` });

export const validationFailed = (
  errors: FieldError[],
  detail = 'The request has invalid fields.',
): ApiError => new ApiError(422, { detail, errors });

const TARGET_LOCATION: Record<string, FieldError['location']> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

/** Zod issues as field errors; `prefix` nests them (an NDJSON line's errors under its index). */
export function fieldErrorsOf(
  error: ZodError,
  target = 'json',
  prefix: Array<string | number> = [],
): FieldError[] {
  return error.issues.map((issue) => ({
    path: toPointer([...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]),
    message: issue.message,
    location: TARGET_LOCATION[target] ?? 'body',
  }));
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Any thrown value as an ApiError; unknown errors become an opaque 500 (the cause is logged, not sent). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // Hono's own messages ("Malformed JSON in request body") are safe and helpful to pass on.
    return new ApiError(status, { detail: err.message || undefined });
  }
  return new ApiError(500, {
    detail: 'An unexpected error occurred. Quote the request id when reporting it.',
  });
}

export function problemResponse(c: Context, error: ApiError): Response {
  const requestId = c.get('requestId') as string | undefined;
  const body: Problem = {
    type: error.type,
    title: error.title,
    status: error.status,
    ...(error.detail !== undefined && { detail: error.detail }),
    instance: c.req.path,
    ...(requestId && { requestId }),
    ...(error.errors && { errors: error.errors }),
  };
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  c.header('Content-Type', 'application/problem+json');
  return c.body(JSON.stringify(body), error.status);
}
