/**
 * The app shell: navigation, skip link, theme without a flash, 404, and axe + screenshots of
 * the dashboard (guest landing) and the not-found page.
 */
import { describeApp, runAxeBothThemes, screenshot } from './helpers';

describeApp('app shell', 'shell', (app) => {
  it('shows the main navigation with every section, the current one marked', async () => {
    const page = await app.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labels = await nav.getByRole('link').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(['Dashboard', 'Decks', 'Review', 'Quiz', 'Lab', 'Exam', 'Stats', 'Settings']);
    await expect(nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(nav.getByRole('link', { name: 'Decks' }).getAttribute('aria-current')).resolves.toBeNull();
  });

  it('has a skip link that is the first tab stop and moves focus to the content', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
  });

  it('renders the theme from the cookie on the server (no flash)', async () => {
    const page = await app.newPage();
    await page.context().addCookies([{ name: 'netprep-theme', value: 'dark', url: app.url }]);
    const res = await page.request.get('/');
    expect(await res.text()).toMatch(/<html[^>]*data-theme="dark"/);
    await page.context().addCookies([{ name: 'netprep-theme', value: 'bogus', url: app.url }]);
    const res2 = await page.request.get('/');
    expect(await res2.text()).not.toMatch(/<html[^>]*data-theme=/);
  });

  it('greets guests with a landing page that invites them to sign up', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/docker networking/i);
    expect(await page.getByRole('link', { name: /sign up|create a free account/i }).count()).toBeGreaterThan(0);
    await runAxeBothThemes(page, 'dashboard (guest)');
    await screenshot(page, 'dashboard-guest');
  });

  it('answers unknown pages with a helpful 404', async () => {
    const page = await app.newPage();
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true);
    await runAxeBothThemes(page, 'not found');
    await screenshot(page, 'not-found');
  });
});
