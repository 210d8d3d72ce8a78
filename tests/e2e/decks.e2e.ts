/**
 * Decks: the list with counts by type and topics, a deck page with its rendered note, the
 * question index linking to source lines, and mastery once a learner has reviewed.
 */
import { runAxeBothThemes, screenshot, signUpLearner, startApp, type E2EApp } from './helpers';

describe('decks', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startApp('decks');
  }, 90000);
  afterAll(async () => {
    await app?.close();
  });

  it('lists every deck with its questions by type, and passes axe', async () => {
    const page = await app.newPage();
    await page.goto('/decks');
    const decks = page.locator('article');
    expect(await decks.count()).toBeGreaterThanOrEqual(2);
    const first = decks.first();
    await expect(first.getByRole('list', { name: 'Questions by type' }).isVisible()).resolves.toBe(true);
    await runAxeBothThemes(page, 'decks');
    await screenshot(page, 'decks');
  });

  it('opens a deck: the note is rendered and each question links to its source line', async () => {
    const page = await app.newPage();
    await page.goto('/decks');
    const link = page.locator('article h2 a').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/decks\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    const note = page.getByRole('article', { name: 'Study note' });
    // Sanitised HTML: no scripts, code highlighted, anchors on source lines.
    expect(await note.locator('script').count()).toBe(0);
    const index = page.getByRole('navigation', { name: 'Questions by topic' });
    const q = index.getByRole('link').nth(1);
    const href = await q.getAttribute('href');
    expect(href).toMatch(/^#L\d+$/);
    expect(await note.locator(href!).count()).toBe(1);
    await q.click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe(href);
    const target = await note.locator(href!).boundingBox();
    expect(target!.y).toBeLessThan(400); // scrolled into view below the sticky header
    await runAxeBothThemes(page, 'deck page');
    await screenshot(page, 'deck');
  });

  it('shows mastery per topic for a signed-in learner', async () => {
    const page = await app.newPage();
    await signUpLearner(page, app);
    await page.goto('/decks');
    await expect(page.getByRole('progressbar').first().getAttribute('aria-valuetext')).resolves.toBe('not started');
    await screenshot(page, 'decks-signed-in');
  });

  it('answers 404 for an unknown deck', async () => {
    const page = await app.newPage();
    const res = await page.goto('/decks/no-such-deck');
    expect(res?.status()).toBe(404);
  });
});
