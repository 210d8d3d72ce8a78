/**
 * Practice exam journeys of issue 14, at desktop and phone width: the start asks first and
 * describes the exam; the exam bar stays on screen while the page scrolls; → and F move on and
 * flag (shown on screen); an early submit says "Not answered" and "Not examined", with the
 * score rounded one way; review mode steps through the missed questions and adds one to the
 * flashcards; the dashboard shows an exam in progress with Resume and the time left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeApp, runAxeBothThemes, SCREENSHOT_DIR, screenshot, signUpLearner, VIEWPORTS } from './helpers';
import { examIdle as idle, startShortExam, submitExam } from './quiz-helpers';

describeApp('exam journeys (issue 14)', 'exam14', (app) => {
  for (const [vpName, viewport] of VIEWPORTS) {
    it(`keeps the exam bar visible, moves with keys, and reviews an early submit (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      if (vpName === 'desktop') {
        // The confirmation that says what the exam is like, before any clock starts.
        const ask = async (p: typeof page) => {
          await p.getByRole('button', { name: 'Start 10 questions' }).click();
          await p.getByTestId('exam-start-confirm').waitFor();
        };
        await page.goto('/exam');
        await ask(page);
        await screenshot(page, 'i14-exam-start-confirm', ask);
      }
      await startShortExam(page);

      // The dashboard shows the running exam with Resume and the time left.
      await page.goto('/');
      const card = page.getByTestId('exam-in-progress');
      await card.waitFor();
      await card.locator('time').filter({ hasText: /\d+:\d\d/ }).waitFor();
      await screenshot(page, `i14-dashboard-exam-in-progress`);
      await card.getByRole('link', { name: 'Resume' }).click();
      await page.waitForURL(/\/exam\/[^/]+$/);
      await idle(page);

      // Keys are shown on screen.
      expect(await page.getByTestId('exam-keys').innerText()).toMatch(/next.*previous.*flag/s);
      // A short window (the question taller than it), scrolled to the bottom: the bar with the
      // timer and Submit stays at the top edge.
      await page.setViewportSize({ width: viewport.width, height: 420 });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
      const bar = await page.locator('[data-exam-runner] > header').boundingBox();
      expect(bar).not.toBeNull();
      expect(bar!.y).toBeGreaterThanOrEqual(-1);
      expect(bar!.y).toBeLessThan(5);
      expect(await page.getByRole('button', { name: 'Submit exam' }).isVisible()).toBe(true);
      // What the learner sees scrolled down (the window, not the full page): the bar on top.
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `i14-exam-bar-scrolled-${vpName}.png`), animations: 'disabled' });
      await page.setViewportSize(viewport);

      // F flags, → moves on.
      await page.keyboard.press('f');
      await page.getByRole('button', { name: /^Flagged/ }).waitFor();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('heading', { level: 1, name: /Question 2/ }).waitFor();
      await idle(page);
      // Answer question 2 with the keyboard when it is DOMC (Y/N), else pick the first option.
      if (await page.getByRole('button', { name: /^Yes/ }).count()) {
        for (let k = 0; k < 8 && (await page.getByRole('button', { name: /^No/ }).count()); k++) {
          await page.keyboard.press('n');
          await idle(page);
        }
      } else {
        await page.locator('fieldset input').first().check();
        await page.getByText('Answer saved').waitFor();
      }
      await screenshot(page, 'i14-exam-runner-keys');

      // Submit early.
      await submitExam(page);
      await page.getByRole('heading', { name: /^(Passed|Not passed yet)$/ }).waitFor();
      expect(await page.getByText('Not answered', { exact: false }).count()).toBeGreaterThanOrEqual(8);
      expect(await page.getByText(/Not examined/).count()).toBeGreaterThan(0);
      // The ring and the sentence agree on the score.
      const ring = await page.locator('svg[role="img"]').first().getAttribute('aria-label');
      const pct = /Score ([\d.]+%)/.exec(ring ?? '')![1];
      expect(await page.getByText(`(${pct})`).count()).toBe(1);
      await runAxeBothThemes(page, 'exam result (early submit)');
      await screenshot(page, 'i14-exam-result-early');

      // Review mode: step through the missed, add one to the flashcards.
      await page.getByRole('link', { name: /^Review the \d+ missed/ }).click();
      await page.waitForURL(/\/review\?show=missed/);
      const review = page.getByTestId('exam-review');
      await review.waitFor();
      const first = await review.getByRole('heading', { level: 1 }).innerText();
      await review.getByTestId('add-to-flashcards').click();
      await review.getByText('Added: due in your reviews now').waitFor();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((t) => document.querySelector('#review-item-heading')?.textContent !== t, first);
      await runAxeBothThemes(page, 'exam review mode');
      await screenshot(page, 'i14-exam-review-mode');
      // Report a problem from the review.
      await review.getByTestId('report-open').click();
      await review.getByLabel(/What is wrong/).fill('The key looks wrong to me');
      await review.getByRole('button', { name: 'Send report' }).click();
      await review.getByTestId('report-sent').waitFor();

      // The added question is in the learner's reviews, due now.
      const logs = await app.database.db.reviewLog.count({ where: { userId: user.id, source: 'exam' } });
      expect(logs).toBe(1);
      const reports = await app.database.db.problemReport.findMany({ where: { userId: user.id } });
      expect(reports).toHaveLength(1);
      expect(reports[0].bankVersion).toMatch(/^[0-9a-f]{12}$/);
    }, 180000);
  }

  it('guests see the flagged filter and an empty "flagged" review says so', async () => {
    const page = await app.newPage();
    await startShortExam(page);
    await submitExam(page);
    await page.goto(page.url().replace(/\/result$/, '/review?show=flagged'));
    await page.getByText('You flagged no question in this exam.').waitFor();
  }, 90000);
});
