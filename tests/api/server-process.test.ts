// Starts the real server process (the compiled CLI) on a random port and talks to it over HTTP.
// Needs `npm run build` first (CI runs it through `npm ci` → prepare); skipped without dist/.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
