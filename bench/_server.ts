import path from 'node:path';
import Module from 'node:module';

/**
 * The store's server/ modules for in-process benches. They start with `import 'server-only'`,
 * which throws outside Next: it resolves to an empty module here.
 */
export function loadServer() {
  const mod = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (req: string, ...rest: unknown[]) {
    if (req === 'server-only') return path.join(__dirname, '..', 'tests', 'helpers', 'empty.js');
    return original.call(this, req, ...rest);
  };
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('../server/db') as typeof import('../server/db')),
    ...(require('../server/banks') as typeof import('../server/banks')),
    ...(require('../server/cards') as typeof import('../server/cards')),
    ...(require('../server/reviews') as typeof import('../server/reviews')),
    ...(require('../server/exams') as typeof import('../server/exams')),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
