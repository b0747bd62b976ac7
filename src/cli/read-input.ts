// Reading what the user gave the CLI: a file or stdin, refusing empty or binary input clearly.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { CliUsageError } from './command.js';

export async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Whether bytes look like a binary file rather than text (NUL bytes, many control characters). */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

/** Reads a file path (or "-" for stdin) as UTF-8 text; throws CliUsageError with a one-line reason. */
export async function readTextInput(path: string, stdin: Readable, cwd: string): Promise<string> {
  let bytes: Buffer;
  if (path === '-') {
    bytes = await readStream(stdin);
  } else {
    try {
      bytes = await readFile(resolve(cwd, path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory'
            : code === 'EACCES'
              ? 'permission denied'
              : (code ?? 'unreadable');
      throw new CliUsageError(`cannot read ${path}: ${why}`);
    }
  }
  const text = bytes.toString('utf8');
  if (looksBinary(text))
    throw new CliUsageError(`${path === '-' ? 'stdin' : path} looks like binary data, not a posting`);
  if (text.trim() === '') throw new CliUsageError(`${path === '-' ? 'stdin' : path} is empty`);
  return text;
}

/** HTML when the file says so or the content is markup. */
export function isHtml(path: string, text: string): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  return /^\s*(?:<!doctype html|<html|<body|<div|<p[\s>]|<h1|<ul|<section|<article)/i.test(text);
}
