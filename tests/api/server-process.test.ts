// Starts the real server process (the compiled CLI) on a random port and talks to it over HTTP.
// Needs `npm run build` first (CI runs it through `npm ci` → prepare); skipped without dist/.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTING_CCMA } from '../fixtures/api-postings.js';
import { readJson } from '../fixtures/read-json.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${root}dist/cli/main.js`) && existsSync(`${root}dist/server.js`);

describe.skipIf(!built)('the server process (skipped: run `npm run build` first)', () => {
  let child: ChildProcess;
  let base = '';

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      ['bin/ma-gap.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', ':memory:'],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', MA_GAP_API_KEYS: 'secret' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('serves health, analysis and storage over HTTP', async () => {
    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(200);
    expect((await readJson(health)).status).toBe('ok');

    const analyze = await fetch(`${base}/api/v1/analyze`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: POSTING_CCMA }),
    });
    expect(analyze.status).toBe(200);
    expect((await readJson(analyze)).concepts.length).toBeGreaterThan(0);

    const store = (auth?: string) =>
      fetch(`${base}/api/v1/postings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth && { Authorization: `Bearer ${auth}` }) },
        body: JSON.stringify({ text: POSTING_CCMA }),
      });
    expect((await store()).status).toBe(401);
    expect((await store('secret')).status).toBe(201);
    expect((await store('secret')).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe.skipIf(!built)('the server as a cluster (skipped: run `npm run build` first)', () => {
  it('shares one port between workers and stops them all on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ma-gap-cluster-'));
    const child = spawn(
      process.execPath,
      [
        'bin/ma-gap.js',
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--db',
        join(dir, 'c.db'),
        '--workers',
        '2',
      ],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk) => {
          out += chunk;
          const url = /listening on (http:\/\/\S+) \(2 workers\)/.exec(out)?.[1];
          if (url) resolve(url);
        });
        child.once('exit', (code) => reject(new Error(`cluster exited with ${code}`)));
      });
      const stored = await fetch(`${base}/api/v1/postings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: POSTING_CCMA }),
      });
      expect(stored.status).toBe(201);
      // Whichever worker answers, it reads the same database.
      for (let i = 0; i < 4; i++) {
        expect((await readJson(await fetch(`${base}/api/v1/postings`))).items).toHaveLength(1);
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
