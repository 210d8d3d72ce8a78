import path from 'node:path';

/** Absolute path of the SQLite file named by a `file:` URL, relative paths taken from `cwd`. */
export function sqlitePath(url: string, cwd: string = process.cwd()): string {
  const p = url.replace(/^file:/, '').replace(/\?.*$/, '');
  // A run-time path (DATABASE_URL): keep Turbopack from tracing the whole project into the build.
  return path.resolve(/*turbopackIgnore: true*/ cwd, p);
}
