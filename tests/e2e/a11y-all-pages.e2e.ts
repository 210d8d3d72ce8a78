/**
 * Issue 14 "Done when": axe reports no violation on any page (minor ones included), in the
 * light and the dark theme, for a guest and for a signed-in learner. Every page is checked
 * before the test fails, so one run lists everything to fix.
 */
import type { Page } from 'playwright-core';
import { describeApp, runAxe, showInTheme, signUpLearner } from './helpers';

const found: string[] = [];

/** axe in both themes; every violation (any impact) is collected in `found`. */
async function runAxeBothThemes(page: Page, context: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await showInTheme(page, theme, prepare);
    try {
      const rest = await runAxe(page, `${context} (${theme})`);
      for (const v of rest) found.push(`${context} (${theme}): [${v.impact}] ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
    } catch (err) {
      found.push((err as Error).message);
    }
  }
  await showInTheme(page, 'system', prepare);
}

const GUEST_PAGES = ['/', '/decks', '/decks/net-bridge', '/review', '/review/custom', '/quiz', '/quiz?length=5&go=1', '/lab', '/exam', '/stats', '/settings', '/signin', '/signup', '/reports', '/no-such-page'];
const LEARNER_PAGES = ['/', '/decks', '/review', '/review/custom', '/review?custom=failed&days=7', '/quiz', '/quiz?length=5&go=1', '/exam', '/stats', '/settings', '/account', '/reports'];

describeApp('axe on every page, both themes (issue 14)', 'a11y14', (app) => {
  it('guest pages', async () => {
    const page = await app.newPage();
    await page.goto('/decks');
    const first = await page.locator('a[href^="/decks/"]').first().getAttribute('href');
    for (const url of [...GUEST_PAGES, ...(first ? [first] : [])]) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await runAxeBothThemes(page, `guest ${url}`);
    }
    expect(found).toEqual([]);
  }, 300000);

  it('learner pages, including an exam in progress, its result and its review', async () => {
    found.length = 0;
    const page = await app.newPage();
    await signUpLearner(page, app);
    for (const url of LEARNER_PAGES) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await runAxeBothThemes(page, `learner ${url}`);
    }
    await page.goto('/exam');
    await page.getByRole('button', { name: 'Start 10 questions' }).click();
    await runAxeBothThemes(page, 'exam start confirmation', async (p) => {
      await p.getByRole('button', { name: 'Start 10 questions' }).click();
    });
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(/\/exam\/[^/]+$/);
    await page.goto('/');
    await runAxeBothThemes(page, 'dashboard with an exam in progress');
    await page.getByRole('link', { name: 'Resume' }).click();
    await page.waitForURL(/\/exam\/[^/]+$/);
    await page.getByRole('button', { name: 'Submit exam' }).click();
    await page.getByRole('button', { name: 'Submit and see my score' }).click();
    await page.waitForURL(/\/result$/);
    await runAxeBothThemes(page, 'exam result');
    await page.goto(page.url().replace(/\/result$/, '/review?show=all'));
    await page.getByTestId('exam-review').waitFor();
    await runAxeBothThemes(page, 'exam review');
    expect(found).toEqual([]);
  }, 300000);
});
