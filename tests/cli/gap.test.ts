import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { type CapturedIO, captureIO as captureFixtureIO } from '../fixtures/cli-io.js';
import { RESUME_SHORT } from '../fixtures/resumes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ma-gap-gap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function captureIO(stdinText?: string): CapturedIO {
  return captureFixtureIO(dir, stdinText);
}

// Invented postings (never corpus text).
const POSTING = `Medical Assistant
Location: Tacoma, WA 98402
Requirements:
- CCMA required
- Current BLS certification required
Responsibilities:
- Perform venipuncture and EKGs
- Take vital signs`;

const PROFILE = {
  concepts: { 'clinical.phlebotomy': 'has', 'clinical.ekg': 'learning' },
  credentials: [{ id: 'cert.ccma', earned: '2023-05-01', expires: '2027-05-01' }],
  experienceYears: 1.5,
  state: 'WA',
};

function files() {
  writeFileSync(join(dir, 'me.json'), JSON.stringify(PROFILE));
  writeFileSync(join(dir, 'posting.txt'), POSTING);
  writeFileSync(
    join(dir, 'postings.jsonl'),
    `${[
      { id: 'a', text: POSTING },
      { id: 'b', html: '<h1>MA</h1><ul><li>BLS certification required</li><li>Give injections</li></ul>' },
    ]
      .map((p) => JSON.stringify(p))
      .join('\n')}\n`,
  );
}

describe('ma-gap gap', () => {
  it('prints a readable report: score, knockouts, missing with training, met', async () => {
    files();
    const io = captureIO();
    expect(await runCli(['gap', '--profile', 'me.json', 'posting.txt', '--today', '2026-01-15'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^Score \d+\/100/);
    expect(out).toMatch(/Knockouts:\n {2}✗ cert\.bls: requires/);
    expect(out).toMatch(/Missing, by impact:[\s\S]*cert\.bls[\s\S]*→ /);
    expect(out).toMatch(/clinical\.ekg \(.*learning/);
    expect(out).toMatch(/Met:[\s\S]*✓ cert\.ccma required/);
  });

  it('prints the JSON report, the same every run, reading the posting from stdin', async () => {
    files();
    const run = async () => {
      const io = captureIO(POSTING);
      expect(await runCli(['gap', '--profile', 'me.json', '-', '--json', '--today', '2026-01-15'], io)).toBe(
        0,
      );
      return io.out();
    };
    const first = await run();
    expect(JSON.parse(first)).toMatchObject({
      scoringVersion: expect.any(String),
      knockouts: [{ id: 'cert.bls' }],
    });
    expect(await run()).toBe(first);
  });

  it('refuses a profile with unknown ids, naming them (exit 2)', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ concepts: { 'clinical.nope': 'has' } }));
    writeFileSync(join(dir, 'posting.txt'), POSTING);
    const io = captureIO();
    expect(await runCli(['gap', '--profile', 'bad.json', 'posting.txt'], io)).toBe(2);
    expect(io.err()).toContain('unknown concept ids clinical.nope');
  });

  it('needs --profile and one posting', async () => {
    expect(await runCli(['gap', 'posting.txt'], captureIO())).toBe(2);
    expect(await runCli(['gap', '--profile', 'me.json'], captureIO())).toBe(2);
  });
});

describe('ma-gap plan', () => {
  it('ranks steps over a JSONL file and posting files', async () => {
    files();
    const io = captureIO();
    const code = await runCli(
      ['plan', '--profile', 'me.json', 'postings.jsonl', 'posting.txt', '--today', '2026-01-15'],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^3 postings: average score [\d.]+, 3 with a knockout/);
    expect(io.out()).toMatch(/ 1\. Earning .*BLS.* meets the credential requirement of 3 of 3 postings/);
  });

  it('prints the plan JSON', async () => {
    files();
    const io = captureIO();
    expect(
      await runCli(
        [
          'plan',
          '--profile',
          'me.json',
          'postings.jsonl',
          '--json',
          '--rank',
          'score',
          '--today',
          '2026-01-15',
        ],
        io,
      ),
    ).toBe(0);
    const plan = JSON.parse(io.out());
    expect(plan).toMatchObject({ rankBy: 'score', postings: 2 });
    expect(plan.steps[0].postingIds).toEqual(['a', 'b']);
  });

  it('reads JSONL lines as analyze --jsonl does, and names the line that is bad', async () => {
    files();
    // The corpus form {"format":"html","text"} is HTML; a line without an id is named by its place.
    writeFileSync(
      join(dir, 'more.jsonl'),
      `${JSON.stringify({ format: 'html', text: '<ul><li>BLS certification required</li></ul>' })}\n`,
    );
    const io = captureIO();
    const args = ['plan', '--profile', 'me.json', 'more.jsonl', '--json', '--today', '2026-01-15'];
    expect(await runCli(args, io)).toBe(0);
    const plan = JSON.parse(io.out());
    expect(plan.steps[0].postingIds).toEqual(['more.jsonl:1']);
    expect(plan.steps[0].id).toBe('cert.bls');

    writeFileSync(join(dir, 'bad.jsonl'), `${JSON.stringify({ id: 'a', text: 'x', html: '<p>y</p>' })}\n`);
    const bad = captureIO();
    expect(await runCli(['plan', '--profile', 'me.json', 'bad.jsonl'], bad)).toBe(2);
    expect(bad.err()).toMatch(/bad\.jsonl: line 1: give "text" or "html", not both/);
  });
});

describe('ma-gap profile', () => {
  it('reads a resume into profile JSON', async () => {
    writeFileSync(join(dir, 'resume.txt'), RESUME_SHORT);
    const io = captureIO();
    expect(await runCli(['profile', 'from-resume', 'resume.txt', '--today', '2026-01-15'], io)).toBe(0);
    const profile = JSON.parse(io.out());
    expect(profile.credentials).toEqual([{ id: 'cert.ccma', earned: '2023-01-01' }]);
    expect(profile.concepts['clinical.phlebotomy']).toBe('has');
  });

  it('checks a profile', async () => {
    files();
    const ok = captureIO();
    expect(await runCli(['profile', 'check', 'me.json'], ok)).toBe(0);
    expect(ok.out()).toBe('ok: 1 concepts held, 1 learning, 1 credentials, 1.5 years, WA\n');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ credentials: [{ id: 'cert.nope' }] }));
    const bad = captureIO();
    expect(await runCli(['profile', 'check', 'bad.json'], bad)).toBe(1);
    expect(bad.err()).toContain('unknown concept ids: cert.nope');
    expect(await runCli(['profile', 'frobnicate', 'me.json'], captureIO())).toBe(2);
  });
});
