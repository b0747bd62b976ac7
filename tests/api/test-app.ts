// A fresh app on a fresh in-memory database for each test.
import { beforeAll } from 'vitest';
import { createApp } from '../../src/api/index.js';
import { type AppConfig, loadConfig } from '../../src/config/index.js';
import { type Db, openDatabase } from '../../src/db/index.js';
import { type Lexicon, loadLexicon } from '../../src/lexicon/index.js';
import { type Logger, silentLogger } from '../../src/logging/index.js';

let lexicon: Lexicon | undefined;
export const testLexicon = (): Lexicon => {
  lexicon ??= loadLexicon();
  return lexicon;
};

// Loaded once per test file, before any test's clock starts: without a build (dist/lexicon/compiled.json)
// the lexicon is compiled from source, which takes a while.
beforeAll(() => {
  testLexicon();
}, 180_000);

export function makeApp(overrides: Partial<AppConfig> = {}, logger: Logger = silentLogger) {
  const db: Db = openDatabase(':memory:');
  const config = { ...loadConfig({}), dbPath: ':memory:', ...overrides };
  const app = createApp({ db, lexicon: testLexicon(), config, logger });
  return { app, db, config };
}

export const jsonRequest = (
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
