import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Analysis } from '../../src/extract/index.js';
import { type CapturedIO, captureIO as captureFixtureIO } from '../fixtures/cli-io.js';
import { FAMILY_PRACTICE, FAMILY_PRACTICE_HTML } from '../fixtures/extract-postings.js';

const root = join(import.meta.dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ma-gap-analyze-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function captureIO(stdinText?: string | Buffer): CapturedIO {
  return captureFixtureIO(dir, stdinText);
}

async function run(args: string[], stdinText?: string | Buffer) {
  const io = captureIO(stdinText);
  const code = await runCli(['analyze', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('ma-gap analyze', () => {
  it('prints a summary grouped by category', async () => {
    writeFileSync(join(dir, 'posting.txt'), FAMILY_PRACTICE);
    const { code, out, err } = await run(['posting.txt']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Medical Assistant - Family Practice — Spokane, WA');
    expect(lines[1]).toBe('full-time · 1+ yr experience · $19.00–$23.50/hour');
    expect(lines[2]).toMatch(/^lexicon \S+$/);
    // Category headers in taxonomy order, each followed by its concepts.
    const headers = lines.filter((l) => /^[a-z]+$/.test(l));
    expect(headers).toEqual(['admin', 'clinical', 'specialty', 'cert', 'edu', 'ehr', 'soft']);
    const certAt = lines.indexOf('cert');
    expect(lines.slice(certAt + 1, lines.indexOf('edu'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ {2}required +cert\.ccma +\S.*"CCMA"$/)]),
    );
    expect(out).toMatch(/ {2}preferred +soft\.bilingual /);
    expect(out).toMatch(/ {2}duty +clinical\.phlebotomy /);
  });

  it('says so when nothing is found', async () => {
    const { code, out } = await run(['-'], 'Office hours are nine to five.\n');
    expect(code).toBe(0);
    expect(out).toContain('No duties, skills or credentials found.');
  });

  it('prints the analysis as JSON with --json, reading stdin', async () => {
    const { code, out } = await run(['-', '--json'], FAMILY_PRACTICE);
    expect(code).toBe(0);
    const analysis = JSON.parse(out) as Analysis;
    expect(analysis.attributes.title).toBe('Medical Assistant - Family Practice');
    const ccma = analysis.concepts.find((c) => c.id === 'cert.ccma');
    expect(ccma?.level).toBe('required');
    for (const c of analysis.concepts)
      for (const e of c.evidence) expect(analysis.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('reads an .html file as HTML, or any file with --html', async () => {
    writeFileSync(join(dir, 'page.html'), FAMILY_PRACTICE_HTML);
    writeFileSync(join(dir, 'page.dat'), `\n${FAMILY_PRACTICE_HTML.replace('<!doctype html>', '')}`);
    for (const args of [['page.html'], ['page.dat', '--html']]) {
      const { code, out } = await run([...args, '--json']);
      expect(code).toBe(0);
      const analysis = JSON.parse(out) as Analysis;
      expect(analysis.text).not.toContain('<li>');
      expect(analysis.text).not.toContain('JobPosting');
      expect(analysis.concepts.map((c) => c.id)).toContain('cert.ccma');
    }
  });

  it('streams {id, …analysis} per JSON line and reports a bad line by its number (exit 1)', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Medical Assistant\n\nCCMA required' }),
      '{not json',
      '',
      JSON.stringify({ id: 'c', html: '<h1>MA</h1><ul><li>BLS certification required</li></ul>' }),
      JSON.stringify({ id: 'd' }),
      JSON.stringify({ id: 'e', text: '   ' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 'f', text: 'Medical Assistant\n\nDraw blood' }),
    ];
    writeFileSync(join(dir, 'in.jsonl'), `${lines.join('\n')}\n`);
    const { code, out, err } = await run(['--jsonl', 'in.jsonl']);
    expect(code).toBe(1);
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Analysis & { id: string });
    expect(records.map((r) => r.id)).toEqual(['a', 'c', 'f']);
    expect(records[0]!.concepts.map((c) => c.id)).toContain('cert.ccma');
    expect(records[1]!.concepts.map((c) => c.id)).toContain('cert.bls');
    expect(records[2]!.concepts.map((c) => c.id)).toContain('clinical.phlebotomy');
    expect(records[0]).toHaveProperty('lexiconVersion');
    const errLines = err.trim().split('\n');
    expect(errLines).toHaveLength(4);
    expect(errLines[0]).toMatch(/^ma-gap analyze: line 2: not valid JSON$/);
    expect(errLines[1]).toMatch(/^ma-gap analyze: line 5: /);
    expect(errLines[2]).toMatch(/^ma-gap analyze: line 6: empty posting$/);
    expect(errLines[3]).toMatch(/^ma-gap analyze: line 7: /);
  });

  it('exits 0 when every JSON line is good, reading stdin', async () => {
    const input = `${JSON.stringify({ id: 1, text: 'Draw blood' })}\r\n${JSON.stringify({ text: 'Take vitals' })}\n`;
    const { code, out, err } = await run(['--jsonl', '-'], input);
    expect(code).toBe(0);
    expect(err).toBe('');
    const ids = out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: unknown }).id);
    expect(ids).toEqual([1, null]);
  });

  it.each([
    ['an empty file', 'empty.txt', '', /empty/],
    ['a whitespace-only file', 'blank.txt', ' \n\t\n', /empty/],
    ['binary junk', 'junk.bin', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 7, 8, 0, 0]), /binary/],
    ['a missing file', 'missing.txt', null, /cannot read missing\.txt: no such file/],
    ['an empty JSON-lines file', 'empty.jsonl', '', /empty/],
  ])('refuses %s with a one-line error and exit 2', async (_what, name, content, message) => {
    if (content !== null) writeFileSync(join(dir, name), content);
    const args = name.endsWith('.jsonl') ? ['--jsonl', name] : [name];
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^ma-gap analyze: /);
  });

  it('refuses empty stdin and a missing JSON-lines file with exit 2', async () => {
    expect((await run(['-'], '')).code).toBe(2);
    const missing = await run(['--jsonl', 'nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^ma-gap analyze: cannot read nope\.jsonl: no such file\n$/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.txt', '--frobnicate'])).code).toBe(2);
    expect((await run(['a.txt', 'b.txt'])).code).toBe(2);
    expect((await run(['a.txt', '--lexicon'])).code).toBe(2);
  });

  it.skipIf(!existsSync(join(root, 'dist/cli/main.js')))('runs as a process from bin/ma-gap.js', () => {
    writeFileSync(join(dir, 'posting.txt'), FAMILY_PRACTICE);
    writeFileSync(join(dir, 'junk.bin'), Buffer.from([0, 0, 0, 1, 2, 3]));
    const bin = join(root, 'bin/ma-gap.js');
    const ok = spawnSync(process.execPath, [bin, 'analyze', 'posting.txt', '--json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Analysis).concepts.length).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, [bin, 'analyze', 'junk.bin'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
