import { z } from '@hono/zod-openapi';
import { LEVELS } from '../../lexicon/index.js';
import { isStateCode } from '../../postings/index.js';
import { AnalysisSchema, exactlyOneContent, PostingContentSchema } from './analysis.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');
const stateCode = z
  .string()
  .refine(isStateCode, 'must be a two-letter US state code')
  .transform((s) => s.toUpperCase());

export const PostingCreateSchema = PostingContentSchema.extend({
  source: z.string().max(2048).optional().openapi({ example: 'https://jobs.example.com/123' }),
  title: z.string().max(500).optional(),
  employer: z.string().max(500).optional(),
  location: z.string().max(500).optional().openapi({ example: 'St Paul, MN' }),
  state: stateCode
    .optional()
    .openapi({ example: 'MN', description: 'Derived from the location when omitted' }),
  postedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date (YYYY-MM-DD)')
    .optional()
    .openapi({ example: '2024-05-01' }),
})
  .superRefine(exactlyOneContent)
  .openapi('PostingCreate');

export const MAX_BATCH = 1000;

export const PostingBatchSchema = z
  .array(PostingCreateSchema)
  .min(1, 'send at least one posting')
  .max(MAX_BATCH, `at most ${MAX_BATCH} postings per batch`)
  .openapi('PostingBatch');

export const PostingSummarySchema = z
  .object({
    id: z.string().openapi({ example: '6f1c8e0e-3c1b-4a53-9a7e-0b8f6c2f7a10' }),
    source: z.string().nullable(),
    title: z.string().nullable(),
    employer: z.string().nullable(),
    location: z.string().nullable(),
    state: z.string().nullable(),
    postedDate: z.string().nullable(),
    contentHash: z.string(),
    lexiconVersion: z.string(),
    createdAt: z.string(),
    analyzedAt: z.string(),
  })
  .openapi('PostingSummary');

export const PostingSchema = PostingSummarySchema.extend({ analysis: AnalysisSchema }).openapi('Posting');

export const PostingListSchema = z
  .object({
    items: z.array(PostingSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as ?cursor= for the next page; null on the last' }),
  })
  .openapi('PostingList');

export const BatchResultSchema = z
  .object({
    created: z.number().int(),
    existing: z.number().int(),
    items: z.array(
      z.object({ index: z.number().int(), id: z.string(), status: z.enum(['created', 'existing']) }),
    ),
  })
  .openapi('BatchResult');

export const PostingQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  concept: z.string().optional().openapi({ example: 'cert.ccma' }),
  level: z.enum(LEVELS).optional(),
  specialty: z.string().optional().openapi({ example: 'specialty.dermatology' }),
  state: stateCode.optional(),
  postedFrom: isoDate.optional(),
  postedTo: isoDate.optional(),
});

export const PostingIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
