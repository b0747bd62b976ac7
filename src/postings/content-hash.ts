import { createHash } from 'node:crypto';

export type RawFormat = 'text' | 'html';

/**
 * The dedup key: sha256 of the format and the raw content (trimmed, line endings unified). Hashing the
 * input rather than the engine's normalised text keeps the key stable when the engine changes.
 */
export function hashContent(format: RawFormat, raw: string): string {
  const canonical = raw.replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(format).update('\0').update(canonical).digest('hex');
}
