/**
 * End-to-end harness: a production `next start` on a fresh SQLite per suite, driven by
 * Debian's Chromium through playwright-core.
 *
 *   describeApp('review', 'review', (app) => {      // app started/closed around the tests
 *   for (const [vpName, viewport] of VIEWPORTS) … // desktop 1280x800, phone 360x740
 *   const page = await app.newPage();
 *   await signUp(page);
 *   await page.goto('/review');
 *   await runAxe(page);                             // throws on serious/critical
 *   await screenshot(page, 'review');               // light+dark x desktop+phone
 *   });
 */
export { startApp, DESKTOP, PHONE, type E2EApp } from './app';
export { describeApp, VIEWPORTS } from './describe';
export { launchBrowser, CHROMIUM_PATH, CHROMIUM_ARGS } from './browser';
export { screenshot, SCREENSHOT_DIR } from './screenshot';
export { runAxe, runAxeBothThemes } from './axe';
export { showInTheme, settle, type PinnedTheme } from './theme';
export { signUp, signUpLearner, userIdOf, newAccount, E2E_SECRET, type TestAccount } from './account';
