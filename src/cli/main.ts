/**
 * The `kopa` command: serve, migrate, seed the demo, verify the audit log, manage administrators,
 * run benchmarks. Every command opens the database itself (embedded or DATABASE_URL), so it works
 * whether or not the server is running.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { keyIdOf } from '../domain/transparency/checkpoint.ts';
import { personRepo } from '../server/accounts/repo.ts';
import { startRecurringPayments } from '../server/currency/requests/recurring-scheduler.ts';
import { DEMO_PASSWORD } from '../server/demo/demo-data.ts';
import { type DemoSignIn, hasAnyCluster, seedDemo } from '../server/demo/seed.ts';
import { ConfigError, loadConfig } from '../server/platform/config.ts';
import { startHousekeeping } from '../server/platform/housekeeping.ts';
import { AlreadyRunningError, acquireServerLock, openRuntime, startServer } from '../server/runtime.ts';
import { verifyAll } from '../server/transparency/verify.ts';
import { runClearingCommand } from './clearing-command.ts';
import { runPbCommand } from './pb-command.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: kopa <command>

  serve                         start Kopa (the default for npm start)
  migrate                       apply database migrations
  seed                          add the demo clusters to an empty database
  audit verify [--cluster SLUG] [--trusted-key PUBLIC.pem]… [--any-registered-key]
                                recompute every audit chain and checkpoint signature
  admin promote EMAIL           make a person a platform administrator
  clearing compute FILE.csv [--json]
                                clear obligations (CSV debtor,creditor,amount in minor units)
  pb compute FILE.pb [--rule RULE] [--json] [--explain]
                                run a participatory-budgeting rule on a Pabulib file
  bench api [--quick]           run the API benchmark (writes bench/results/api.json)
  bench clearing                time clearing on generated networks (bench/results/clearing.json)
  bench pb                      time budgeting rules on real instances (bench/results/pb.json)
  bench ledger [--quick] [--json]
                                durable payments per second through the API at 1/8/32 clients,
                                against pgbench TPC-B on the same server (bench/results/ledger.json)
  bench wallet-history [--quick] [--json]
                                wallet history pages over 1,000,000 transfers
                                (bench/results/wallet-history.json)
  bench proposals [--quick] [--json]
                                proposal list pages over 10,000 proposals at 50 connections, and
                                a 1,000-comment proposal's first screen in Chromium
                                (bench/results/proposals.json)

Configuration comes from the environment: PORT, DATABASE_URL, KOPA_DATA_DIR, KOPA_PUBLIC_URL,
SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, KOPA_DEMO.`;

function printSignIns(signIns: readonly DemoSignIn[]): void {
  log(`\nDemo sign-ins (demo mode only), all with the password  ${DEMO_PASSWORD}`);
  for (const s of signIns) log(`  ${s.email.padEnd(40)} ${s.cluster.padEnd(14)} ${s.roles.join(', ')}`);
  log('');
}

async function serve(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = acquireServerLock(config.dataDir);
  const runtime = await openRuntime(config, log);
  if (config.isDemo && !(await hasAnyCluster(runtime))) {
    log('Empty database: adding the demo clusters Roccavaldina, PLOUCS and Lūznava.');
    printSignIns(await seedDemo(runtime));
  } else if (config.isDemo) {
    log(
      `Demo mode: sign in as admin@kopa.example, coordinatrice@roccavaldina.example, coordination@ploucs.example or koordinatore@luznava.example with the password ${DEMO_PASSWORD}.`,
    );
  }
  const app = await startServer(runtime, log);
  void runtime.mailer.deliver();
  const stopHousekeeping = startHousekeeping(runtime.db, runtime.clock, (error) =>
    log(`Housekeeping failed: ${(error as Error).message}`),
  );
  const stopRecurringPayments = startRecurringPayments(
    { ...runtime, publicUrl: runtime.config.publicUrl },
    (error) => log(`Recurring payments failed: ${(error as Error).message}`),
  );
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log(`Received ${signal}, stopping.`);
    stopHousekeeping();
    await stopRecurringPayments();
    await app.close();
    await runtime.close();
    releaseLock();
    log('Kopa stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function withRuntime<T>(
  work: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(loadConfig(), (line) => fail(line));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'serve':
      await serve();
      return -1;
    case 'migrate':
      await withRuntime(async () => log('The database is up to date.'));
      return 0;
    case 'seed':
      return await withRuntime(async (runtime) => {
        if (await hasAnyCluster(runtime)) {
          log('The database already has clusters; the demo is added only to an empty one.');
          return 0;
        }
        printSignIns(await seedDemo(runtime));
        return 0;
      });
    case 'audit': {
      if (sub !== 'verify') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          cluster: { type: 'string' },
          'trusted-key': { type: 'string', multiple: true },
          'any-registered-key': { type: 'boolean', default: false },
        },
      });
      return await withRuntime(async (runtime) => {
        // Trusted: this data directory's key and any public key files given; the database's key
        // table alone is not enough, since whoever could rewrite the log could rewrite it too.
        const trusted = values['any-registered-key']
          ? undefined
          : new Set([
              runtime.audit.keyId,
              ...(values['trusted-key'] ?? []).map((file) => keyIdOf(readFileSync(file, 'utf8'))),
            ]);
        if (!trusted)
          log('Accepting every checkpoint key registered in the database (--any-registered-key).');
        const results = await verifyAll(runtime.db, values.cluster, trusted);
        if (values.cluster && results.length === 0) {
          fail(`No cluster with the slug "${values.cluster}".`);
          return 2;
        }
        let isAllValid = true;
        for (const result of results) {
          if (result.isValid) {
            log(
              `ok      ${result.slug}: ${result.eventCount} events, chain and signed checkpoint (seq ${result.headSeq}) verified`,
            );
          } else {
            isAllValid = false;
            log(
              `BROKEN  ${result.slug}: first broken event is seq ${result.problem.seq} (${result.problem.kind.replace('_', ' ')})`,
            );
          }
        }
        return isAllValid ? 0 : 1;
      });
    }
    case 'admin': {
      if (sub !== 'promote' || !rest[0]) break;
      const email = rest[0].toLowerCase();
      return await withRuntime(async (runtime) => {
        const person = await personRepo.findByEmail(runtime.db, email);
        if (!person) {
          fail(`No account with the e-mail address ${email}.`);
          return 2;
        }
        await personRepo.update(runtime.db, person.id, { is_platform_admin: true });
        log(`${email} is now a platform administrator.`);
        return 0;
      });
    }
    case 'clearing':
      return runClearingCommand(argv.slice(1), log, fail);
    case 'pb':
      return runPbCommand(argv.slice(1), log, fail);
    case 'bench': {
      const { runBenchmark } = await import('../../bench/run.ts');
      return await runBenchmark(sub ?? 'api', rest);
    }
    case 'help':
    case '--help':
    case '-h':
      log(USAGE);
      return 0;
  }
  fail(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof AlreadyRunningError) {
      fail(error.message);
      process.exit(1);
    }
    fail(`kopa: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
