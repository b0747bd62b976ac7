import { z } from '@hono/zod-openapi';
import { CATEGORIES } from '../../lexicon/index.js';

export const TrainingSchema = z
  .object({
    title: z.string(),
    kind: z.enum(['credential', 'course', 'program', 'self-study', 'on-the-job']),
    provider: z.string(),
    length: z.object({
      min: z.number(),
      max: z.number(),
      unit: z.enum(['hours', 'days', 'weeks', 'months']),
    }),
    covers: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .openapi('Training');

export const ConceptSchema = z
  .object({
    id: z.string().openapi({ example: 'cert.ccma' }),
    category: z.enum(CATEGORIES),
    label: z.string(),
    description: z.string(),
    subsumedBy: z.array(z.string()).optional(),
    training: z.array(TrainingSchema),
  })
  .openapi('Concept');

export const LexiconSchema = z
  .object({ name: z.string(), version: z.string(), concepts: z.array(ConceptSchema) })
  .openapi('Lexicon');
