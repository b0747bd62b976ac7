import { z } from '@hono/zod-openapi';
import { CATEGORIES, LEVELS } from '../../lexicon/index.js';

const text = z.string().min(1, 'must not be empty');

/** `{ text }` or `{ html }`, never both. */
export const PostingContentSchema = z.object({
  text: text.optional().openapi({ example: 'Medical Assistant\nRequirements:\n- CCMA required' }),
  html: text.optional().openapi({ example: '<h1>Medical Assistant</h1><ul><li>CCMA required</li></ul>' }),
});

export function exactlyOneContent(
  value: { text?: string | undefined; html?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if ((value.text === undefined) === (value.html === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['text'], message: 'send exactly one of text or html' });
  }
}

export const AnalyzeRequestSchema =
  PostingContentSchema.superRefine(exactlyOneContent).openapi('AnalyzeRequest');

export const EvidenceSchema = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    sentence: z.string(),
    level: z.enum(LEVELS).openapi({ description: 'The level this mention states' }),
    section: z.string().openapi({ example: 'requirements' }),
  })
  .openapi('Evidence', { description: 'UTF-16 offsets into Analysis.text' });

export const FoundConceptSchema = z
  .object({
    id: z.string().openapi({ example: 'cert.ccma' }),
    category: z.enum(CATEGORIES),
    label: z.string(),
    level: z.enum(LEVELS),
    evidence: z.array(EvidenceSchema),
  })
  .openapi('FoundConcept');

export const AttributesSchema = z
  .object({
    experienceYears: z.number().nullable(),
    employmentType: z.enum(['full-time', 'part-time', 'per-diem', 'temporary']).nullable(),
    pay: z
      .object({ min: z.number().nullable(), max: z.number().nullable(), period: z.enum(['hour', 'year']) })
      .nullable(),
    certWindowDays: z.number().nullable(),
    title: z.string().nullable(),
    location: z.string().nullable(),
    specialties: z.array(z.string()),
  })
  .openapi('Attributes');

export const AnalysisSchema = z
  .object({
    lexiconVersion: z.string(),
    concepts: z.array(FoundConceptSchema),
    attributes: AttributesSchema,
    text: z.string().openapi({ description: 'The normalised text evidence offsets point into' }),
  })
  .openapi('Analysis');
