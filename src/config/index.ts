// The one place that reads the environment: everything else receives an AppConfig.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** SQLite file, or ':memory:'. */
  dbPath: string;
  /** Largest request body in bytes, for every route but the batch import. */
  bodyLimit: number;
  /** Largest body for POST /postings/batch (up to 1,000 postings do not fit in 1 MB). */
  batchBodyLimit: number;
  /** When non-empty, write routes need `Authorization: Bearer <key>`. */
  apiKeys: string[];
  /** Also require a key on read routes (only meaningful with apiKeys). */
  protectReads: boolean;
  /** Requests per window per API key or client IP; 0 turns rate limiting off. */
  rateLimit: number;
  rateWindowMs: number;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you trust). */
  trustProxy: boolean;
  /** Allowed CORS origins; empty = no CORS headers, ['*'] = any origin. */
  corsOrigins: string[];
  logLevel: LogLevel;
  /** Server processes sharing the port (node:cluster); 1 = no cluster. */
  workers: number;
  /** Compiled lexicon directory; undefined = the packaged one. */
  lexiconDir: string | undefined;
}

/** A bad environment variable, named in the message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', '']))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

// Keys are the variable names, so a failure's path names the variable.
const envSchema = z.object({
  PORT: integer(0, 65_535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  MA_GAP_DB: z.string().trim().min(1).default('./data/ma-gap.db'),
  MA_GAP_BODY_LIMIT: integer(1).default(1_048_576),
  MA_GAP_BATCH_BODY_LIMIT: integer(1).default(16 * 1_048_576),
  MA_GAP_API_KEYS: list.default([]),
  MA_GAP_PROTECT_READS: bool.default(false),
  MA_GAP_RATE_LIMIT: integer(0).default(0),
  MA_GAP_RATE_WINDOW_MS: integer(1).default(60_000),
  MA_GAP_TRUST_PROXY: bool.default(false),
  MA_GAP_CORS_ORIGINS: list.default([]),
  MA_GAP_WORKERS: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(auto|\d+)$/, 'expected a whole number or "auto"')
    .transform((v) => (v === 'auto' ? availableParallelism() : Number(v)))
    .pipe(z.number().int().min(1).max(256))
    .default(1),
  MA_GAP_LEXICON_DIR: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS)).default('info'),
});

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" (a blank line in an .env file), except for the lists.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.MA_GAP_DB,
    bodyLimit: e.MA_GAP_BODY_LIMIT,
    batchBodyLimit: e.MA_GAP_BATCH_BODY_LIMIT,
    apiKeys: e.MA_GAP_API_KEYS,
    protectReads: e.MA_GAP_PROTECT_READS,
    rateLimit: e.MA_GAP_RATE_LIMIT,
    rateWindowMs: e.MA_GAP_RATE_WINDOW_MS,
    trustProxy: e.MA_GAP_TRUST_PROXY,
    corsOrigins: e.MA_GAP_CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    workers: e.MA_GAP_WORKERS,
    lexiconDir: e.MA_GAP_LEXICON_DIR,
  };
}
