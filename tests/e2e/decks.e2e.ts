/**
 * Decks (issues 5 and 14): the list with counts by type and topics; a deck page that reads as
 * study material (the note's prose by section, its questions listed apart with the answers
 * hidden until revealed), on a desktop and a phone; mastery once a learner has reviewed.
 */
import type { Page } from 'playwright-core';
import { describeApp, PHONE, runAxe, runAxeBothThemes, screenshot, showInTheme, signUpLearner } from './helpers';
import { readBank } from './quiz-helpers';

/** axe in both themes, failing on any violation (minor ones included). */
async function axeClean(page: Page, context: string, prepare?: (p: Page) => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await showInTheme(page, theme, prepare);
    const rest = await runAxe(page, `${context} (${theme})`);
    expect(rest.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
  await showInTheme(page, 'system', prepare);
}

const note = (page: Page) => page.getByRole('article', { name: 'Study note' });

describeApp('decks', 'decks', (app) => {
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

  it('reads a deck as study material: sections, questions apart, answers hidden until revealed', async () => {
    const page = await app.newPage();
    await page.goto('/decks');
    await page.getByRole('link', { name: "Bridge networks for developers' containers" }).click();
    await page.waitForURL(/\/decks\/net-bridge$/);
    const article = note(page);
    // No question syntax, tags or line numbers in the reading.
    const text = await article.innerText();
    expect(text).not.toMatch(/\b(Tags|Explanation|Docs):/);
    expect(text).not.toMatch(/\bL\d+\b/);
    expect(await article.locator('script').count()).toBe(0);

    // Sections from the note's headings, each with its own list of questions.
    const contents = page.getByRole('navigation', { name: 'Contents' });
    const sections = await contents.getByRole('link').allInnerTexts();
    expect(sections.length).toBeGreaterThanOrEqual(2);
    await contents.getByRole('link').nth(1).click();
    const heading = article.getByRole('heading', { level: 2 }).nth(1);
    expect((await heading.boundingBox())!.y).toBeLessThan(300);
    expect(await article.getByRole('heading', { name: /^Check yourself: \d+ questions?$/ }).count()).toBe(sections.length);

    // The first question: options shown, key hidden until "Show answer".
    const q = article.locator('li[id^="L"]').first();
    const answer = q.getByText(/^Correct options?$/);
    expect(await answer.isVisible()).toBe(false);
    await q.getByText('Show answer').click();
    await answer.waitFor();
    await q.getByText('Hide answer').waitFor();
    await q.getByText('Why').waitFor();

    // A flashcard's "source" link (#L<line>) lands on its question.
    const bank = readBank();
    const cmd = bank.questions.find((x) => x.deck === 'net-bridge' && x.type === 'command')!;
    await page.goto(`/decks/net-bridge#L${cmd.source.line}`);
    const target = article.locator(`#L${cmd.source.line}`);
    await target.getByRole('link', { name: 'Try it in the lab' }).waitFor();
    expect((await target.boundingBox())!.y).toBeLessThan(400);

    // Show all answers opens every reveal.
    await page.getByRole('button', { name: 'Show all answers' }).click();
    const open = await article.locator('details').evaluateAll((ds) => ds.every((d) => (d as HTMLDetailsElement).open));
    expect(open).toBe(true);
    await page.getByRole('button', { name: 'Hide all answers' }).click();

    const reveal = async (p: Page) => {
      await note(p).locator('li[id^="L"]').nth(1).getByText('Show answer').click();
    };
    await axeClean(page, 'deck page', reveal);
    await screenshot(page, 'deck', reveal);
  });

  it('keeps the prose of a note written as plain text', async () => {
    const page = await app.newPage();
    await page.goto('/decks/docker-networking');
    const article = note(page);
    await article.getByText(/User-defined bridges provide better isolation/).first().waitFor();
    // Generated questions are listed apart, after their section's prose.
    expect(await article.getByRole('heading', { name: /^Check yourself/ }).count()).toBeGreaterThan(2);
    await screenshot(page, 'deck-prose');
  });

  it('works on a phone: reveal an answer without sideways scrolling', async () => {
    const page = await app.newPage({ viewport: PHONE });
    await page.goto('/decks/net-overlay-swarm');
    const q = note(page).locator('li[id^="L"]').first();
    await q.getByText('Show answer').click();
    await q.getByText('Hide answer').waitFor();
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
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
