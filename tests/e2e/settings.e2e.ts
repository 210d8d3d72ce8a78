/**
 * Settings: field-level validation errors, saving limits and retention to the store, the
 * theme applied from a cookie without a flash, the optimiser's report. Axe and screenshots.
 */
import { describeApp, runAxeBothThemes, screenshot, signUpLearner } from './helpers';

describeApp('settings', 'settings', (app) => {
  it('shows field errors next to bad values and saves good ones', async () => {
    const page = await app.newPage();
    const user = await signUpLearner(page, app);
    await page.goto('/settings');
    await runAxeBothThemes(page, 'settings');
    await screenshot(page, 'settings');

    const newPerDay = page.getByLabel('New cards per day');
    await newPerDay.fill('-3');
    await page.getByLabel('Desired retention').fill('99');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Check the highlighted fields.').waitFor();
    await expect(newPerDay.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText('At least 0.').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Above 97%/).isVisible()).resolves.toBe(true);
    await runAxeBothThemes(page, 'settings with errors', async (p) => {
      await p.getByLabel('New cards per day').fill('-3');
      await p.getByRole('button', { name: 'Save settings' }).click();
      await p.getByText('Check the highlighted fields.').waitFor();
    });

    await page.getByLabel('New cards per day').fill('7');
    await page.getByLabel('Maximum reviews per day').fill('120');
    await page.getByLabel('Desired retention').fill('85');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const row = await app.database.db.userSettings.findUnique({ where: { userId: user.id } });
    expect(row).toMatchObject({ newPerDay: 7, maxReviewsPerDay: 120, desiredRetention: 0.85 });
    await page.reload();
    await expect(page.getByLabel('New cards per day').inputValue()).resolves.toBe('7');
  });

  it('switches the theme: saved, then rendered by the server on every page', async () => {
    const page = await app.newPage();
    const user = await signUpLearner(page, app);
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save settings' }).click()]);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const html = await (await page.request.get('/decks')).text();
    expect(html).toMatch(/<html[^>]*data-theme="dark"/);
    const row = await app.database.db.userSettings.findUnique({ where: { userId: user.id } });
    expect(row?.theme).toBe('dark');
    await expect(page.getByRole('radio', { name: 'Dark' }).isChecked()).resolves.toBe(true);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
  });

  it('reports the retention achieved when asked to optimise', async () => {
    const page = await app.newPage();
    await signUpLearner(page, app);
    await page.goto('/settings');
    await page.getByRole('button', { name: /optimise my schedule/i }).click();
    await expect(page.getByRole('status').filter({ hasText: /reviews/ }).innerText()).resolves.toMatch(/Not enough history yet/);
  });

  it('lets guests pick a theme only', async () => {
    const page = await app.newPage();
    await page.goto('/settings');
    await expect(page.getByLabel('New cards per day').isDisabled()).resolves.toBe(true);
    await page.getByRole('radio', { name: 'Light' }).check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save settings' }).click()]);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });
});
