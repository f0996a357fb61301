/**
 * Starts a server as its own process (`node dist/main.js` for a built file, as Azure runs the bot;
 * `node --import tsx <file>` for TypeScript, as `npm run serve` does), times it from spawn to the first `GET /readyz` 200, and reads its resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until `/readyz` first answered 200. */
  readyMs: number;
  /** Resident memory now and at its peak, in MiB (Linux /proc; undefined elsewhere). */
  memory(): { rssMiB?: number; peakMiB?: number };
  /** CPU time the process has used so far (user + system), in ms (Linux /proc; undefined elsewhere). */
  cpuMs: () => number | undefined;
  stop(): Promise<void>;
}

/** Reads a `VmRSS:  123 kB` style line of /proc/<pid>/status, in MiB. */
export function statusKiB(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
}

function memoryOf(pid: number): { rssMiB?: number; peakMiB?: number } {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const rssMiB = statusKiB(status, 'VmRSS');
    const peakMiB = statusKiB(status, 'VmHWM');
    return { ...(rssMiB === undefined ? {} : { rssMiB }), ...(peakMiB === undefined ? {} : { peakMiB }) };
  } catch {
    return {};
  }
}

/** User + system CPU time from /proc/<pid>/stat, in ms (clock ticks taken as the usual 100 a second). */
export function cpuMsOfStat(stat: string): number | undefined {
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 10 : undefined;
}

export function cpuMsOf(pid: number): number | undefined {
  try {
    return cpuMsOfStat(readFileSync(`/proc/${String(pid)}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${String(child.exitCode)}`);
    try {
      const response = await fetch(`${url}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url}/readyz did not answer 200 within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Spawns `file` with `env` added, listening on `port`, and waits until it is ready. */
export async function startServerProcess(
  file: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${String(port)}`;
  const started = process.hrtime.bigint();
  const args = [...nodeArgs, ...(file.endsWith('.js') ? [file] : ['--import', 'tsx', file])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(url, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    readyMs,
    memory: () => memoryOf(pid),
    cpuMs: () => cpuMsOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
