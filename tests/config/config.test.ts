import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      dbPath: './data/ma-gap.db',
      bodyLimit: 1_048_576,
      apiKeys: [],
      protectReads: false,
      rateLimit: 0,
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('reads lists, booleans and numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      MA_GAP_DB: ':memory:',
      MA_GAP_API_KEYS: ' a, b ,,',
      MA_GAP_PROTECT_READS: 'yes',
      MA_GAP_RATE_LIMIT: '100',
      MA_GAP_CORS_ORIGINS: 'https://a.example,https://b.example',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({
      port: 8080,
      dbPath: ':memory:',
      apiKeys: ['a', 'b'],
      protectReads: true,
      rateLimit: 100,
      corsOrigins: ['https://a.example', 'https://b.example'],
      logLevel: 'warn',
    });
  });

  it('takes a worker count or "auto"', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ MA_GAP_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ MA_GAP_WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
    expect(() => loadConfig({ MA_GAP_WORKERS: '0' })).toThrow(/MA_GAP_WORKERS/);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', MA_GAP_PROTECT_READS: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ MA_GAP_BODY_LIMIT: '1mb' })).toThrow(/MA_GAP_BODY_LIMIT.*"1mb"/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
