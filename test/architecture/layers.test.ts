/**
 * The layers hold: the lint rule that keeps each layer to its imports fires on every path form
 * into a layer it may not use (relative at any depth, with or without `/index`, `require`,
 * dynamic `import()`, re-exports), and on the SDKs and I/O a layer must not touch; and the code as
 * it stands has no import a layer may not make and no import cycle.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layersPlugin } from '../../eslint/layers.cjs';
import { importCycles, readImportGraph, upwardImports } from '../../scripts/lib/import-graph';

const root = path.resolve(__dirname, '..', '..');

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { layers: layersPlugin },
      rules: { 'layers/allowed-imports': 'error' },
    },
  ],
});

async function problemsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('the layer rule', () => {
  it.each([
    ['src/domain/clock/x.ts', "import { createStore } from '../../store';", 'domain may not import store'],
    ['src/domain/x.ts', "import type { Store } from '../store/index';", 'domain may not import store'],
    [
      'src/domain/lifecycle/x.ts',
      "export { renderCard } from '../../views/shared/card-renderer';",
      'domain may not import views',
    ],
    ['src/app/x.ts', "import { createBot } from '../bot';", 'app may not import bot'],
    ['src/app/closure/x.ts', "const bot = require('../../bot/create-bot');", 'app may not import bot'],
    ['src/app/reminders/x.ts', "export * from '../../views/messages';", 'app may not import views'],
    ['src/app/shared/x.ts', "const later = import('../../server');", 'app may not import server'],
    ['src/bot/x.ts', "import { createStore } from '../store';", 'bot may not import store'],
    ['src/bot/routes/x.ts', "import type { Store } from '../../store/index';", 'bot may not import store'],
    ['src/bot/routes/x.ts', "import { keyOf } from '../../store/keys';", 'bot may not import store'],
    ['src/views/x.ts', "import { createBot } from '../bot/create-bot';", 'views may not import bot'],
    ['src/scheduler/x.ts', "import { createBot } from '../bot';", 'scheduler may not import bot'],
    ['src/store/x.ts', "import { todayOf } from '../app/shared/app-context';", 'store may not import app'],
    ['src/graph/x.ts', "import { createStore } from '../store';", 'graph may not import store'],
    ['src/graph/x.ts', "import { createBot } from '../bot';", 'graph may not import bot'],
    [
      'src/app/shared/x.ts',
      "import { createGraphInstaller } from '../../graph';",
      'app may not import graph',
    ],
  ])('refuses %s importing a higher layer: %s', async (file, code, expected) => {
    expect((await problemsOf(file, code)).join('\n')).toContain(expected);
  });

  it.each([
    ['src/domain/x.ts', "import { TableClient } from '@azure/data-tables';"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/x.ts', "import { Application } from '@microsoft/teams-ai';"],
    ['src/app/x.ts', "import { TurnContext } from 'botbuilder';"],
    ['src/app/x.ts', "import { odata } from '@azure/data-tables';"],
    ['src/views/x.ts', "import { CardFactory } from 'botbuilder';"],
    ['src/store/x.ts', "import restify from 'restify';"],
    ['src/graph/x.ts', "import { TurnContext } from 'botbuilder';"],
    ['src/graph/x.ts', "import { TableClient } from '@azure/data-tables';"],
    ['src/app/x.ts', "import { ClientSecretCredential } from '@azure/identity';"],
  ])('refuses %s using an SDK or I/O it must not: %s', async (file, code) => {
    expect((await problemsOf(file, code)).join('\n')).toMatch(/may not use/);
  });

  it.each([
    ['src/app/x.ts', "import { createStore } from '../store';"],
    ['src/bot/routes/x.ts', "import { loadCocView } from '../../app/records/show-record';"],
    ['src/bot/x.ts', "import { renderCard } from '../views/shared/card-renderer';"],
    ['src/views/x.ts', "import type { CocCardView } from '../app/records/show-record';"],
    ['src/main.ts', "import { createBot } from './bot';"],
    ['src/store/x.ts', "import { TableClient } from '@azure/data-tables';"],
    ['src/graph/x.ts', "import type { AppInstaller } from '../app/shared/app-installer';"],
    ['src/graph/x.ts', "import type { GraphConfig } from '../config';"],
    ['src/graph/x.ts', "import { ClientSecretCredential } from '@azure/identity';"],
    ['src/main.ts', "import { createGraphInstaller } from './graph';"],
  ])('lets %s make an import its layer may: %s', async (file, code) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });
});

describe('the imports of src/', () => {
  const graph = readImportGraph(root);

  it('has no import a layer may not make', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps src/bot away from src/store', () => {
    const botToStore = graph.filter(
      (file) => file.layer?.name === 'bot' && file.imports.some((target) => target.startsWith('src/store/')),
    );
    expect(botToStore.map((file) => file.file)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const file = (name: string, imports: string[]) => ({ file: name, lines: 1, imports, layer: undefined });

  it('finds files that import each other, directly or round a loop', () => {
    const graph = [file('a', ['b']), file('b', ['c']), file('c', ['a']), file('d', ['a']), file('e', ['e'])];
    expect(importCycles(graph)).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['e']]));
    expect(importCycles(graph)).toHaveLength(2);
  });

  it('finds none in a tree', () => {
    expect(importCycles([file('a', ['b', 'c']), file('b', ['c']), file('c', [])])).toEqual([]);
  });
});
