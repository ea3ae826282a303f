/**
 * Kopa's configuration, read once from the environment and validated with clear messages,
 * so a mistake stops the start instead of surfacing later as a strange failure.
 */
import path from 'node:path';

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
}

export interface KopaConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly smtp?: SmtpConfig;
  /** Demo mode seeds the three demo clusters, prints sign-ins and mails to the log. */
  readonly isDemo: boolean;
  readonly isDev: boolean;
  /** Multiplies every rate limit; tests raise it, never production. */
  readonly rateLimitScale: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Kopa cannot start, the configuration has problems:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function parsePort(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535, got "${raw}"`);
    return fallback;
  }
  return port;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): KopaConfig {
  const problems: string[] = [];
  const port = parsePort('PORT', env.PORT, 3000, problems);
  const host = env.HOST || '0.0.0.0';

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }

  const dataDir = path.resolve(cwd, env.KOPA_DATA_DIR || 'data');

  const publicUrl = (env.KOPA_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`KOPA_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  }

  let smtp: SmtpConfig | undefined;
  if (env.SMTP_HOST) {
    const from = env.SMTP_FROM || '';
    if (!/^[^@\s]+@[^@\s]+$|<[^@\s]+@[^@\s]+>$/.test(from)) {
      problems.push(
        'SMTP_FROM must be set to a sender address (for example "Kopa <kopa@example.org>") when SMTP_HOST is set',
      );
    }
    const smtpPort = parsePort('SMTP_PORT', env.SMTP_PORT, 587, problems);
    smtp = {
      host: env.SMTP_HOST,
      port: smtpPort,
      secure: parseBoolean('SMTP_SECURE', env.SMTP_SECURE, smtpPort === 465, problems),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from,
    };
    if ((smtp.user === undefined) !== (smtp.password === undefined)) {
      problems.push('SMTP_USER and SMTP_PASSWORD must be set together');
    }
  } else if (env.SMTP_PORT || env.SMTP_USER || env.SMTP_PASSWORD) {
    problems.push('SMTP_HOST must be set when other SMTP_ settings are');
  }

  const isDemo = parseBoolean('KOPA_DEMO', env.KOPA_DEMO, !databaseUrl, problems);
  const isDev = parseBoolean('KOPA_DEV', env.KOPA_DEV, false, problems);
  const rateLimitScale = Number(env.KOPA_RATE_LIMIT_SCALE || '1');
  if (!(rateLimitScale >= 1 && rateLimitScale <= 10000)) {
    problems.push('KOPA_RATE_LIMIT_SCALE must be a number from 1 to 10000');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, databaseUrl, dataDir, publicUrl, smtp, isDemo, isDev, rateLimitScale };
}
