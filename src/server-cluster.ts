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
  const fork = () => cluster.fork();
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
    cluster.on('exit', (worker: Worker, code) => {
      if (shuttingDown) return;
      if (listening < config.workers) {
        reject(new Error(`worker ${worker.process.pid} exited with ${code} during start-up`));
        return;
      }
      // A crash after start-up: replace the worker, but stop if they crash in a loop.
      logger.error('worker exited; restarting it', { pid: worker.process.pid, code });
      if (++restarts <= config.workers * 5) fork();
    });
  });
  for (let i = 0; i < config.workers; i++) fork();

  const closed = new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (shuttingDown) return;
      shuttingDown = true;
      logger.info('shutting down workers', { signal });
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      let left = workers.length;
      if (left === 0) resolve(0);
      for (const worker of workers) {
        worker.once('exit', () => {
          if (--left === 0) resolve(0);
        });
        worker.process.kill('SIGTERM');
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { url: await url, closed };
}
