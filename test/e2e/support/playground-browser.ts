/**
 * Everything a browser test needs: the application on fresh tables with the demo data, one Agents
 * Playground per demo person pointed at it, and headless Chromium (Debian's, via playwright-core).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findFreePort } from '../../../src/dev/azurite';
import { startPlayground, type RunningPlayground } from '../../../src/dev/playground';
import { playgroundConfigFor, type PlaygroundPersona } from '../../../src/dev/playground-config';
import { startApplication, type RunningApplication } from '../../../src/main';
import { createLogger } from '../../../src/server';
import { aTestDeployment } from '../../support/app-under-test';
import { useStarted } from '../../support/use-started';

/** Where screenshots go (git-ignored). */
export const screenshotFolder = path.resolve(__dirname, '../../../test-results/e2e');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a root, offline, headless Chromium (background networking is refused on these machines). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PlaygroundSession {
  server: RunningApplication;
  browser: Browser;
  /** Opens the Playground as one demo person, in a new page. */
  openAs(persona: PlaygroundPersona): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the bot, a Playground for each of `personas`, and Chromium. */
export async function startPlaygroundSession(
  personas: readonly PlaygroundPersona[],
): Promise<PlaygroundSession> {
  const { config, tablePrefix, store } = await aTestDeployment();
  const server = await startApplication(config, createLogger('silent'), { store, port: 0 });

  const folder = path.join(screenshotFolder, '..', 'e2e-playground', tablePrefix);
  mkdirSync(folder, { recursive: true });
  const playgrounds = new Map<PlaygroundPersona, RunningPlayground>();
  for (const persona of personas) {
    const configFile = path.join(folder, `${persona}.yml`);
    writeFileSync(configFile, playgroundConfigFor(persona));
    playgrounds.set(
      persona,
      await startPlayground({
        botEndpoint: `${server.url}/api/messages`,
        port: await findFreePort(),
        configFile,
        logFile: path.join(folder, `${persona}.log`),
        echoErrors: false,
      }),
    );
  }

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    server,
    browser,
    async openAs(persona) {
      const playground = playgrounds.get(persona);
      if (!playground) throw new Error(`no Playground was started for ${persona}`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      await page.goto(playground.url);
      await messageBox(page).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await Promise.all([...playgrounds.values()].map((playground) => playground.stop()));
      await server.close();
    },
  };
}

/** A session for the enclosing `describe`: started in `beforeAll`, closed in `afterAll`. */
export function usePlaygroundSession(personas: readonly PlaygroundPersona[]): PlaygroundSession {
  return useStarted(() => startPlaygroundSession(personas));
}

/** The compose box at the bottom of the chat. */
export function messageBox(page: Page): Locator {
  return page.getByRole('textbox').last();
}

/** Types a message to the bot and sends it, as a person would. */
export async function say(page: Page, text: string): Promise<void> {
  const box = messageBox(page);
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

/** The newest Adaptive Card in the conversation. */
export function newestCard(page: Page): Locator {
  return page.locator('.ac-adaptiveCard').last();
}

/** Saves a full-page screenshot under test-results/e2e. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: path.join(screenshotFolder, `${name}.png`), fullPage: true });
}

/**
 * Waits until `card` shows `text`; if it never does, fails saying what the newest cards in the
 * page said instead, so a failure on a build machine can be read without its screenshots.
 */
export async function cardShows(page: Page, card: Locator, text: string | RegExp): Promise<void> {
  try {
    await card.getByText(text).first().waitFor();
  } catch (error) {
    const cards = await page.locator('.ac-adaptiveCard').allInnerTexts();
    const newest = cards
      .slice(-3)
      .map((shown, i) => `--- card ${cards.length - 3 + i + 1} of ${cards.length} ---\n${shown}`);
    throw new Error(`${(error as Error).message}\nThe newest cards said:\n${newest.join('\n')}`);
  }
}
