import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('has working defaults: SQLite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.uploadLimitBytes).toBe(25 * 1024 * 1024);
  });

  it('marks cookies Secure when PUBLIC_URL is https and trims its trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://spine.example.com/' });
    expect(config.publicUrl).toBe('https://spine.example.com');
    expect(config.secureCookies).toBe(true);
  });

  it('names each bad variable in one message', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: must start with postgres://');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });
});
