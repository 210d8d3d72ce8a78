import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { launchBrowser } from './browser';
import { E2E_SECRET } from './account';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

export interface E2EApp {
  /** Base URL of the running `next start`, e.g. http://127.0.0.1:41234 */
  url: string;
  server: RunningServer;
  /** The throwaway SQLite database the server uses (a fresh migrated copy). */
  database: TestDatabase;
  browser: Browser;
  /** A new isolated browser context (own cookies) with one page at desktop size. */
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Start the production app on a free port with its own fresh database, and a Chromium.
 * Call in beforeAll (allow ~60 s) and close in afterAll.
 */
export async function startApp(label: string, extraEnv: Record<string, string> = {}): Promise<E2EApp> {
  const database = freshDatabase(`e2e-${label}`);
  const server = await startServer({ DATABASE_URL: database.url, NEXTAUTH_SECRET: E2E_SECRET, ...extraEnv }, 60000);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    server,
    database,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({ baseURL: server.url, viewport: opts.viewport ?? DESKTOP, reducedMotion: 'reduce' });
      contexts.push(context);
      context.setDefaultTimeout(20000);
      context.setDefaultNavigationTimeout(45000);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
      await database.close();
    },
  };
}
