// Every route group is an OpenAPIHono built here, so all of them answer invalid input the same way.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps.js';
import { fieldErrorsOf, problemResponse, validationFailed } from './problem.js';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        return problemResponse(c, validationFailed(fieldErrorsOf(result.error, result.target)));
    },
  });
}
