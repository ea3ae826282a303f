/**
 * Where the machine's CPU time went during a measured run: the server process, PostgreSQL (the
 * postmaster and its backends), the load generator, and everything else. On a small machine the
 * three share the cores, so a figure only means something next to this split — and "everything
 * else" above zero says another program disturbed the run. Reads Linux's /proc; elsewhere the
 * split is simply absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The kernel reports process times in clock ticks; 100 per second on every Linux Node supports. */
const TICKS_PER_S = 100;

export interface CpuSplit {
  readonly serverCores: number;
  readonly postgresCores: number;
  readonly loadGeneratorCores: number;
  readonly otherCores: number;
}

interface Snapshot {
  readonly atMs: number;
  readonly systemBusyS: number;
  readonly serverS: number;
  readonly postgresS: number;
  readonly loadGeneratorS: number;
}

const isSupported = () => process.platform === 'linux' && existsSync('/proc/stat');

/** CPU seconds the whole machine spent not idle (user, nice, system, irq, softirq, steal). */
function systemBusyS(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_S
  );
}

/** utime + stime of a process and its direct children (a postmaster's backends are its children). */
function processAndChildrenS(rootPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parentPid = Number(fields[1]);
    if (Number(entry) === rootPid || parentPid === rootPid) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return ticks / TICKS_PER_S;
}

function processS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** The postmaster's process id, from the first line of its postmaster.pid. */
export function postmasterPid(postgresDataDir: string): number | null {
  const file = `${postgresDataDir}/postmaster.pid`;
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Starts measuring; the returned function ends the measurement and gives the split in cores. */
export function startCpuAccounting(pids: {
  postmaster: number | null;
  loadGenerator: number | undefined;
}): () => CpuSplit | null {
  const { postmaster, loadGenerator } = pids;
  if (!isSupported() || postmaster === null || loadGenerator === undefined) return () => null;
  const take = (): Snapshot => ({
    atMs: performance.now(),
    systemBusyS: systemBusyS(),
    serverS: processS(process.pid),
    postgresS: processAndChildrenS(postmaster),
    loadGeneratorS: processS(loadGenerator),
  });
  const before = take();
  return () => {
    const after = take();
    const elapsedS = (after.atMs - before.atMs) / 1000;
    const cores = (key: keyof Snapshot) => (after[key] - before[key]) / elapsedS;
    const round = (value: number) => Number(Math.max(0, value).toFixed(2));
    const serverCores = cores('serverS');
    const postgresCores = cores('postgresS');
    const loadGeneratorCores = cores('loadGeneratorS');
    return {
      serverCores: round(serverCores),
      postgresCores: round(postgresCores),
      loadGeneratorCores: round(loadGeneratorCores),
      otherCores: round(cores('systemBusyS') - serverCores - postgresCores - loadGeneratorCores),
    };
  };
}
