/**
 * Loads Adaptive Card templates from `cards/` and binds data into them.
 *
 * Cards are templates: the JSON in `cards/<name>.json` is the only template source, and whatever
 * the handler passes is data. adaptivecards-templating does not evaluate `${...}` found inside
 * data values, so text a person typed cannot inject template expressions. It can still contain
 * Markdown, which Teams renders: run it through `escapeMarkdown` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [property: string]: unknown;
}

/**
 * A decided change's answer: the decider's card, and the card that replaces it for everyone else,
 * drawn only where there is anyone else (a channel or group chat, not a personal chat).
 */
export interface CardForEveryone {
  card: AdaptiveCardJson;
  forEveryone: () => AdaptiveCardJson;
}

/** Works from `src/views/shared` (tsx, ts-jest) and from `dist/views/shared` (build): both sit three levels below the root. */
const defaultCardsDirectory = path.resolve(__dirname, '..', '..', '..', 'cards');

const templates = new Map<string, ACData.Template>();

function templateFor(name: string, cardsDirectory: string): ACData.Template {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Card name "${name}" must be kebab-case`);
  const file = path.join(cardsDirectory, `${name}.json`);
  const cached = templates.get(file);
  if (cached) return cached;
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const template = new ACData.Template(json);
  templates.set(file, template);
  return template;
}

/**
 * Expands `cards/<name>.json` with `data` bound as `$root`.
 *
 * @example renderCard('help', { commands: [{ usage: 'list', description: 'Lists records' }] })
 */
export function renderCard(
  name: string,
  data: object,
  cardsDirectory = defaultCardsDirectory,
): AdaptiveCardJson {
  const expanded: unknown = templateFor(name, cardsDirectory).expand({ $root: data });
  if (
    typeof expanded !== 'object' ||
    expanded === null ||
    (expanded as { type?: unknown }).type !== 'AdaptiveCard'
  ) {
    throw new Error(`cards/${name}.json did not expand to an AdaptiveCard`);
  }
  return expanded as AdaptiveCardJson;
}
