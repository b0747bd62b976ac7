// `ma-gap serve`: the HTTP API on an embedded SQLite database.
import cluster from 'node:cluster';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../logging/index.js';
import { startServer } from '../../server.js';
import { startCluster } from '../../server-cluster.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { parseFlags } from '../parse-flags.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: `Usage: ma-gap serve [--port <n>] [--host <addr>] [--db <file|:memory:>] [--workers <n|auto>]

Runs the HTTP API under /api/v1. Flags override the environment (PORT, HOST, MA_GAP_DB,
MA_GAP_WORKERS); every other setting comes from the environment (the README, "The HTTP API" lists them).
Prints "listening on <url>" once ready; stops cleanly on SIGINT/SIGTERM.`,
  async run(args, io) {
    const flags = parseFlags(args, ['port', 'host', 'db', 'workers']);
    const env = { ...io.env };
    if (flags.port !== undefined) {
      if (!/^\d+$/.test(flags.port)) throw new CliUsageError(`--port must be a number (got "${flags.port}")`);
      env.PORT = flags.port;
    }
    if (flags.host !== undefined) env.HOST = flags.host;
    if (flags.db !== undefined) env.MA_GAP_DB = flags.db;
    if (flags.workers !== undefined) env.MA_GAP_WORKERS = flags.workers;
    const config = loadConfig(env);
    if (config.workers > 1 && cluster.isPrimary) {
      const running = await startCluster(config, createLogger(config.logLevel));
      io.stdout.write(`listening on ${running.url} (${config.workers} workers)\n`);
      return running.closed;
    }
    const server = await startServer({ config });
    // Cluster workers stay quiet: the primary announces the shared address.
    if (!cluster.isWorker) io.stdout.write(`listening on ${server.url}\n`);
    await server.closed;
    // A worker's IPC channel to the primary would keep it alive after the server has stopped.
    if (cluster.isWorker) cluster.worker?.disconnect();
    return 0;
  },
};
