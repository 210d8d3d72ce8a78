import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from './describe';
import { showInTheme } from './theme';

/** Screenshots land here: test-results/screenshots/<name>-<desktop|phone>-<light|dark>.png */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

const THEMES = ['light', 'dark'] as const;

/**
 * Save full-page screenshots of the current page in light and dark, at desktop (1280x800) and
 * phone (360x740) width. Each theme is shown by cookie + reload (see showInTheme); pass
 * `prepare` to bring a stateful page (a revealed card, an open menu) back after the reload.
 * The viewport is restored and the page left in the system theme. Returns the files written.
 */
export async function screenshot(page: Page, name: string, prepare?: (page: Page) => Promise<void>): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  try {
    for (const [vpName, vp] of VIEWPORTS) {
      await page.setViewportSize(vp);
      for (const theme of THEMES) {
        await showInTheme(page, theme, prepare);
        await page.waitForTimeout(100);
        const file = path.join(SCREENSHOT_DIR, `${name}-${vpName}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        files.push(file);
      }
    }
  } finally {
    if (original) await page.setViewportSize(original);
    await showInTheme(page, 'system', prepare);
  }
  return files;
}
