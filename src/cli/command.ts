import type { Readable, Writable } from 'node:stream';

/** What a command talks to; tests pass their own streams. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  usage: string;
  /** Returns the exit code: 0 ok, 1 failure, 2 bad input or usage. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A failure the user caused (bad flag, unreadable file): printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
