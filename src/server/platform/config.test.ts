import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data, port 3000, demo mode', () => {
    const config = loadConfig({}, '/srv/kopa');
    expect(config).toMatchObject({
      port: 3000,
      dataDir: '/srv/kopa/data',
      publicUrl: 'http://localhost:3000',
      isDemo: true,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtp).toBeUndefined();
  });

  it('uses a given PostgreSQL and leaves demo mode off', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kopa@db/kopa',
      KOPA_PUBLIC_URL: 'https://kopa.example.org/',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://kopa@db/kopa',
      isDemo: false,
      publicUrl: 'https://kopa.example.org',
    });
  });

  it('reads SMTP settings', () => {
    const config = loadConfig({
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '465',
      SMTP_FROM: 'Kopa <kopa@example.org>',
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'p',
    });
    expect(config.smtp).toEqual({
      host: 'smtp.example.org',
      port: 465,
      secure: true,
      user: 'u',
      password: 'p',
      from: 'Kopa <kopa@example.org>',
    });
  });

  it('lists every problem at once, in plain words', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        KOPA_PUBLIC_URL: 'ftp://x',
        SMTP_HOST: 'smtp',
        SMTP_USER: 'only-user',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT must be a port number');
      expect(problems).toContain('DATABASE_URL must start with postgres://');
      expect(problems).toContain('KOPA_PUBLIC_URL must be an http(s) URL');
      expect(problems).toContain('SMTP_FROM must be set');
      expect(problems).toContain('SMTP_USER and SMTP_PASSWORD must be set together');
    }
  });
});
