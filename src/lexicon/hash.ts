import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A digest of every source file, so a stale compiled lexicon is noticed. */
export function hashLexiconSource(dir: string): string {
  const hash = createHash('sha256');
  const files = ['lexicon.yaml', 'cues.yaml', 'sections.yaml'].map((f) => join(dir, f));
  const conceptDir = join(dir, 'concepts');
  for (const f of readdirSync(conceptDir).sort()) if (f.endsWith('.yaml')) files.push(join(conceptDir, f));
  for (const f of files) {
    hash.update(f.slice(dir.length));
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}
