/**
 * Starts sweep-child.ts as a real child process and kills it like an orchestrator would (SIGKILL:
 * no shutdown hook, no lease released, nothing flushed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface BotProcess {
  url: string;
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
}

export interface BotProcessOptions {
  connectionString: string;
  tablePrefix: string;
  /** Where the child's clock starts (it then moves with real time). */
  clockStart: Date;
}

const script = path.join(__dirname, 'sweep-child.ts');

function gone(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns the bot and resolves once it prints its URL. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      STORAGE_CONNECTION_STRING: options.connectionString,
      TABLE_PREFIX: options.tablePrefix,
      CLOCK_START: options.clockStart.toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bot process exited (${String(code)}): ${output}`)));
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await gone(child);
    },
  };
}
