/** A lexicon file or entry that cannot be used; the message names the file and the entry. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  constructor(
    message: string,
    readonly file?: string,
    readonly entry?: string,
  ) {
    super([file, entry && `entry ${entry}`, message].filter(Boolean).join(': '));
  }
}
