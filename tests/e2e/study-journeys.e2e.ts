/**
 * Learner journeys of issue 14 (flashcards and honest numbers), at desktop and phone width:
 * a guest answers 5 flashcards, signs up and finds them in their stats; the review counts
 * follow every grade; bury and suspend take a card out; a report reaches the authors' page;
 * the end of a session tells the truth and sums it up; a quiz result is kept with a
 * "retry the missed" button on the stats page; the phone menu reaches every section.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeApp, PHONE, runAxeBothThemes, screenshot, signUpLearner, VIEWPORTS } from './helpers';

const ready = (page: Page) => page.locator('[data-testid="review-session"][data-ready]').waitFor();
const count = async (page: Page, id: string) => Number(await page.getByTestId(id).innerText());

async function gradeGood(page: Page) {
  await page.keyboard.press('Space');
  await page.getByTestId('card-back').waitFor({ state: 'visible' });
  await page.keyboard.press('3');
}

describeApp('study journeys (issue 14)', 'study14', (app) => {
  for (const [vpName, viewport] of VIEWPORTS) {
    it(`keeps a guest's 5 answers through sign-up and shows them in stats (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      await page.goto('/review');
      await ready(page);
      for (let i = 0; i < 5; i++) {
        await gradeGood(page);
        await page.waitForFunction((n) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${n} done`), i + 1);
      }
      const user = await signUpLearner(page, app);
      await expect(app.database.db.reviewLog.count({ where: { userId: user.id } })).resolves.toBe(5);
      await page.goto('/stats');
      await page.getByText('5 in total').waitFor();
      await screenshot(page, `i14-guest-answers-in-stats`);
      // A new account greets with "Welcome", not "Welcome back", once it has reviews it says back.
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: /^Welcome back/ }).waitFor();
    }, 120000);

    it(`counts cards like Anki, buries, suspends, reports and ends truthfully (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
      await page.goto('/review');
      await ready(page);
      const fresh = await count(page, 'count-new');
      expect(fresh).toBeGreaterThan(3);
      // Again on a new card: one fewer new, one more learning.
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor({ state: 'visible' });
      await page.keyboard.press('1');
      await page.waitForFunction((n) => document.querySelector('[data-testid="count-new"]')?.textContent === String(n), fresh - 1);
      await page.waitForFunction(() => document.querySelector('[data-testid="count-learning"]')?.textContent === '1');
      // Bury and suspend with the keys; the store holds both.
      const before = await count(page, 'count-new');
      await page.keyboard.press('b');
      await page.getByText('Buried until tomorrow.').waitFor();
      await page.keyboard.press('s');
      await page.getByText(/^Suspended/).waitFor();
      expect(await count(page, 'count-new')).toBe(before - 2);
      await page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();
      const holds = await app.database.db.cardHold.findMany({ where: { userId: user.id } });
      expect(holds.map((h) => h.kind).sort()).toEqual(['buried', 'suspended']);
      // Report a problem on the card in front.
      await page.getByTestId('report-open').click();
      await page.getByLabel(/What is wrong/).fill('abc');
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByRole('alert').filter({ hasText: /at least 5 characters/ }).waitFor();
      await page.getByLabel(/What is wrong/).fill('The answer misses the --attachable flag');
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByTestId('report-sent').waitFor();
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor({ state: 'visible' });
      await screenshot(page, 'i14-review-counts-actions', async (p) => {
        await ready(p);
        await p.keyboard.press('Space');
        await p.getByTestId('card-back').waitFor({ state: 'visible' });
      });
      await page.goto('/reports');
      await page.getByText('The answer misses the --attachable flag').first().waitFor();
      await runAxeBothThemes(page, 'authors reports page');
    }, 180000);
  }

  for (const [vpName, viewport] of VIEWPORTS) {
    it(`ends a session with what comes back later today, a countdown, and a summary (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      // A small session: one deck, 3 new cards a day.
      await app.database.db.userSettings.upsert({ where: { userId: user.id }, create: { userId: user.id, newPerDay: 3 }, update: { newPerDay: 3 } });
      // Written behind the server's back: let its short-lived settings cache (server/cache.ts, 5 s) expire.
      await page.waitForTimeout(5500);
      await page.goto('/review');
      await ready(page);
      // Again on every card: each comes back in a learning step, shown until the queue is empty.
      for (let k = 0; k < 12 && (await page.getByTestId('flashcard').count()); k++) {
        await page.keyboard.press('Space');
        await page.getByTestId('card-back').waitFor({ state: 'visible' });
        await page.keyboard.press(k < 3 ? '1' : '3');
        await page.waitForTimeout(150);
        await page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();
      }
      const end = page.getByTestId('session-end');
      await end.waitFor();
      await page.getByTestId('session-summary').waitFor();
      expect(await page.getByTestId('session-summary').innerText()).toMatch(/\d+ cards? in /);
      // Learning cards due later today are announced with a live countdown (not "nothing due").
      const later = await app.database.db.cardState.count({ where: { userId: user.id, state: { in: [1, 3] }, due: { gt: new Date() } } });
      if (later > 0) {
        await page.getByTestId('coming-back').waitFor();
        const t1 = await page.getByTestId('coming-back-countdown').innerText();
        await page.waitForTimeout(1500);
        expect(await page.getByTestId('coming-back-countdown').innerText()).not.toBe(t1);
      }
      await runAxeBothThemes(page, 'review end');
      if (vpName === 'desktop') await screenshot(page, 'i14-review-end-summary', async (p) => {
        await p.locator('[data-testid="review-session"][data-ready]').waitFor();
      });
    }, 180000);

    it(`keeps a quiz result and offers to retry the missed from the stats page (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      await signUpLearner(page, app);
      // Five typed or choice questions of the bank (command tasks have no "I don't know").
      const bank = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'generated', 'bank.json'), 'utf8')) as { questions: { id: string; type: string }[] };
      const ids = bank.questions.filter((q) => q.type !== 'command').slice(0, 5).map((q) => encodeURIComponent(q.id));
      await page.goto(`/quiz?go=1&ids=${ids.join(',')}`);
      for (let i = 0; i < 5; i++) {
        await page.getByRole('button', { name: /I don.t know/ }).click();
        await page.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
      }
      await page.getByRole('heading', { name: /You scored 0 of 5/ }).waitFor();
      await page.getByText(/in your quiz history/).waitFor();
      // The result is saved by a server action the page fires when the quiz ends: reload until it has landed.
      const history = page.getByTestId('quiz-history');
      for (let i = 0; i < 20; i++) {
        await page.goto('/stats');
        if (await history.getByText('0/5 (0%)').count()) break;
        await page.waitForTimeout(500);
      }
      await history.getByText('0/5 (0%)').waitFor();
      await history.getByRole('link', { name: 'Retry the 5 missed' }).click();
      await page.waitForURL(/\/quiz\?go=1&ids=/);
      await page.getByText('Question 1 of 5').waitFor();
      if (vpName === 'desktop') await screenshot(page, 'i14-quiz-retry-missed');
    }, 120000);
  }

  it('gives phones a menu that reaches every section', async () => {
    const page = await app.newPage({ viewport: PHONE });
    await page.goto('/');
    expect(await page.getByRole('link', { name: 'Settings' }).isVisible()).toBe(false);
    await openMenu(page);
    for (const name of ['Dashboard', 'Decks', 'Review', 'Quiz', 'Lab', 'Exam', 'Stats', 'Settings']) {
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).isVisible()).toBe(true);
    }
    await screenshot(page, 'i14-phone-menu', async (p) => {
      // Only phones have the menu button; the desktop shot shows the plain nav.
      if (await p.getByTestId('nav-toggle').isVisible()) await p.getByTestId('nav-toggle').click();
    });
    expect(await page.getByTestId('nav-toggle').isVisible()).toBe(true);
    await openMenu(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
    await page.waitForURL(/\/stats$/);
    expect(await page.getByRole('link', { name: 'Settings' }).isVisible()).toBe(false);
    const res = await page.request.get('/favicon.ico');
    expect(res.status()).toBe(200);
  }, 60000);
});

/** Open the phone menu: click the toggle until it reports expanded (the first click may land before hydration). */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('nav-toggle');
  for (let i = 0; i < 20 && (await toggle.getAttribute('aria-expanded')) !== 'true'; i++) {
    await toggle.click();
    await page.waitForTimeout(250);
  }
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
}
