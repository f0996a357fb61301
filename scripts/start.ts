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
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localAzurite, startAzurite, type RunningAzurite } from '../src/dev/azurite';
import { startPlayground, type RunningPlayground } from '../src/dev/playground';
import { playgroundConfigFor, type PlaygroundPersona } from '../src/dev/playground-config';
import { demoPeople } from '../src/demo/people';
import { roleNames } from '../src/domain/records';
import { seedDemoDataIfEmpty } from '../src/demo/seed';
import { loadConfigOrExit, startApplication, type RunningApplication } from '../src/main';
import { createLogger, exitCleanlyOnSignal, type RunningServer } from '../src/server';

const root = path.resolve(__dirname, '..');
const playgroundFolder = path.join(root, '.data', 'playground');
const firstPlaygroundPort = 56150;
/** One Playground per role, so "switching user" is opening another tab. */
const rolesWithPlayground: readonly PlaygroundPersona[] = ['sll', 'cos', 'hmi', 'slo', 'admin'];

interface RolePlayground {
  persona: PlaygroundPersona;
  playground: RunningPlayground;
}

/** Starts one Playground per role, each with that person as the current user. */
async function startRolePlaygrounds(botEndpoint: string): Promise<RolePlayground[]> {
  mkdirSync(playgroundFolder, { recursive: true });
  const started = await Promise.allSettled(
    rolesWithPlayground.map(async (persona, index) => {
      const configFile = path.join(playgroundFolder, `${persona}.yml`);
      writeFileSync(configFile, playgroundConfigFor(persona));
      const playground = await startPlayground({
        botEndpoint,
        port: firstPlaygroundPort + index,
        configFile,
        logFile: path.join(playgroundFolder, `${persona}.log`),
      });
      return { persona, playground };
    }),
  );
  return started.flatMap((result, index) => {
    if (result.status === 'fulfilled') return [result.value];
    const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
    console.error(`Could not start the Agents Playground for ${rolesWithPlayground[index]}: ${reason}`);
    return [];
  });
}

/** Azurite on its usual table port, or on a free one if that is taken. */
async function startLocalAzurite(): Promise<RunningAzurite> {
  try {
    return await startAzurite({
      inMemory: false,
      location: localAzurite.location,
      port: localAzurite.preferredPort,
    });
  } catch {
    console.log(`Port ${localAzurite.preferredPort} is busy: starting Azurite on a free port instead.`);
    return startAzurite({ inMemory: false, location: localAzurite.location });
  }
}

function printWelcome(
  server: RunningServer,
  playgrounds: readonly RolePlayground[],
  azurite: RunningAzurite | undefined,
): void {
  const lines = [
    '',
    '  CoC Monitor is running locally. Open the Agents Playground as any of the demo people:',
    '',
    ...playgrounds.map(
      ({ persona, playground }) =>
        `    ${playground.url}   ${demoPeople[persona].name.padEnd(14)} ${roleNames[persona]}`,
    ),
    ...(playgrounds.length === 0
      ? ['    The Agents Playground did not start (see above); the bot is still running.']
      : []),
    '',
    `  Bot endpoint:                ${server.url}/api/messages`,
    `  Health:                      ${server.url}/healthz   (ready: ${server.url}/readyz)`,
    azurite
      ? `  Table Storage (Azurite):     127.0.0.1:${azurite.port}, data kept in .data/azurite`
      : '  Table Storage:               as configured in the environment',
    '',
    '  Each tab is one person: approval cards reach the Chief of Staff and the HM Inspector in their own tab.',
    '  Type "help" to begin. Ctrl-C stops everything.',
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

  const playgrounds = await startRolePlaygrounds(`${server.url}/api/messages`);

  exitCleanlyOnSignal(
    async () => {
      console.log('\nStopping the Playground, the bot and Azurite…');
      await Promise.all(playgrounds.map(({ playground }) => playground.stop()));
      await server.close();
      await azurite?.stop();
      console.log('Stopped.');
    },
    (error) => console.error('Could not stop cleanly:', error),
  );
  printWelcome(server, playgrounds, azurite);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
