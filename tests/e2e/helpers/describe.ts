import { DESKTOP, PHONE, startApp, type E2EApp } from './app';

/** The two widths every journey runs at, by name: `for (const [vpName, viewport] of VIEWPORTS)`. */
export const VIEWPORTS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

/**
 * A describe block with its own app (fresh database, `next start`, Chromium): started before
 * the first test, closed after the last. `fn` gets the app as a handle that is live inside
 * the tests (it forwards to the app started in beforeAll).
 *
 *   describeApp('study journeys', 'study14', (app) => {
 *     it('…', async () => { const page = await app.newPage(); … });
 *   });
 */
export function describeApp(name: string, label: string, fn: (app: E2EApp) => void, extraEnv: Record<string, string> = {}): void {
  describe(name, () => {
    let started: E2EApp | undefined;
    const live = (): E2EApp => {
      if (!started) throw new Error(`describeApp(${label}): the app is used outside a test (it starts in beforeAll)`);
      return started;
    };
    const app: E2EApp = {
      get url() { return live().url; },
      get server() { return live().server; },
      get database() { return live().database; },
      get browser() { return live().browser; },
      newPage: (opts) => live().newPage(opts),
      close: () => live().close(),
    };
    beforeAll(async () => {
      started = await startApp(label, extraEnv);
    }, 90000);
    afterAll(async () => {
      await started?.close();
    });
    fn(app);
  });
}
