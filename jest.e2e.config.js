// @ts-check
// `npm run test:e2e`: browser journeys against a production build (see tests/e2e/helpers).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config, like jest.config.js
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tests/e2e/helpers/global-setup.ts',
  testTimeout: 120000,
  // Each suite runs its own server and browser: two at a time suits a 2-core machine.
  maxWorkers: 2,
};
