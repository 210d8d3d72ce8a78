/**
 * Issue 14 journeys the other files left out, at desktop and phone width:
 * - flashcards: after the reveal the suggested grade has the focus, and Enter or Space takes
 *   it; a topic answered half wrong reads "Recall now" below 100% on the stats page, the figure
 *   the server computes from FSRS retrievability (a card last failed counts as not recalled);
 * - quiz: 1-4 pick an option and Enter checks, then moves on, with the focus anywhere on the
 *   page (not in the answer form); a typed answer with a typo fixed on the way;
 * - stats: after two quizzes and two practice exams, the exam score trend and the quiz trend
 *   are drawn with their pass line and a readout; no topic is called "General".
 * Screenshots: i14-card-grade-focus, i14-stats-recall-now, i14-quiz-enter-anywhere,
 * i14-stats-trends (each -desktop|phone-light|dark.png).
 */
import type { Page } from 'playwright-core';
import { getMastery } from '@/server/cards';
import { describeApp, runAxeBothThemes, screenshot, signUpLearner, VIEWPORTS } from './helpers';
import { findQuestion, startShortExam, submitExam } from './quiz-helpers';

const ready = (page: Page) => page.locator('[data-testid="review-session"][data-ready]').waitFor();
const idle = (page: Page) => page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();

/** The grade key (1-4) of the focused element, or null when the focus is not on a grade button. */
const focusedGrade = (page: Page) => page.evaluate(() => document.activeElement?.closest('[role="group"] button[aria-keyshortcuts]')?.getAttribute('aria-keyshortcuts') ?? null);

/** A topic of choice questions (shown "Recall first", so no machine verdict): deck, section. */
const TOPIC = { deck: 'net-drivers', section: 'Choosing a driver' };

describeApp('honest numbers and keys (issue 14)', 'numbers14', (app) => {
  for (const [vpName, viewport] of VIEWPORTS) {
    it(`grades with the focused suggestion, and a half-failed topic reads its FSRS recall on stats (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      // Choice questions as "Recall first": the front is the question alone, Good is the default.
      await page.goto('/settings');
      await page.getByRole('radio', { name: /Recall first/ }).check();
      await page.getByRole('button', { name: /^Save/ }).click();
      await page.getByText('Settings saved.').waitFor();

      await page.goto(`/review?custom=topic&topic=${encodeURIComponent(`${TOPIC.deck}/${TOPIC.section}`)}`);
      await ready(page);
      // Four cards: Good by Enter on the focused grade, Again by 1, Good by Space, Again by 1.
      const keys = ['Enter', '1', 'Space', '1'] as const;
      for (const [i, key] of keys.entries()) {
        await page.keyboard.press('Space');
        await page.getByTestId('card-back').waitFor({ state: 'visible' });
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-keyshortcuts') === '3');
        expect(await focusedGrade(page)).toBe('3');
        if (i === 0) await screenshot(page, 'i14-card-grade-focus', async (p) => {
          await ready(p);
          await p.keyboard.press('Space');
          await p.waitForFunction(() => document.activeElement?.getAttribute('aria-keyshortcuts') === '3');
        });
        await page.keyboard.press(key);
        await page.waitForFunction((n) => document.querySelector('[data-testid="review-progress"]')?.textContent?.includes(` ${n} done`), i + 1);
        await idle(page);
      }
      const logs = await app.database.db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: 'asc' }, select: { rating: true } });
      expect(logs.map((l) => l.rating)).toEqual([3, 1, 3, 1]);

      // Stats: the topic's "Recall now" is below 100% and is the server's figure.
      await page.goto('/stats');
      const row = page.locator('tr', { has: page.getByText(TOPIC.section, { exact: true }) });
      await row.waitFor();
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[1]).toMatch(/^4\/\d+$/);
      const shown = Number(/^(\d+)%$/.exec(cells[3].trim())?.[1]);
      const mastery = await getMastery(user.id, { db: app.database.db });
      const topic = mastery.find((m) => m.deck === TOPIC.deck && m.topic[0] === TOPIC.section)!;
      expect(topic.seen).toBe(4);
      expect(shown).toBe(Math.round(topic.recall! * 100));
      expect(shown).toBeLessThan(100);
      expect(shown).toBeGreaterThan(0);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'i14-stats-recall-now');
    }, 180000);
  }

  const choice = findQuestion('single choice with 3+ options', (q) => q.type === 'single-choice' && (q.choices?.length ?? 0) >= 3 && !q.outdated);
  const typed = findQuestion('question answered "docker_gwbridge"', (q) => q.type === 'qa' && q.answer === '`docker_gwbridge`' && !q.outdated);
  const right = choice.choices!.findIndex((c) => c.correct) + 1;
  const wrong = choice.choices!.findIndex((c) => !c.correct) + 1;

  /** A quiz of the choice question then the typed one; the choice answered by key `pick`. */
  async function quiz(page: Page, pick: number, answer: 'right' | 'blank') {
    await page.goto(`/quiz?go=1&ids=${encodeURIComponent(choice.id)},${encodeURIComponent(typed.id)}`);
    await page.getByText('Question 1 of 2').waitFor();
    // The learner clicks on the question text (not the answer form), then uses the keys.
    await page.locator('article p').first().click();
    expect(await page.evaluate(() => !!document.activeElement?.closest('form'))).toBe(false);
    await page.keyboard.press(String(pick));
    expect(await page.getByRole('radio').nth(pick - 1).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(pick === right ? 'Correct!' : 'Not quite.').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Question 2 of 2').waitFor();
    const field = page.getByLabel('Your answer');
    if (answer === 'right') {
      // Typed as a person types: a slip ("brdige"), four Backspaces, the rest.
      await field.pressSequentially('docker_gwbrdige', { delay: 20 });
      for (let i = 0; i < 4; i++) await field.press('Backspace');
      await field.pressSequentially('idge', { delay: 20 });
      expect(await field.inputValue()).toBe('docker_gwbridge');
      await field.press('Enter');
      await page.getByText('Correct!').waitFor();
    } else {
      await page.getByRole('button', { name: /I don.t know/ }).click();
      await page.getByText('Not quite.').waitFor();
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /You scored \d of 2/ }).waitFor();
  }

  for (const [vpName, viewport] of VIEWPORTS) {
    it(`picks quiz options with 1-4 and Enter from anywhere; stats draw the exam and quiz trends, no topic reads "General" (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      await quiz(page, right, 'right');
      if (viewport === VIEWPORTS[0][1]) await screenshot(page, 'i14-quiz-enter-anywhere');
      await quiz(page, wrong, 'blank');
      // Both results are saved by a server action as each quiz ends.
      const finished = () => app.database.db.quizSession.count({ where: { userId: user.id, finishedAt: { not: null } } });
      for (let i = 0; i < 40 && (await finished()) < 2; i++) await page.waitForTimeout(250);
      expect(await finished()).toBe(2);

      // Two practice exams, submitted early.
      for (let i = 0; i < 2; i++) {
        await startShortExam(page);
        await submitExam(page);
      }

      await page.goto('/stats');
      const exams = page.locator('section.card', { has: page.getByRole('heading', { name: 'Practice exam scores' }) });
      const examTrend = exams.getByRole('img', { name: /^Score trend over 2 attempts: from \d+(\.\d+)?% to \d+(\.\d+)?%$/ });
      await examTrend.waitFor();
      expect(await exams.locator('figcaption').innerText()).toMatch(/^2 attempts · latest \d+(\.\d+)?% \([+-]?\d+(\.\d+)? points? since the first\)$/);
      expect(await exams.getByTestId('trend-legend').innerText()).toMatch(/Score per attempt\s+Pass mark 70%/);
      const quizzes = page.getByTestId('quiz-history');
      await quizzes.getByRole('img', { name: /^Score trend over 2 attempts: from 100% to 0%$/ }).waitFor();
      expect(await quizzes.locator('figcaption').innerText()).toMatch(/^2 attempts · latest 0% \(-100 points since the first\)$/);
      expect(await quizzes.getByTestId('trend-legend').innerText()).toMatch(/Score per attempt\s+Pass mark 70%/);
      expect(await quizzes.getByRole('link', { name: 'Retry the 2 missed' }).count()).toBe(1);
      // Every topic has a real name.
      const body = await page.locator('main').innerText();
      expect(body).not.toMatch(/\bGeneral\b/);
      const topics = await page.locator('table').last().locator('tbody tr td:first-child > div').allInnerTexts();
      expect(topics.length).toBeGreaterThan(10);
      for (const t of topics) expect(t.trim()).not.toMatch(/^(General|)$/);
      await runAxeBothThemes(page, 'stats with exam and quiz trends');
      await screenshot(page, 'i14-stats-trends');
    }, 240000);
  }
});
