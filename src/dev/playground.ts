/**
 * Starts the Microsoft 365 Agents Playground (a mock Teams client) from the project's own
 * dependency, pointed at the bot. Used by `npm start` and by the browser tests (`npm run test:e2e`).
 *
 * The CLI would open a browser with xdg-open and exit when there is none, so the browser is
 * switched off (`TEAMSAPPTESTER_BROWSER=none`); the person or the test opens the printed URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from './stop-child';

/** A running Playground. */
export interface RunningPlayground {
  /** The page to open, e.g. `http://localhost:56150`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Where the Playground runs and what it reads. */
export interface PlaygroundOptions {
  /** The bot's `/api/messages` URL. */
  botEndpoint: string;
  port: number;
  /** The `.m365agentsplayground.yml` with the mock users and team. */
  configFile: string;
  /** Where the Playground writes its log (it reports config mistakes only there). */
  logFile: string;
  /** Echo the Playground's error output (default true). */
  echoErrors?: boolean;
}

/** The last error lines the Playground wrote to its log. */
function playgroundErrors(logFile: string): string {
  if (!existsSync(logFile)) return '';
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('error '))
    .slice(-3)
    .join('\n');
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the Playground CLI and waits until it serves its page and has read its config. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const { botEndpoint, configFile, logFile } = options;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [
    cli,
    '--app-endpoint',
    botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--disable-telemetry',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: path.dirname(configFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
  });
  if (options.echoErrors !== false) {
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[playground] ${chunk.toString()}`));
  }

  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error('the Agents Playground did not start within 30 seconds')),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the Agents Playground exited with code ${String(code)}\n${playgroundErrors(logFile)}`),
      );
    });
  });

  // It says "Listening" before it reads its config file, and exits if that is invalid.
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`the Agents Playground stopped:\n${playgroundErrors(logFile)}`);
    if (await answers(`http://127.0.0.1:${port}/_internal/v1/config`)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0)
      console.error(
        `The Agents Playground stopped (exit code ${String(code)}). ${playgroundErrors(logFile)}`,
      );
  });

  return {
    url: `http://localhost:${port}`,
    port,
    stop: () => stopChild(child, 'SIGTERM'),
  };
}
