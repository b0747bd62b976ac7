// The profile JSON: what a job seeker holds. The API and the CLI read and write exactly this shape, so
// other tools can produce it. Documented in the README, "Job seekers".
import { z } from 'zod';

export const HOLDINGS = ['has', 'learning'] as const;
export type Holding = (typeof HOLDINGS)[number];

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real date');

/** Today (UTC) as YYYY-MM-DD: the date credentials' expiry is judged on unless one is given. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A US state (or DC / territory) as its two-letter postal code. */
export const stateCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter state code')
  .transform((s) => s.toUpperCase());

export const credentialSchema = z
  .object({
    /** A `cert.*` concept id. */
    id: z.string().min(1),
    earned: isoDate.nullish(),
    /** The credential counts as missing after this day. */
    expires: isoDate.nullish(),
    /** For state credentials (cert.state-ma, cert.limited-xray): the state that issued it; defaults to the profile's state. */
    state: stateCode.nullish(),
  })
  .strict();
export type Credential = z.infer<typeof credentialSchema>;

export const profileSchema = z
  .object({
    name: z.string().max(200).nullish(),
    /** Concept id → `has` (can do it / has done it) or `learning` (working on it; not yet met). */
    concepts: z.record(z.string().min(1), z.enum(HOLDINGS)).default({}),
    credentials: z.array(credentialSchema).default([]),
    experienceYears: z.number().min(0).max(80).default(0),
    /** Where the seeker works or wants to: the state their state credentials are for by default. */
    state: stateCode.nullish(),
    /** Specialty concept ids the seeker is aiming for. */
    specialties: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** A profile after validation: defaults filled in. */
export type Profile = z.infer<typeof profileSchema>;
/** What may be written: every field but the defaults optional. */
export type ProfileInput = z.input<typeof profileSchema>;
