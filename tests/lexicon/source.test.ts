import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlias } from '../../src/lexicon/parse-alias.js';
import { readLexiconSource } from '../../src/lexicon/read-source.js';

const lexiconDir = join(import.meta.dirname, '../../lexicon');
const taxonomyPath = join(import.meta.dirname, '../../../shared/spec/taxonomy.md');

describe('lexicon source', () => {
  const source = readLexiconSource(lexiconDir);

  it('validates and every alias parses', () => {
    for (const concept of source.concepts) {
      for (const alias of concept.aliases) {
        const text = typeof alias === 'string' ? alias : alias.text;
        expect(() => parseAlias(text, concept.id), `${concept.id}: ${text}`).not.toThrow();
      }
    }
  });

  it.skipIf(!existsSync(taxonomyPath))('holds every taxonomy concept id', () => {
    const taxonomy = readFileSync(taxonomyPath, 'utf8');
    const ids = new Set(
      taxonomy.match(/\b(?:admin|clinical|specialty|cert|edu|ehr|soft)\.[a-z0-9-]+[a-z0-9]/g),
    );
    const have = new Set(source.concepts.map((c) => c.id));
    expect([...ids].filter((id) => !have.has(id))).toEqual([]);
  });
});
