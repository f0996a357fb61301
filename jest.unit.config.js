/**
 * The pure tests (`npm run test:unit`): domain rules, views, parsers and the like, which need no
 * Azurite, no HTTP server and no build. No global set-up, so the run starts at once; `npm test`
 * still runs these along with everything else. A test file that needs storage or starts the
 * application belongs outside this list.
 * @type {import('jest').Config}
 */
const { globalSetup, globalTeardown, ...shared } = require('./jest.config.js');

module.exports = {
  ...shared,
  testMatch: [
    '<rootDir>/test/architecture/**/*.test.ts',
    '<rootDir>/test/cards/**/*.test.ts',
    '<rootDir>/test/config/**/*.test.ts',
    '<rootDir>/test/domain/**/*.test.ts',
    '<rootDir>/test/infra/**/*.test.ts',
    '<rootDir>/test/package/**/*.test.ts',
    '<rootDir>/test/views/**/*.test.ts',
    '<rootDir>/test/app/board-summary.test.ts',
    '<rootDir>/test/app/find-service.test.ts',
    '<rootDir>/test/app/issue-area-for-improvement.test.ts',
    '<rootDir>/test/app/issue-cause-of-concern.test.ts',
    '<rootDir>/test/app/quarterly-report.test.ts',
    '<rootDir>/test/bench/bench-report.test.ts',
    '<rootDir>/test/bot/caller-of.test.ts',
    '<rootDir>/test/bot/playground-config.test.ts',
    '<rootDir>/test/demo/data-set.test.ts',
    '<rootDir>/test/demo/hwfrs-improvement-plan.test.ts',
    '<rootDir>/test/demo/services.test.ts',
    '<rootDir>/test/scheduler/daily-time.test.ts',
    '<rootDir>/test/store/table-client-factory.test.ts',
  ],
};
