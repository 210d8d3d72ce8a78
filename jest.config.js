// @ts-check
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/tests/fixtures/'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // The unified/remark/rehype ecosystem ships ESM only; let swc turn it into CommonJS for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(unified|bail|trough|vfile[^/]*|unist-[^/]*|mdast-[^/]*|micromark[^/]*|remark-[^/]*|decode-named-character-reference|character-entities[^/]*|ccount|devlop|is-plain-obj|longest-streak|markdown-table|zwitch|fault|format|escape-string-regexp|rehype-[^/]*|hast-[^/]*|hastscript|html-void-elements|property-information|space-separated-tokens|comma-separated-tokens|stringify-entities|trim-lines|web-namespaces|lowlight|unist-util-find-after|hast-util-to-text)/)',
  ],
  moduleNameMapper: {
    '^server-only$': '<rootDir>/tests/helpers/empty.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 30000,
};
