// Opens the SQLite database, tunes it for a small web service and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// src/db/client.ts and dist/db/client.js both sit two levels below the package root.
const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens (creating if needed) the database at `path` — or ':memory:' — and applies pending migrations. */
export function openDatabase(path: string, options: { migrationsDir?: string } = {}): Db {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    // WAL lets readers run while a write is in progress; the busy timeout makes a second process
    // (`ma-gap reanalyze` next to the server) wait for the lock rather than fail at once.
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsDir ?? MIGRATIONS_DIR });
    return db as Db;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/** True when the database answers a trivial query (for health checks). */
export function pingDatabase(db: Db): boolean {
  try {
    return db.$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}
