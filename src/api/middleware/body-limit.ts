import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../problem.js';

/** Rejects bodies over `maxSize` bytes with 413, whether or not Content-Length is sent. */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, { detail: `The request body is over the limit of ${maxSize} bytes.` });
    },
  });
}
