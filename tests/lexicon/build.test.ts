import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildLexicon } from '../../src/lexicon/build.js';
import { createLexicon, DEFAULT_LEXICON_DIR, LexiconError } from '../../src/lexicon/index.js';

type ConceptFile = { concepts: Array<Record<string, unknown> & { id: string; aliases: unknown[] }> };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ma-gap-lexicon-'));
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Edits one concept of a concept file in the temporary copy. */
function editConcept(file: string, id: string, edit: (c: ConceptFile['concepts'][number]) => void): void {
  const path = join(dir, 'concepts', file);
  const doc = parse(readFileSync(path, 'utf8')) as ConceptFile;
  const concept = doc.concepts.find((c) => c.id === id);
  if (!concept) throw new Error(`no ${id} in ${file}`);
  edit(concept);
  writeFileSync(path, stringify(doc));
}

function buildError(): LexiconError {
  try {
    buildLexicon(dir);
  } catch (err) {
    if (err instanceof LexiconError) return err;
    throw err;
  }
  throw new Error('buildLexicon did not throw');
}

// Compiling the whole lexicon loads compromise and runs it over every alias: give it time on a busy machine.
describe('buildLexicon', { timeout: 90_000 }, () => {
  it('compiles an intact copy of the lexicon', () => {
    const compiled = buildLexicon(dir);
    expect(compiled.concepts.map((c) => c.id)).toContain('clinical.ekg');
    const lexicon = createLexicon(compiled);
    expect(lexicon.conceptById.get('cert.ccma')?.category).toBe('cert');
  });

  it.each<[string, string, string, (c: ConceptFile['concepts'][number]) => void, RegExp]>([
    [
      'a concept without training',
      'clinical.yaml',
      'clinical.ekg',
      (c) => {
        delete c.training;
      },
      /training/,
    ],
    [
      'an alias with an unclosed bracket',
      'clinical.yaml',
      'clinical.phlebotomy',
      (c) => {
        c.aliases.push('(unclosed draw');
      },
      /unclosed/,
    ],
    [
      'an alias that ends with a skip',
      'admin.yaml',
      'admin.scheduling',
      (c) => {
        c.aliases.push('schedule *');
      },
      /must start and end with a word/,
    ],
    [
      'an unknown field',
      'soft.yaml',
      'soft.teamwork',
      (c) => {
        c.colour = 'blue';
      },
      /colour|unrecognized|Unrecognized/,
    ],
    [
      'a case-sensitive word written with dots',
      'edu.yaml',
      'edu.high-school',
      (c) => {
        c.aliases.push('=G.E.D.');
      },
      /without dots/,
    ],
    [
      'a case-sensitive word without a capital',
      'soft.yaml',
      'soft.empathy',
      (c) => {
        c.aliases.push('=caring and patient');
      },
      /never match/,
    ],
    [
      'an also that names no concept',
      'cert.yaml',
      'cert.bls',
      (c) => {
        c.aliases.push({ text: 'heartsaver', also: ['clinical.no-such-thing'] });
      },
      /unknown concept clinical\.no-such-thing/,
    ],
  ])('fails fast on %s, naming the file and the entry', (_what, file, id, edit, why) => {
    editConcept(file, id, edit);
    const err = buildError();
    expect(err.name).toBe('LexiconError');
    expect(err.message).toContain(file);
    expect(err.message).toContain(id);
    expect(err.message).toMatch(why);
  });

  it('names a concept id that is in the wrong file', () => {
    editConcept('ehr.yaml', 'ehr.epic', (c) => {
      c.id = 'admin.epic-in-ehr';
    });
    const err = buildError();
    expect(err.message).toContain('ehr.yaml');
    expect(err.message).toContain('admin.epic-in-ehr');
  });

  it('names a duplicate id', () => {
    editConcept('ehr.yaml', 'ehr.cerner', (c) => {
      c.id = 'ehr.epic';
    });
    expect(buildError().message).toMatch(/ehr\.yaml.*ehr\.epic.*duplicate/);
  });

  it('names a YAML file that does not parse', () => {
    writeFileSync(join(dir, 'cues.yaml'), 'cues: [unclosed\n  - : :');
    expect(buildError().message).toMatch(/cues\.yaml.*not valid YAML/);
  });

  // From src/ under vitest, loadLexicon cannot require the compiler (./build.js is TypeScript here):
  // this runs the built copy in dist/, as the CLI does.
  const distIndex = join(import.meta.dirname, '../../dist/lexicon/index.js');
  it.skipIf(!existsSync(distIndex))('fails the same way through the built loadLexicon', async () => {
    editConcept('clinical.yaml', 'clinical.ekg', (c) => {
      delete c.training;
    });
    const built = (await import(
      pathToFileURL(distIndex).href
    )) as typeof import('../../src/lexicon/index.js');
    expect(() => built.loadLexicon({ dir, compiledPath: join(dir, 'none.json') })).toThrow(
      /clinical\.yaml.*clinical\.ekg/,
    );
  });
});
