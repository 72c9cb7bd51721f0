// CPU time of processes from /proc (Linux), for benchmarks that say where a machine's cores went.
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds a process has used so far; 0 when it is gone (or not on Linux). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14 and stime 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Pids of every process with this command name (e.g. `postgres`: the server and all its sessions). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** CPU milliseconds per pid at this moment. */
export function cpuSnapshot(pids: readonly (number | undefined)[]): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const pid of pids) if (pid !== undefined) snapshot.set(pid, cpuMs(pid));
  return snapshot;
}

/** CPU used between two snapshots by the processes alive at the second (a new one counts from its start). */
export function cpuDeltaMs(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
