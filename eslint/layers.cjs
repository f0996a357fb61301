// @ts-check
/**
 * The layers of CoC Monitor and what each may import (docs/architecture.md), as an ESLint rule.
 *
 * Every import is resolved against the file it is in, so `'../store'`, `'../../store/keys'`,
 * `'../store/index'` and `require('../store')` all count as an import of `src/store`, however
 * deep the importing file sits. Packages are checked by name: only the layers named may use an SDK.
 */
const path = require('node:path');

/** Lowest first. A layer may import itself and the layers listed in `may`. */
const layers = [
  { name: 'domain', dir: 'src/domain', may: [] },
  { name: 'config', dir: 'src/config', may: [] },
  { name: 'store', dir: 'src/store', may: ['domain'] },
  { name: 'demo', dir: 'src/demo', may: ['domain', 'store'] },
  { name: 'app', dir: 'src/app', may: ['domain', 'store'] },
  { name: 'views', dir: 'src/views', may: ['domain', 'app'] },
  { name: 'bot', dir: 'src/bot', may: ['domain', 'app', 'views', 'config'] },
  { name: 'scheduler', dir: 'src/scheduler', may: ['domain', 'app'] },
  { name: 'graph', dir: 'src/graph', may: ['domain', 'app', 'config'] },
  { name: 'server', dir: 'src/server', may: ['domain', 'app', 'views', 'bot', 'config'] },
  { name: 'dev', dir: 'src/dev', may: ['domain', 'config', 'demo'] },
  {
    name: 'main',
    dir: 'src/main.ts',
    may: ['domain', 'config', 'store', 'demo', 'app', 'views', 'bot', 'scheduler', 'graph', 'server', 'dev'],
  },
];

const io = ['node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'child_process', 'pino'];
const teams = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  '@microsoft/teams-ai',
  '@microsoft/teams-ai/*',
  'restify',
  'restify-*',
];
const azure = ['@azure/*'];

/** Packages each layer must not use; a `*` ends a prefix. */
const forbiddenPackages = {
  domain: [...io, ...teams, ...azure, '@microsoft/*', 'adaptivecards*'],
  store: [...teams, 'adaptivecards*'],
  app: [...teams, ...azure, 'adaptivecards*'],
  views: [...teams, ...azure],
  scheduler: [...teams, ...azure],
  graph: [...teams, '@azure/data-tables', 'adaptivecards*'],
  config: [...teams, ...azure],
};

function layerOfFile(file, root) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return layers.find((layer) => relative === layer.dir || relative.startsWith(`${layer.dir}/`));
}

function matches(pattern, name) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the imports docs/architecture.md allows it.' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}} ({{source}}): {{allowed}}.',
      package: '{{from}} may not use {{source}}: only the outer layers talk to that SDK or to I/O.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOfFile(file, root);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = layerOfFile(path.resolve(path.dirname(file), source), root);
        if (!target || target.name === from.name || from.may.includes(target.name)) return;
        const allowed =
          from.may.length === 0
            ? `${from.name} imports nothing outside itself`
            : `${from.name} may import only ${from.may.join(', ')}`;
        context.report({
          node,
          messageId: 'upward',
          data: { from: from.name, to: target.name, source, allowed },
        });
        return;
      }
      if ((forbiddenPackages[from.name] ?? []).some((pattern) => matches(pattern, source))) {
        context.report({ node, messageId: 'package', data: { from: from.name, source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        const [argument] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          argument?.type === 'Literal'
        ) {
          check(node, argument.value);
        }
      },
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node, node.moduleReference.expression.value),
    };
  },
};

/** The plugin: `layers/allowed-imports`. */
const layersPlugin = { rules: { 'allowed-imports': allowedImports } };

module.exports = { layers, forbiddenPackages, layersPlugin };
