import fs from 'node:fs';
import path from 'node:path';
import { hashTree } from './hash';

/** Everything a production build depends on. */
export const BUILD_INPUTS = [
  'app', 'components', 'lib', 'server', 'public', 'types', 'generated',
  'env.ts', 'auth.ts', 'auth.config.ts', 'auth-secret.ts', 'proxy.ts', 'next.config.js', 'tsconfig.json', 'package-lock.json',
];

/** Whether `.next` holds a build of the current sources. */
export function buildIsCurrentFor(root: string): { current: boolean; hash: string } {
  const hash = hashTree(root, BUILD_INPUTS);
  const stamp = path.join(root, '.next', 'netprep-source-hash');
  const current =
    fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
  return { current, hash };
}
