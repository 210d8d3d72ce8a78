import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const eslintConfig = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'generated/**', 'test-results/**', 'data/**', 'next-env.d.ts'],
  },
  {
    // lib/ is framework-free: it runs in Node, in jest and in the browser.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/ is framework-free.' },
            { group: ['@/server/*', '@/app/*', '@/generated/*', '@prisma/*', '**/server/*', '**/app/*'], message: 'lib/ must not reach into server/ or app/.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through env.ts.' }],
    },
  },
];

export default eslintConfig;
