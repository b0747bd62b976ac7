// Reads and validates the lexicon's YAML source files. Nothing here is on the analysis hot path:
// the engine loads the compiled lexicon (see build.ts); this runs at build time and in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LexiconError } from './errors.js';
import {
  type ConceptSource,
  conceptFileSchema,
  conceptSchema,
  cuesFileSchema,
  metaFileSchema,
  sectionsFileSchema,
} from './schema.js';

export interface LexiconSource {
  dir: string;
  version: string;
  name: string;
  concepts: Array<ConceptSource & { file: string }>;
  cues: z.infer<typeof cuesFileSchema>['cues'];
  sections: z.infer<typeof sectionsFileSchema>;
}

function readYaml(path: string, shownAs: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LexiconError(`cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, shownAs);
  }
  try {
    return parseYaml(text);
  } catch (err) {
    throw new LexiconError(`not valid YAML: ${(err as Error).message.split('\n')[0]}`, shownAs);
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function validate<T>(schema: z.ZodType<T>, value: unknown, file: string, entry?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new LexiconError(formatIssues(result.error), file, entry);
  return result.data;
}

/** Reads every source file of a lexicon directory; throws LexiconError naming the broken file/entry. */
export function readLexiconSource(dir: string): LexiconSource {
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const metaPath = join(dir, 'lexicon.yaml');
  const meta = validate(metaFileSchema, readYaml(metaPath, shown(metaPath)), shown(metaPath));
  const cuesPath = join(dir, 'cues.yaml');
  const cues = validate(cuesFileSchema, readYaml(cuesPath, shown(cuesPath)), shown(cuesPath)).cues;
  const sectionsPath = join(dir, 'sections.yaml');
  const sections = validate(
    sectionsFileSchema,
    readYaml(sectionsPath, shown(sectionsPath)),
    shown(sectionsPath),
  );

  const conceptDir = join(dir, 'concepts');
  const concepts: LexiconSource['concepts'] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(conceptDir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const path = join(conceptDir, name);
    const file = shown(path);
    const raw = readYaml(path, file) as { concepts?: unknown[] } | null;
    // Validate entry by entry first so the error names the concept, then the file as a whole.
    for (const [i, entry] of (Array.isArray(raw?.concepts) ? raw.concepts : []).entries()) {
      const label = (entry as { id?: unknown })?.id;
      validate(conceptSchema, entry, file, typeof label === 'string' ? label : `#${i + 1}`);
    }
    const parsed = validate(conceptFileSchema, raw, file);
    const category = basename(name, '.yaml');
    for (const concept of parsed.concepts) {
      if (!concept.id.startsWith(`${category}.`)) {
        throw new LexiconError(`id must start with "${category}." in ${name}`, file, concept.id);
      }
      const other = seen.get(concept.id);
      if (other) throw new LexiconError(`duplicate id (also in ${other})`, file, concept.id);
      seen.set(concept.id, file);
      concepts.push({ ...concept, file });
    }
  }
  const ids = new Set(seen.keys());
  for (const c of concepts) {
    const refs = [
      ...(c.subsumedBy ?? []),
      ...c.aliases.flatMap((a) => (typeof a === 'string' ? [] : (a.also ?? []))),
      ...c.training.flatMap((t) => t.covers ?? []),
    ];
    for (const ref of refs) {
      if (!ids.has(ref)) throw new LexiconError(`refers to unknown concept ${ref}`, c.file, c.id);
    }
  }
  return { dir, version: meta.version, name: meta.name, concepts, cues, sections };
}
