// Runs the API as a process: database, lexicon, app, HTTP listener, and a graceful shutdown.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './api/index.js';
import type { AppConfig } from './config/index.js';
import { closeDatabase, openDatabase } from './db/index.js';
import { type Lexicon, loadLexicon } from './lexicon/index.js';
import { createLogger, type Logger } from './logging/index.js';

export interface RunningServer {
  /** The port actually bound (useful with PORT=0). */
  port: number;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
  /** Settles once the server has shut down, however that happened. */
  closed: Promise<void>;
}

export interface StartServerOptions {
  config: AppConfig;
  logger?: Logger;
  lexicon?: Lexicon;
  /** Shut down on SIGINT/SIGTERM (default true; tests that embed the server turn it off). */
  handleSignals?: boolean;
}

const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const lexicon = options.lexicon ?? loadLexicon(config.lexiconDir ? { dir: config.lexiconDir } : {});
  const db = openDatabase(config.dbPath);
  const app = createApp({ db, lexicon, config, logger });

  let server: ReturnType<typeof serve>;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, resolve);
    server.once('error', reject);
  }).catch((err: unknown) => {
    closeDatabase(db);
    throw err;
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      // Connections still open after the grace period are cut, so a stuck client cannot hold shutdown.
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        closeDatabase(db);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        logger.info('server stopped');
        resolveClosed();
        resolve();
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info('shutting down', { signal });
    void close();
  };
  if (options.handleSignals ?? true) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  const host = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info('server listening', { url, db: config.dbPath, lexiconVersion: lexicon.version });
  return { port: address.port, url, close, closed };
}
