import { z } from '@hono/zod-openapi';
import { LEVELS } from '../../lexicon/index.js';
import { profileSchema } from '../../profile/schema.js';
import { EvidenceSchema } from './analysis.js';
import { TrainingSchema } from './lexicon.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');

// Rebuilt here: zod schemas made before @hono/zod-openapi loads have no .openapi().
export const ProfileJsonSchema = z
  .object(profileSchema.shape)
  .strict()
  .openapi('ProfileJson', {
    description:
      'A job seeker profile: the JSON the API and the CLI read and write (the README, "Job seekers")',
    example: {
      concepts: { 'clinical.phlebotomy': 'has', 'clinical.ekg': 'learning' },
      credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2025-05-01' }],
      experienceYears: 1.5,
      state: 'WA',
      specialties: ['specialty.pediatrics'],
    },
  });

export const StoredProfileSchema = z
  .object({
    id: z.string().openapi({ example: '0b6f4c1e-8a8e-4f6b-9d43-3c1f0e2b7a55' }),
    name: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    profile: ProfileJsonSchema,
  })
  .openapi('Profile');

export const ProfileListSchema = z
  .object({ items: z.array(StoredProfileSchema), nextCursor: z.string().nullable() })
  .openapi('ProfileList');

export const ProfileQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ProfileIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ResumeRequestSchema = z
  .object({
    text: z.string().min(1, 'must not be empty').max(100_000).openapi({
      example: 'Performed venipuncture and EKGs in a family practice; CCMA (NHA) 2023',
    }),
    /** Store the profile read (201) rather than only return it (200). */
    save: z.boolean().default(false),
    name: z.string().max(200).optional(),
    today: isoDate
      .optional()
      .openapi({ description: 'What "Present" means in job date ranges (default: today)' }),
  })
  .openapi('ResumeRequest');

/** `profileId` or an inline `profile`, exactly one. */
const profileRef = {
  profileId: z.string().min(1).optional(),
  profile: z.unknown().optional().openapi({ description: 'An inline ProfileJson' }),
};

function exactlyOneProfile(
  value: { profileId?: string | undefined; profile?: unknown },
  ctx: z.RefinementCtx,
) {
  if ((value.profileId === undefined) === (value.profile === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['profileId'],
      message: 'send exactly one of profileId or profile',
    });
  }
}

export const GapRequestSchema = z
  .object({
    ...profileRef,
    postingId: z.string().min(1).optional(),
    text: z.string().min(1, 'must not be empty').optional(),
    html: z.string().min(1, 'must not be empty').optional(),
    today: isoDate
      .optional()
      .openapi({ description: 'Credentials expired before it count as missing (default: today)' }),
  })
  .superRefine(exactlyOneProfile)
  .superRefine((value, ctx) => {
    const given = [value.postingId, value.text, value.html].filter((v) => v !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['postingId'],
        message: 'send exactly one of postingId, text or html',
      });
  })
  .openapi('GapRequest');

export const MAX_PLAN_POSTINGS = 1000;

export const PlanRequestSchema = z
  .object({
    ...profileRef,
    postingIds: z.array(z.string().min(1)).min(1).max(MAX_PLAN_POSTINGS).optional(),
    filter: z
      .object({
        concept: z.string().optional(),
        level: z.enum(LEVELS).optional(),
        specialty: z.string().optional(),
        state: z
          .string()
          .regex(/^[A-Za-z]{2}$/)
          .transform((s) => s.toUpperCase())
          .optional(),
        postedFrom: isoDate.optional(),
        postedTo: isoDate.optional(),
      })
      .optional()
      .openapi({
        description: 'Stored postings to plan over; with neither postingIds nor filter, all of them',
      }),
    rankBy: z.enum(['unlocks', 'score']).default('unlocks'),
    limit: z.number().int().min(1).max(200).optional(),
    today: isoDate.optional(),
  })
  .superRefine(exactlyOneProfile)
  .superRefine((value, ctx) => {
    if (value.postingIds && value.filter)
      ctx.addIssue({ code: 'custom', path: ['filter'], message: 'send postingIds or filter, not both' });
  })
  .openapi('PlanRequest');

const MissingItemSchema = z.object({
  id: z.string(),
  level: z.enum(LEVELS),
  impact: z.number().openapi({ description: 'Score points meeting it would add' }),
  training: z.array(TrainingSchema),
  anyOf: z.array(z.string()).optional(),
  learning: z.literal(true).optional(),
  windowDays: z.number().int().optional(),
  note: z.string().optional(),
});

export const GapReportSchema = z
  .object({
    scoringVersion: z.string(),
    lexiconVersion: z.string(),
    score: z.number().int().min(0).max(100),
    breakdown: z.record(
      z.string(),
      z.object({ score: z.number().int(), met: z.number().int(), total: z.number().int() }),
    ),
    knockouts: z.array(
      z.object({ id: z.string(), reason: z.string(), anyOf: z.array(z.string()).optional() }),
    ),
    met: z.array(
      z.object({
        id: z.string(),
        level: z.enum(LEVELS),
        evidence: z.array(EvidenceSchema),
        satisfiedBy: z.string().optional(),
      }),
    ),
    missing: z.array(MissingItemSchema),
  })
  .openapi('GapReport');

export const TrainingPlanSchema = z
  .object({
    scoringVersion: z.string(),
    lexiconVersion: z.string(),
    rankBy: z.enum(['unlocks', 'score']),
    postings: z.number().int(),
    current: z.object({
      averageScore: z.number(),
      knockedOut: z.number().int(),
      experienceShort: z.number().int(),
    }),
    steps: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        category: z.string(),
        meets: z.number().int(),
        requiredIn: z.number().int(),
        clearsKnockouts: z.number().int(),
        unlocks: z.number().int(),
        scoreGain: z.number(),
        averageScoreGain: z.number(),
        summary: z
          .string()
          .openapi({ example: 'Earning CCMA (NHA) meets the credential requirement of 14 of 20 postings' }),
        training: z.array(TrainingSchema),
        postingIds: z.array(z.string()),
      }),
    ),
  })
  .openapi('TrainingPlan');
