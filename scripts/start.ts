/**
 * `npm start`: everything needed to try the bot on one machine, no Azure and no Teams.
 *
 * 1. Azurite (Table Storage emulator) with data kept in `.data/azurite`, unless storage is configured.
 * 2. The bot server on PORT (3978).
 * 3. The Microsoft 365 Agents Playground (a mock Teams client) pointed at the bot, with the demo
 *    people from `.m365agentsplayground.yml`.
 *
 * Ctrl-C stops all three and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../src/dev/azurite';
import { seedDemoDataIfEmpty } from '../src/demo/seed';
import { loadConfigOrExit, startApplication, type RunningApplication } from '../src/main';
import { createLogger, exitCleanlyOnSignal, type RunningServer } from '../src/server';

const root = path.resolve(__dirname, '..');
const azuriteLocation = path.join(root, '.data', 'azurite');
const playgroundLogFile = path.join(root, '.data', 'playground', 'm365agentsplayground.log');
const playgroundConfigFile = path.join(root, '.m365agentsplayground.yml');
const preferredAzuritePort = 10002;
const preferredPlaygroundPort = 56150;

/** Azurite on its usual table port, or on a free one if that is taken. */
async function startLocalAzurite(): Promise<RunningAzurite> {
  try {
    return await startAzurite({ inMemory: false, location: azuriteLocation, port: preferredAzuritePort });
  } catch {
    console.log(`Port ${preferredAzuritePort} is busy: starting Azurite on a free port instead.`);
    return startAzurite({ inMemory: false, location: azuriteLocation });
  }
}

interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

/** The last error lines the Playground wrote to its log (it reports config mistakes only there). */
function playgroundErrors(): string {
  if (!existsSync(playgroundLogFile)) return '';
  return readFileSync(playgroundLogFile, 'utf8')
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

/** Starts the Playground CLI from the project's own dependency and waits until it serves its page. */
async function startPlayground(botEndpoint: string): Promise<RunningPlayground> {
  mkdirSync(path.dirname(playgroundLogFile), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [
    cli,
    '--app-endpoint',
    botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(preferredPlaygroundPort),
    '--disable-telemetry',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfigFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: playgroundLogFile,
    },
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[playground] ${chunk.toString()}`));

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
      reject(new Error(`the Agents Playground exited with code ${String(code)}\n${playgroundErrors()}`));
    });
  });
  const url = `http://localhost:${port}`;

  // It says "Listening" before it reads its config file, and exits if that is invalid.
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the Agents Playground stopped:\n${playgroundErrors()}`);
    if (await answers(`http://127.0.0.1:${port}/_internal/v1/config`)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0)
      console.error(`The Agents Playground stopped (exit code ${String(code)}). ${playgroundErrors()}`);
  });

  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function printWelcome(
  server: RunningServer,
  playground: RunningPlayground | undefined,
  azurite: RunningAzurite | undefined,
): void {
  const lines = [
    '',
    '  CoC Monitor is running locally.',
    '',
    playground
      ? `  Open the Agents Playground:  ${playground.url}`
      : '  The Agents Playground did not start (see above); the bot is still running.',
    `  Bot endpoint:                ${server.url}/api/messages`,
    `  Health:                      ${server.url}/healthz   (ready: ${server.url}/readyz)`,
    azurite
      ? `  Table Storage (Azurite):     127.0.0.1:${azurite.port}, data kept in .data/azurite`
      : '  Table Storage:               as configured in the environment',
    '',
    '  You are Sam Patel (Service Liaison Lead). Type "help" to begin. Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);

  let azurite: RunningAzurite | undefined;
  if (!config.storage) {
    azurite = await startLocalAzurite();
    config = { ...config, storage: { kind: 'connectionString', connectionString: azurite.connectionString } };
  }

  let server: RunningApplication;
  try {
    server = await startApplication(config, logger);
  } catch (error) {
    await azurite?.stop();
    throw error;
  }

  if (config.demoData && server.appContext) {
    const { seeded } = await seedDemoDataIfEmpty(server.appContext.store);
    if (seeded) console.log('Demo data written: 44 services, the demo people and their records.');
  }

  let playground: RunningPlayground | undefined;
  try {
    playground = await startPlayground(`${server.url}/api/messages`);
  } catch (error) {
    console.error(
      `Could not start the Agents Playground: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  exitCleanlyOnSignal(
    async () => {
      console.log('\nStopping the Playground, the bot and Azurite…');
      await playground?.stop();
      await server.close();
      await azurite?.stop();
      console.log('Stopped.');
    },
    (error) => console.error('Could not stop cleanly:', error),
  );
  printWelcome(server, playground, azurite);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
