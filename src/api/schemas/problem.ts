import { z } from '@hono/zod-openapi';

export const FieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: '/0/text', description: 'JSON Pointer into the request part' }),
    message: z.string(),
    location: z.enum(['body', 'query', 'path', 'header']).optional(),
  })
  .openapi('FieldError');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:ma-gap:problem:validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json)' });

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

/** Error responses for route definitions, so the document lists what each route can answer. */
export const problemResponses = {
  400: problem('Malformed JSON'),
  401: problem('Missing or invalid API key'),
  413: problem('Body over the size limit'),
  415: problem('Unsupported content type'),
  422: problem('Invalid fields'),
  429: problem('Rate limited (see Retry-After)'),
  404: problem('Unknown id'),
  500: problem('Internal error'),
} as const;

export function pickProblems<K extends keyof typeof problemResponses>(
  ...codes: K[]
): Pick<typeof problemResponses, K> {
  return Object.fromEntries(codes.map((code) => [code, problemResponses[code]])) as Pick<
    typeof problemResponses,
    K
  >;
}
