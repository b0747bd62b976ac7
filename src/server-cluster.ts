// Several server processes sharing one port (node:cluster): the engine is CPU-bound and synchronous,
// so one process serves one core's worth of analyses. Workers re-run the same CLI command.
import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './config/index.js';
import { closeDatabase, openDatabase } from './db/index.js';
import type { Logger } from './logging/index.js';

export interface RunningCluster {
  url: string;
  /** Settles with the exit code once every worker has stopped. */
  closed: Promise<number>;
}

/** Runs in the primary process: migrates once, forks the workers, restarts crashed ones. */
export async function startCluster(config: AppConfig, logger: Logger): Promise<RunningCluster> {
  if (config.dbPath === ':memory:') {
    throw new Error('several workers need a database file (each worker would get its own :memory: database)');
  }
  // Migrate here, once, so workers never race each other through the migrations.
  closeDatabase(openDatabase(config.dbPath));

  let shuttingDown = false;
  let restarts = 0;
  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => {
    resolveClosed = resolve;
  });
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  const url = new Promise<string>((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', (_worker, address) => {
      if (++listening === config.workers) {
        const host =
          !address.address || address.address === '0.0.0.0' || address.address === '::'
            ? 'localhost'
            : address.address;
        resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
      }
    });
    cluster.on('exit', (worker: Worker, code, signal) => {
      // A clean exit (0) is a worker shutting down on its own signal (Ctrl-C reaches the whole group).
      const crashed = !shuttingDown && (code !== 0 || signal !== null);
      if (crashed && listening < config.workers) {
        reject(new Error(`worker ${worker.process.pid} exited with ${code ?? signal} during start-up`));
      } else if (crashed && ++restarts <= config.workers * 5) {
        // A crash after start-up: replace the worker, unless they crash in a loop.
        logger.error('worker exited; restarting it', { pid: worker.process.pid, code, signal });
        cluster.fork();
        return;
      }
      if (alive().length === 0) resolveClosed(crashed ? 1 : 0);
    });
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();

  const stop = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutting down workers', { signal });
    for (const worker of alive()) worker.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return { url: await url, closed };
  } catch (err) {
    // Without this, the surviving workers would keep the process alive after the error.
    stop('SIGTERM');
    throw err;
  }
}
