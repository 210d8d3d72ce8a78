/**
 * Flashcard review: a signed-in learner reviews ten cards with the keyboard only (space,
 * 1-4, u), the grades reach the store, undo takes one back, the card does not shift when it
 * flips; guests can try without saving. Axe and screenshots of /review.
 */
import type { Page } from 'playwright-core';
import { describeApp, runAxeBothThemes, screenshot, signUpLearner } from './helpers';

async function cardBox(page: Page) {
  const box = await page.getByTestId('flashcard').boundingBox();
  if (!box) throw new Error('no flashcard on the page');
  return box;
}

/** Wait until every grade and undo has reached the server. */
async function saved(page: Page) {
  await page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();
}

/** [cards done this session, done + cards left (new + learning + review counts)]. */
async function progress(page: Page): Promise<[number, number]> {
  const done = Number(/\d+/.exec(await page.getByTestId('review-progress').innerText())![0]);
  let left = 0;
  for (const id of ['count-new', 'count-learning', 'count-review']) left += Number(await page.getByTestId(id).innerText());
  return [done, done + left];
}

describeApp('review', 'review', (app) => {
  it('reviews ten cards with the keyboard, undoes one, and saves the grades', async () => {
    const page = await app.newPage();
    const user = await signUpLearner(page, app);
    await page.goto('/review');
    await page.locator('[data-testid="review-session"][data-ready]').waitFor();
    await page.getByTestId('flashcard').waitFor();
    const [, total] = await progress(page);
    expect(total).toBeGreaterThanOrEqual(10);

    // Revealing keeps the card exactly where it was (front and back share grid cells).
    const front = await cardBox(page);
    await page.keyboard.press('Space');
    await page.getByTestId('card-back').waitFor({ state: 'visible' });
    const back = await cardBox(page);
    expect(back.height).toBe(front.height);
    expect(back.y).toBe(front.y);
    for (const grade of ['Again', 'Hard', 'Good', 'Easy']) {
      await expect(page.getByRole('button', { name: new RegExp(`^${grade}`) }).isVisible()).resolves.toBe(true);
    }
    await screenshot(page, 'review-revealed', async (p) => {
      await p.locator('[data-testid="review-session"][data-ready]').waitFor();
      await p.keyboard.press('Space');
      await p.getByTestId('card-back').waitFor({ state: 'visible' });
    });
    await page.getByTestId('flashcard').waitFor();

    const grades = ['3', '4', '3', '1', '3', '2', '3', '4', '3', '3'];
    for (let i = 0; i < grades.length; i++) {
      // The screenshot left the first card revealed, its grade focused: Space there would take that grade.
      if (!(await page.getByTestId('card-back').isVisible())) await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor({ state: 'visible' });
      await page.keyboard.press(grades[i]);
      await page.waitForFunction((n) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${n} done`), i + 1);
    }
    expect((await progress(page))[0]).toBe(10);
    await saved(page);
    const count = await app.database.db.reviewLog.count({ where: { userId: user.id, undoneAt: null } });
    expect(count).toBe(10);

    // u takes the last grade back: the card returns, revealed, and the store marks the log undone.
    await page.keyboard.press('u');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(' 9 done'));
    await page.getByTestId('card-back').waitFor({ state: 'visible' });
    await saved(page);
    await expect(app.database.db.reviewLog.count({ where: { userId: user.id, undoneAt: null } })).resolves.toBe(9);
    await page.keyboard.press('3');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(' 10 done'));
    await saved(page);
    await expect(app.database.db.reviewLog.count({ where: { userId: user.id, undoneAt: null } })).resolves.toBe(10);

    // The dashboard reflects the session.
    await page.goto('/');
    await expect(page.getByText(/10 reviews in total/).isVisible()).resolves.toBe(true);
  });

  it('shows choices and a command task sensibly, and passes axe', async () => {
    const page = await app.newPage();
    await signUpLearner(page, app);
    await page.goto('/review');
    await page.locator('[data-testid="review-session"][data-ready]').waitFor();
    await page.getByTestId('flashcard').waitFor();
    await runAxeBothThemes(page, 'review (front)');
    await runAxeBothThemes(page, 'review (revealed)', async (p) => {
      await p.locator('[data-testid="review-session"][data-ready]').waitFor();
      await p.keyboard.press('Space');
      await p.getByTestId('card-back').waitFor({ state: 'visible' });
    });
    await screenshot(page, 'review');
  });

  it('lets guests try, says nothing is saved, and ends with a sign-up invitation', async () => {
    const page = await app.newPage();
    await page.goto('/review');
    await page.locator('[data-testid="review-session"][data-ready]').waitFor();
    await expect(page.getByRole('note').innerText()).resolves.toMatch(/kept in this browser/i);
    const [, total] = await progress(page);
    for (let i = 0; i < total; i++) {
      await page.getByRole('button', { name: /show answer/i }).click();
      await page.getByRole('button', { name: /^Good/ }).click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${n} done`), i + 1);
    }
    await page.getByTestId('review-done').waitFor();
    expect(await page.getByRole('link', { name: /create a free account/i }).count()).toBeGreaterThan(0);
    await screenshot(page, 'review-guest-done', async (p) => {
      // After a reload the guest sample starts again; show the done panel by finishing it quickly.
      await p.locator('[data-testid="review-session"][data-ready]').waitFor();
      const [, n] = await progress(p);
      for (let i = 0; i < n; i++) {
        await p.keyboard.press('Space');
        await p.keyboard.press('3');
        await p.waitForFunction((k) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${k} done`), i + 1);
      }
      await p.getByTestId('review-done').waitFor();
    });
  });
});
