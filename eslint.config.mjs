import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const eslintConfig = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'generated/**', 'test-results/**', 'data/**', 'next-env.d.ts'],
  },
  {
    // The layers run one way: lib/ < server/ < app/, components/ beside app/ (types only from server/);
    // bench/, scripts/ and tests/ sit on top, and nothing imports tests/ but tests/ itself.
    // Paths are resolved (relative and '@/' imports alike), so a wrong-way import fails `npm run lint`.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./server', './app', './components', './generated', './scripts', './bench', './tests', './auth.ts', './auth.config.ts', './auth-secret.ts', './env.ts', './proxy.ts'],
              message: 'lib/ is the bottom layer: it imports nothing from server/, app/, components/, the root config files, scripts/, bench/ or tests/.',
            },
            {
              target: './server',
              from: ['./app', './components', './scripts', './bench', './tests'],
              message: 'server/ owns its DTOs and schemas: it imports nothing from app/ or components/ (nor scripts/, bench/, tests/).',
            },
            {
              target: ['./components', './app', './auth.ts', './auth.config.ts', './auth-secret.ts', './proxy.ts', './env.ts', './instrumentation.ts'],
              from: ['./scripts', './bench', './tests'],
              message: 'The app does not import scripts/, bench/ or tests/.',
            },
            {
              // Server actions ('use server' in app/**/actions.ts) are the one way in: forms call them.
              target: './components',
              from: './app/**/*',
              except: ['**/actions.ts'],
              message: 'components/ take their data as props: from app/ they import only server actions (actions.ts).',
            },
            {
              target: ['./bench', './scripts'],
              from: './tests',
              message: 'bench/ and scripts/ do not import tests/: shared pieces live in scripts/lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ is framework-free: it runs in Node, in jest and in the browser.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'server-only'], message: 'lib/ is framework-free.' },
            { group: ['@prisma/*', 'prisma', '@/generated/*', '**/generated/*'], message: 'lib/ never touches the database: only server/ imports Prisma.' },
            { group: ['@/server/*', '@/app/*', '@/components/*', '**/server/*', '**/app/*', '**/components/*'], message: 'lib/ must not reach into server/, app/ or components/.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through env.ts.' }],
    },
  },
  {
    // The light config: what proxy.ts needs besides the secret. No Node module, no file I/O, no providers or database.
    files: ['auth.config.ts', 'env.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'auth.config.ts and env.ts stay light (edge-safe): no Node module.' },
            { group: ['fs', 'fs/*', 'path', 'crypto', 'os', 'child_process'], message: 'auth.config.ts and env.ts stay light (edge-safe): no Node module.' },
            { regex: '(^|/)(auth|auth-secret)$', message: 'auth.config.ts and env.ts stay light: the secret file is auth-secret.ts, the providers auth.ts.' },
            { group: ['next-auth', 'next-auth/*', '@prisma/*', '@/generated/*', '@/server/*', '**/server/*'], message: 'auth.config.ts and env.ts stay light: no providers, no database.' },
          ],
        },
      ],
    },
  },
  {
    // components/ receive DTOs as props; from server/ they take types only (`import type`).
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/server/*', '**/server/*'], allowTypeImports: true, message: 'components/ take only types from server/ (`import type`).' },
          ],
        },
      ],
    },
  },
];

export default eslintConfig;
