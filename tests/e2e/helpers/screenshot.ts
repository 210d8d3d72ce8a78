import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './app';
import { settle } from './axe';

/** Screenshots land here: test-results/screenshots/<name>-<desktop|phone>-<light|dark>.png */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

const VIEWPORTS = { desktop: DESKTOP, phone: PHONE } as const;
const THEMES = ['light', 'dark'] as const;

/**
 * Save full-page screenshots of the current page in light and dark, at desktop (1280x800)
 * and phone (360x740) width. The page's own theme and viewport are restored afterwards.
 * Returns the files written.
 */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const originalTheme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  const files: string[] = [];
  try {
    for (const [vpName, vp] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(vp);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
        // Let layout, transitions and any chart resize settle.
        await settle(page);
        await page.waitForTimeout(100);
        const file = path.join(SCREENSHOT_DIR, `${name}-${vpName}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        files.push(file);
      }
    }
  } finally {
    await page.evaluate((t) => {
      if (t === null) document.documentElement.removeAttribute('data-theme');
      else document.documentElement.setAttribute('data-theme', t);
    }, originalTheme);
    await page.emulateMedia({ colorScheme: null });
    if (original) await page.setViewportSize(original);
  }
  return files;
}
