/**
 * Stats: empty state before any review; after reviews, the three charts (uPlot canvases)
 * with table fallbacks and the mastery table. Axe and screenshots.
 */
import { describeApp, runAxeBothThemes, screenshot, signUpLearner } from './helpers';

describeApp('stats', 'stats', (app) => {
  it('invites guests to sign in', async () => {
    const page = await app.newPage();
    await page.goto('/stats');
    await expect(page.getByRole('heading', { name: /sign in to see your progress/i }).isVisible()).resolves.toBe(true);
    await runAxeBothThemes(page, 'stats (guest)');
  });

  it('charts reviews, retention and the forecast after some reviews', async () => {
    const page = await app.newPage();
    await signUpLearner(page, app);
    await page.goto('/stats');
    await page.getByRole('heading', { name: 'No reviews yet' }).waitFor();
    await screenshot(page, 'stats-empty');

    await page.goto('/review');
    await page.locator('[data-testid="review-session"][data-ready]').waitFor();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor({ state: 'visible' });
      await page.keyboard.press(i % 3 === 0 ? '4' : '3');
      await page.waitForFunction((n) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${n} done`), i + 1);
    }
    await page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();
    await page.goto('/stats');
    await page.locator('.chart canvas').first().waitFor();
    // Reviews per day and the forecast; true retention needs reviews of cards already in review.
    expect(await page.locator('.chart canvas').count()).toBe(2);
    await expect(page.getByText('Not enough data yet.').count()).resolves.toBe(1);
    await expect(page.getByText('Reviews, last 30 days').locator('..').innerText()).resolves.toMatch(/6/);
    await expect(page.getByRole('table').first().locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await runAxeBothThemes(page, 'stats', async (p) => {
      await p.locator('.chart canvas').first().waitFor();
    });
    await screenshot(page, 'stats', async (p) => {
      await p.locator('.chart canvas').first().waitFor();
    });
  });
});
