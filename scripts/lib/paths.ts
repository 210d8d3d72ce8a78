import path from 'node:path';

/** Project root: scripts/ lives directly under it. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const GENERATED_DIR = path.join(ROOT, 'generated');
export const BANK_FILE = path.join(GENERATED_DIR, 'bank.json');
export const NEXT_DIR = path.join(ROOT, '.next');
export const BUILD_STAMP = path.join(NEXT_DIR, 'netprep-source-hash');
export const PRISMA_BIN = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
