/**
 * Browser tests (`npm run test:e2e`): the bot, Azurite and the Agents Playground, driven in Debian's
 * Chromium with playwright-core. Kept apart from `npm test` because they need a browser.
 * @type {import('jest').Config}
 */
module.exports = {
  ...require('./jest.config.js'),
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
