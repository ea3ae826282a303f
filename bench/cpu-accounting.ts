/**
 * Where the machine's CPU time went during a measured run: the server process, PostgreSQL (the
 * postmaster and its backends), the load generator, other programs, and the kernel's own work
 * that no process is charged for (network softirqs on loopback, mostly). On a small machine the
 * three share the cores, so a figure only means something next to this split — and other
 * programs above zero say the run was disturbed. Reads Linux's /proc; elsewhere the split is
 * simply absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The kernel reports process times in clock ticks; 100 per second on every Linux Node supports. */
const TICKS_PER_S = 100;

export interface CpuSplit {
  readonly serverCores: number;
  readonly postgresCores: number;
  readonly loadGeneratorCores: number;
  /** Every other process. */
  readonly otherCores: number;
  /** Busy time no process is charged for (interrupts, softirqs). */
  readonly kernelCores: number;
  /** The other processes that used the most, for a disturbed run's report. */
  readonly topOthers: readonly { readonly name: string; readonly cores: number }[];
}

interface ProcessTimes {
  readonly name: string;
  readonly parentPid: number;
  readonly cpuS: number;
}

interface Snapshot {
  readonly atMs: number;
  readonly systemBusyS: number;
  readonly processes: ReadonlyMap<number, ProcessTimes>;
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

/** utime + stime of every process (all its threads), by pid. */
function processTimes(): Map<number, ProcessTimes> {
  const times = new Map<number, ProcessTimes>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    // The command name is in parentheses and may contain spaces; the fields follow it.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    times.set(Number(entry), {
      name,
      parentPid: Number(fields[1]),
      cpuS: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S,
    });
  }
  return times;
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
    processes: processTimes(),
  });
  const before = take();
  return () => {
    const after = take();
    const elapsedS = (after.atMs - before.atMs) / 1000;
    let serverS = 0;
    let postgresS = 0;
    let loadGeneratorS = 0;
    let otherS = 0;
    const others = new Map<string, number>();
    for (const [pid, now] of after.processes) {
      // A process that started during the run counts from zero.
      const usedS = now.cpuS - (before.processes.get(pid)?.cpuS ?? 0);
      if (usedS <= 0) continue;
      if (pid === process.pid) serverS += usedS;
      else if (pid === postmaster || now.parentPid === postmaster) postgresS += usedS;
      else if (pid === loadGenerator) loadGeneratorS += usedS;
      else {
        otherS += usedS;
        others.set(`${now.name}[${pid}]`, (others.get(`${now.name}[${pid}]`) ?? 0) + usedS);
      }
    }
    const busyS = after.systemBusyS - before.systemBusyS;
    const cores = (seconds: number) => Number(Math.max(0, seconds / elapsedS).toFixed(2));
    return {
      serverCores: cores(serverS),
      postgresCores: cores(postgresS),
      loadGeneratorCores: cores(loadGeneratorS),
      otherCores: cores(otherS),
      kernelCores: cores(busyS - serverS - postgresS - loadGeneratorS - otherS),
      topOthers: [...others]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, seconds]) => ({ name, cores: cores(seconds) })),
    };
  };
}
