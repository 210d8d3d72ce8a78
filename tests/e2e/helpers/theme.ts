import type { Page } from 'playwright-core';

export type PinnedTheme = 'light' | 'dark';

/**
 * Show the page in a theme the way a learner gets it: set the theme cookie and reload, so the
 * server renders <html data-theme>. (Flipping the attribute or the emulated colour scheme on a
 * live page leaves some inherited colours stale in Chromium, which would fool axe and the
 * screenshots.) `prepare` runs after the reload to bring the page back to the state under test.
 */
export async function showInTheme(page: Page, theme: PinnedTheme | 'system', prepare?: (page: Page) => Promise<void>): Promise<void> {
  const url = new URL(page.url());
  await page.context().addCookies([{ name: 'netprep-theme', value: theme, domain: url.hostname, path: '/' }]);
  await page.reload({ waitUntil: 'load' });
  if (prepare) await prepare(page);
  await settle(page);
}

/** Wait two frames and any running CSS transitions, so computed colours and layout are final. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}
