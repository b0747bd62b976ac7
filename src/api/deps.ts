import type { AppConfig } from '../config/index.js';
import type { Db } from '../db/index.js';
import type { Lexicon } from '../lexicon/index.js';
import type { Logger } from '../logging/index.js';

/** What every route factory receives. */
export interface AppDeps {
  db: Db;
  lexicon: Lexicon;
  config: AppConfig;
  /** Defaults to a logger at config.logLevel on stderr. */
  logger?: Logger;
}

/** Hono context variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The API key the request authenticated with, if any. */
    apiKey: string | undefined;
  };
}
