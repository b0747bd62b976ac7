// Checks a profile JSON against the schema and the lexicon: every concept, credential and specialty id
// must be a concept the lexicon knows (unknown ids are listed so the API can answer 422 naming them).
import type { LexiconLike } from '../gap/lexicon-like.js';
import { type Profile, profileSchema } from './schema.js';

export interface ProfileIssue {
  /** Where in the profile JSON: ["concepts", "clinical.foo"], ["credentials", 0, "id"]. */
  path: Array<string | number>;
  message: string;
}

export type ProfileValidation =
  | { ok: true; profile: Profile }
  | {
      ok: false;
      /** Concept ids the lexicon does not know, sorted. */
      unknownIds: string[];
      issues: ProfileIssue[];
    };

export function validateProfile(json: unknown, lexicon: LexiconLike): ProfileValidation {
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      unknownIds: [],
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      })),
    };
  }
  const profile = parsed.data;
  const unknown = new Set<string>();
  const issues: ProfileIssue[] = [];
  const check = (id: string, path: ProfileIssue['path'], category?: string): void => {
    const concept = lexicon.conceptById.get(id);
    if (!concept) {
      unknown.add(id);
      issues.push({ path, message: `unknown concept id "${id}"` });
    } else if (category && concept.category !== category) {
      issues.push({ path, message: `"${id}" is not a ${category}.* concept` });
    }
  };
  for (const id of Object.keys(profile.concepts)) check(id, ['concepts', id]);
  profile.credentials.forEach((c, i) => {
    check(c.id, ['credentials', i, 'id'], 'cert');
    if (c.earned && c.expires && c.expires < c.earned) {
      issues.push({ path: ['credentials', i, 'expires'], message: 'is before earned' });
    }
  });
  profile.specialties.forEach((id, i) => {
    check(id, ['specialties', i], 'specialty');
  });
  if (issues.length > 0) return { ok: false, unknownIds: [...unknown].sort(), issues };
  return { ok: true, profile: normalizeProfile(profile) };
}

/** Issues as lines ("credentials.0.id: unknown concept id "cert.foo""), for the CLI. */
export function formatProfileIssues(issues: readonly ProfileIssue[]): string[] {
  return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Sorts keys and lists so the same profile always serialises the same way. */
export function normalizeProfile(profile: Profile): Profile {
  const concepts: Profile['concepts'] = {};
  for (const id of Object.keys(profile.concepts).sort()) concepts[id] = profile.concepts[id]!;
  const credentials = [...profile.credentials]
    .map((c) => ({
      id: c.id,
      ...(c.earned != null ? { earned: c.earned } : {}),
      ...(c.expires != null ? { expires: c.expires } : {}),
      ...(c.state != null ? { state: c.state } : {}),
    }))
    .sort(
      (a, b) =>
        cmp(a.id, b.id) ||
        cmp(a.earned ?? '', b.earned ?? '') ||
        cmp(a.expires ?? '', b.expires ?? '') ||
        cmp(a.state ?? '', b.state ?? ''),
    );
  return {
    ...(profile.name != null ? { name: profile.name } : {}),
    concepts,
    credentials,
    experienceYears: profile.experienceYears,
    state: profile.state ?? null,
    specialties: [...new Set(profile.specialties)].sort(),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
