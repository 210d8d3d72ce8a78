/**
 * The layers run one way (issue #17): lib/ < server/ < app/, components/ take only types from server/,
 * bench/ and scripts/ never import tests/. `npm run lint` enforces it (eslint.config.mjs); here each
 * wrong-way import is linted as if it sat in that folder and must fail, and each allowed one must pass.
 * The whole project also has no runtime import cycle.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { importCycles, importGraph } from './helpers/import-graph';

const ROOT = path.resolve(__dirname, '..');
const LAYER_RULES = ['import/no-restricted-paths', 'no-restricted-imports', '@typescript-eslint/no-restricted-imports'];

interface Case {
  /** Where the snippet is linted as if it sat (the file need not exist). */
  file: string;
  code: string;
}

/** Lint every case in one ESLint process (the config loads once); returns the layer rules each case broke. */
function lintLayers(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of cases) {
      const [r] = await eslint.lintText(c.code, { filePath: c.file });
      out.push(r.messages.filter((m) => ${JSON.stringify(LAYER_RULES)}.includes(m.ruleId)).map((m) => m.ruleId));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout);
}

describe('ESLint layer rules', () => {
  const wrong: (Case & { rule: string })[] = [
    // lib/ imports nothing above it, by alias or by relative path, and no framework or database
    { file: 'lib/cnm/layer-fixture.ts', code: "import { db } from '@/server/db';\nexport const x = db;\n", rule: 'import/no-restricted-paths' },
    { file: 'lib/cli/layer-fixture.ts', code: "import { getBank } from '../../server/banks';\nexport const x = getBank;\n", rule: 'import/no-restricted-paths' },
    { file: 'lib/qbank/layer-fixture.ts', code: "import { Button } from '@/components/ui';\nexport const x = Button;\n", rule: 'import/no-restricted-paths' },
    { file: 'lib/exam/layer-fixture.ts', code: "import { useState } from 'react';\nexport const x = useState;\n", rule: 'no-restricted-imports' },
    { file: 'lib/srs/layer-fixture.ts', code: "import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;\n", rule: 'no-restricted-imports' },
    { file: 'lib/cnm/layer-fixture.ts', code: "import { env } from '@/env';\nexport const x = env;\n", rule: 'import/no-restricted-paths' },
    // server/ owns its DTOs: nothing from app/ or components/, not even types
    { file: 'server/layer-fixture.ts', code: "import { signUpAction } from '@/app/(auth)/actions';\nexport const x = signUpAction;\n", rule: 'import/no-restricted-paths' },
    { file: 'server/layer-fixture.ts', code: "import type { ScenarioDTO } from '@/components/lab/types';\nexport type X = ScenarioDTO;\n", rule: 'import/no-restricted-paths' },
    // components/ take only types from server/, and from app/ only server actions
    { file: 'components/quiz/layer-fixture.tsx', code: "import { getBank } from '@/server/banks';\nexport const x = getBank;\n", rule: '@typescript-eslint/no-restricted-imports' },
    { file: 'components/quiz/layer-fixture.tsx', code: "import Home from '@/app/page';\nexport const x = Home;\n", rule: 'import/no-restricted-paths' },
    // the light config stays light: no Node module, no secret file, no database
    { file: 'auth.config.ts', code: "import fs from 'node:fs';\nexport const x = fs;\n", rule: 'no-restricted-imports' },
    { file: 'env.ts', code: "import path from 'path';\nexport const x = path;\n", rule: 'no-restricted-imports' },
    { file: 'auth.config.ts', code: "import { authSecret } from './auth-secret';\nexport const x = authSecret;\n", rule: 'no-restricted-imports' },
    // bench/ and scripts/ never import tests/
    { file: 'bench/layer-fixture.ts', code: "import { freshDatabase } from '../tests/helpers/db';\nexport const x = freshDatabase;\n", rule: 'import/no-restricted-paths' },
    { file: 'scripts/layer-fixture.ts', code: "import { freshDatabase } from '@/tests/helpers/db';\nexport const x = freshDatabase;\n", rule: 'import/no-restricted-paths' },
  ];
  const allowed: Case[] = [
    { file: 'server/layer-fixture.ts', code: "import { drawExam } from '@/lib/exam';\nexport const x = drawExam;\n" },
    { file: 'components/quiz/layer-fixture.tsx', code: "import type { Bank } from '@/server/banks';\nexport type X = Bank;\n" },
    { file: 'components/quiz/layer-fixture.tsx', code: "import { startExamAction } from '@/app/(study)/exam/actions';\nexport const x = startExamAction;\n" },
    { file: 'app/layer-fixture.ts', code: "import { getBank } from '@/server/banks';\nexport const x = getBank;\n" },
    { file: 'auth.config.ts', code: "import { env } from './env';\nexport const x = env;\n" },
    { file: 'tests/layer-fixture.ts', code: "import { startServer } from '@/scripts/lib/server';\nexport const x = startServer;\n" },
  ];

  let results: string[][];
  beforeAll(() => {
    results = lintLayers([...wrong, ...allowed]);
  }, 240_000);

  it.each(wrong.map((c, i) => [`${c.file}: ${c.code.split('\n')[0]}`, i] as const))('fails %s', (_name, i) => {
    expect(results[i]).toContain(wrong[i].rule);
  });

  it.each(allowed.map((c, i) => [`${c.file}: ${c.code.split('\n')[0]}`, wrong.length + i] as const))('allows %s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});

describe('import graph', () => {
  const graph = importGraph(ROOT, ['lib', 'server', 'app', 'components', 'scripts', 'bench', 'tests'], [
    'auth.ts',
    'auth.config.ts',
    'auth-secret.ts',
    'env.ts',
    'proxy.ts',
    'instrumentation.ts',
  ]);

  it('sees the project (a sanity check on the walker)', () => {
    expect(graph.get('server/exams/context.ts')).toEqual(expect.arrayContaining(['server/db.ts', 'server/exams/index.ts']));
    // a type-only import is erased, so it is no edge
    expect(graph.get('components/lab/types.ts') ?? []).not.toContain('server/quiz.ts');
  });

  it('has no runtime import cycle anywhere', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });
});
