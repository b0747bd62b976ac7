// The lexicon's source format (lexicon/*.yaml), validated with zod when the lexicon is loaded or built.
// The alias mini-language is documented in lexicon/README.md.
import { z } from 'zod';

import { CUE_KINDS, SECTION_KINDS } from './constants.js';

const conceptId = z
  .string()
  .regex(
    /^(admin|clinical|specialty|cert|edu|ehr|soft)\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be <category>.<kebab-slug>',
  );

const phraseList = z.array(z.string().min(1)).min(1);

/** One way of saying a concept. A bare string is shorthand for `{ text }`. */
export const aliasObjectSchema = z
  .object({
    text: z.string().min(1),
    /** Further concepts this same wording also states ("injectable medications" → injections too). */
    also: z.array(conceptId).optional(),
    /** Counts only when one of these phrases occurs in the same scope. */
    near: phraseList.optional(),
    /** Never counts when one of these phrases occurs in the same scope. */
    notNear: phraseList.optional(),
    /** Scope for near/notNear: the clause (default), or the block of lines around it. */
    scope: z.enum(['clause', 'block']).optional(),
    /** Never counts right after / right before one of these words. */
    notAfter: phraseList.optional(),
    notBefore: phraseList.optional(),
    /**
     * Names a field rather than stating that the job is in it ("dermatology" in a list of examples):
     * counts only in the title, when asked as required/preferred, written capitalised (a department's
     * name) or followed by a setting word (clinic, practice, office…). Used for specialties.
     */
    weak: z.boolean().optional(),
    /** Curation note: why this alias exists or what it must not match. Not used by the engine. */
    note: z.string().optional(),
  })
  .strict();

export const aliasSchema = z.union([z.string().min(1), aliasObjectSchema]);
export type AliasSource = z.infer<typeof aliasSchema>;

export const trainingSchema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(['credential', 'course', 'program', 'self-study', 'on-the-job']),
    /** Who awards or runs it ("NHA", "AHA or American Red Cross", "community colleges"). */
    provider: z.string().min(1),
    length: z
      .object({
        min: z.number().positive(),
        max: z.number().positive(),
        unit: z.enum(['hours', 'days', 'weeks', 'months']),
      })
      .strict()
      .refine((l) => l.max >= l.min, 'length.max must be ≥ length.min'),
    /** Other concepts the same training also covers. */
    covers: z.array(conceptId).optional(),
    note: z.string().optional(),
  })
  .strict();
export type TrainingSource = z.infer<typeof trainingSchema>;

export const conceptSchema = z
  .object({
    id: conceptId,
    label: z.string().min(1),
    description: z.string().min(1),
    aliases: z.array(aliasSchema).min(1),
    /** A generic concept dropped when one of these more specific ones is present (cert.ma-any). */
    subsumedBy: z.array(conceptId).optional(),
    /**
     * The credential of another job (RN, LPN, CNA): counts only where the posting asks it of the
     * candidate (required/preferred), never from a title like "MA/LPN/RN" or a description.
     */
    otherRole: z.boolean().optional(),
    training: z.array(trainingSchema).min(1),
    note: z.string().optional(),
  })
  .strict();
export type ConceptSource = z.infer<typeof conceptSchema>;

export const conceptFileSchema = z.object({ concepts: z.array(conceptSchema).min(1) }).strict();

/** lexicon/cues.yaml: the words that set a mention's level, or cancel it. */
export const cuesFileSchema = z
  .object({
    /** Each cue kind has phrases that govern what follows them (pre) and what precedes them (post). */
    cues: z.record(
      z.enum(CUE_KINDS),
      z.object({ pre: z.array(z.string()).default([]), post: z.array(z.string()).default([]) }).strict(),
    ),
  })
  .strict();

/** lexicon/sections.yaml: heading phrases that open a section of a posting. */

export const sectionsFileSchema = z
  .object({
    headings: z.record(z.enum(SECTION_KINDS), z.array(z.string().min(1)).min(1)),
    /** Nouns that, right after a weak specialty word, make it a setting ("dermatology clinic"). */
    settingWords: z.array(z.string().min(1)).min(1),
    /**
     * Names written as one word with an inner capital ("UnitedHealth"): the glued-line repair never
     * splits them. Names in aliases are protected already.
     */
    joinedNames: z
      .array(z.string().regex(/^\p{L}*\p{Ll}\p{Lu}\p{L}*$/u, 'one word of letters with an inner capital'))
      .default([]),
    /**
     * Shorthand of informal ads, word for word ("pts" → "patients", "hx" → "history"): a token
     * written so is matched as the full word. Keys are lowercase as the engine normalises words
     * (apostrophes dropped: "req'd" is "reqd").
     */
    shorthand: z
      .record(
        z.string().regex(/^[a-z0-9]+$/, 'a lowercase word'),
        z.string().regex(/^[a-z]+$/, 'one lowercase word'),
      )
      .default({}),
  })
  .strict();

export const metaFileSchema = z.object({ version: z.string().min(1), name: z.string().min(1) }).strict();
