#!/usr/bin/env node
// `npm run bench:api`: starts the built server on a random port with an in-memory database (a temporary file with BENCH_WORKERS > 1), then drives
// POST /api/v1/analyze with autocannon over the corpus postings and prints throughput and latency.
// It runs at two concurrencies: BENCH_CONNECTIONS (2) — enough to keep one core busy: the engine is
// synchronous, so more requests in flight add queueing, not throughput — and BENCH_LOADED_CONNECTIONS
// (10), which shows that queueing.
// Options (env): BENCH_DURATION seconds (10), BENCH_WORKERS server processes (1;
// the engine is CPU-bound, so try one per core: BENCH_WORKERS=$(nproc)), BENCH_CORPUS (../shared/corpus/postings.jsonl).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusPath = resolve(root, process.env.BENCH_CORPUS ?? '../shared/corpus/postings.jsonl');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 2);
const loadedConnections = Number(process.env.BENCH_LOADED_CONNECTIONS ?? 10);
const workers = Number(process.env.BENCH_WORKERS ?? 1);

if (!existsSync(resolve(root, 'dist/cli/main.js'))) {
  console.error('bench:api: not built; run `npm run build` first');
  process.exit(2);
}
if (!existsSync(corpusPath)) {
  console.log(`bench:api: skipped — no corpus at ${corpusPath}`);
  process.exit(0);
}

const bodies = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
  .map((p) => JSON.stringify(p.format === 'html' ? { html: p.html ?? p.text } : { text: p.text }));
if (bodies.length === 0) {
  console.log('bench:api: skipped — the corpus is empty');
  process.exit(0);
}

// Several workers need a shared database file; a fresh temporary one keeps runs independent.
const tmp = mkdtempSync(join(tmpdir(), 'ma-gap-bench-'));
const dbArgs =
  workers > 1 ? ['--db', join(tmp, 'bench.db'), '--workers', String(workers)] : ['--db', ':memory:'];
const server = spawn(
  process.execPath,
  ['bin/ma-gap.js', 'serve', '--port', '0', '--host', '127.0.0.1', ...dbArgs],
  {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', MA_GAP_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
// A run cut short (Ctrl-C, output piped into `head`) must not leave the server running.
const cleanUp = () => {
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
};
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

const url = await new Promise((resolveUrl, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match) resolveUrl(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
});

try {
  let next = 0;
  const run = (seconds, pick = () => bodies[next++ % bodies.length], conns = connections) =>
    autocannon({
      url: `${url}/api/v1/analyze`,
      connections: conns,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Rotate through the corpus so every posting is analysed, not one cached shape.
          setupRequest: (req) => ({ ...req, body: pick() }),
        },
      ],
    });
  await run(2); // warm-up: JIT and lexicon tries
  const result = await run(duration);
  const { requests, latency } = result;
  const avgBytes = Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length);
  console.log(
    `POST /api/v1/analyze — ${bodies.length} corpus postings (avg ${avgBytes} B), ${workers} worker(s), ${connections} connections, ${duration} s`,
  );
  console.log(`  requests/s  avg ${requests.average.toFixed(0)}  (total ${requests.total})`);
  console.log(
    `  latency ms  p50 ${latency.p50}  p99 ${latency.p99}  avg ${latency.average.toFixed(2)}  max ${latency.max}`,
  );
  console.log(`  errors ${result.errors}  non-2xx ${result.non2xx}  timeouts ${result.timeouts}`);
  const ok = requests.average >= 1000 && latency.p99 < 10 && result.non2xx === 0;
  console.log(`  target (≥ 1,000 req/s, p99 < 10 ms): ${ok ? 'met' : 'NOT met'}`);

  // The same corpus with more requests in flight than cores: latency grows by queueing.
  const loaded = await run(duration, undefined, loadedConnections);
  console.log(`POST /api/v1/analyze — the same, ${loadedConnections} connections, ${duration} s`);
  console.log(`  requests/s  avg ${loaded.requests.average.toFixed(0)}`);
  console.log(
    `  latency ms  p50 ${loaded.latency.p50}  p99 ${loaded.latency.p99}  avg ${loaded.latency.average.toFixed(2)}  max ${loaded.latency.max}`,
  );

  // The same route with a two-line posting: what the HTTP layer costs when the engine has little to do.
  const tiny = JSON.stringify({ text: 'Medical Assistant\nCCMA required' });
  const small = await run(5, () => tiny);
  console.log(
    `POST /api/v1/analyze — a two-line posting (HTTP layer overhead), ${connections} connections, 5 s`,
  );
  console.log(`  requests/s  avg ${small.requests.average.toFixed(0)}`);
  console.log(
    `  latency ms  p50 ${small.latency.p50}  p99 ${small.latency.p99}  avg ${small.latency.average.toFixed(2)}`,
  );
} finally {
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
  rmSync(tmp, { recursive: true, force: true });
}
