import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { reanalyzeCommand } from '../../src/cli/commands/reanalyze.js';
import { closeDatabase, getPosting, insertPosting, openDatabase } from '../../src/db/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { POSTING_CCMA } from '../fixtures/api-postings.js';
import { fakePrepared } from '../fixtures/prepared-postings.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ma-gap-reanalyze-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function captureIO(): CliIO & { out: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => {
    text += chunk;
  });
  return { stdin: new PassThrough(), stdout, stderr: new PassThrough(), cwd: dir, env: {}, out: () => text };
}

describe('ma-gap reanalyze', () => {
  it('re-analyses postings stored with another lexicon version, once', async () => {
    const file = join(dir, 'test.db');
    const db = openDatabase(file);
    // Stored by an "older lexicon" (the fake analysis says test-1) with no concepts.
    const { posting } = insertPosting(db, fakePrepared(POSTING_CCMA, [], { title: null }));
    closeDatabase(db);

    const dry = captureIO();
    expect(await reanalyzeCommand.run(['--db', file, '--dry-run'], dry)).toBe(0);
    expect(dry.out()).toMatch(/1 stale posting[\s\S]*test-1: 1[\s\S]*dry run/);

    const io = captureIO();
    expect(await reanalyzeCommand.run(['--db', file], io)).toBe(0);
    expect(io.out()).toMatch(/re-analysed 1 posting/);

    const after = openDatabase(file);
    const updated = getPosting(after, posting.id);
    closeDatabase(after);
    expect(updated?.lexiconVersion).toBe(loadLexicon().version);
    expect(updated?.analysis.concepts.map((c) => c.id)).toContain('cert.ccma');

    const again = captureIO();
    await reanalyzeCommand.run(['--db', file], again);
    expect(again.out()).toMatch(/0 stale posting[\s\S]*re-analysed 0/);
  }, 180_000);

  it('rejects unknown flags', async () => {
    await expect(reanalyzeCommand.run(['--nope'], captureIO())).rejects.toThrow(/unknown argument/);
  });
});
