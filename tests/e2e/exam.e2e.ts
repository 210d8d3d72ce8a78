/**
 * Practice exam journey (issue 7): a guest takes a short exam (DOMC items one option at a time,
 * choice items whole), reloads in the middle and resumes where they were, flags, submits, and
 * reads the result with the score per objective and every question explained.
 */
import type { Page } from 'playwright-core';
import { describeApp, runAxeBothThemes, screenshot } from './helpers';

describeApp('practice exam', 'exam', (app) => {
  const idle = (page: Page) => page.locator('section[aria-busy="false"]').waitFor();
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

  /** Answer the item on screen: DOMC options one by one (Yes to the first, then No), or the first choice. */
  async function answerCurrent(page: Page) {
    await idle(page);
    for (let k = 0; k < 10; k++) {
      const yes = page.getByRole('button', { name: /^Yes/ });
      if ((await yes.count()) === 0) break;
      await (k === 0 ? page.getByRole('button', { name: /^No/ }) : yes).click();
      await idle(page);
    }
    const choices = page.locator('fieldset input');
    if ((await choices.count()) > 0) {
      await choices.first().check();
      await page.getByText('Answer saved').waitFor();
    }
  }

  it('lists the full exam and shorter ones', async () => {
    const page = await app.newPage();
    await page.goto('/exam');
    await page.getByRole('heading', { name: 'Full exam' }).waitFor();
    expect(await page.getByText('55 questions').count()).toBeGreaterThan(0);
    expect(await page.getByText('90 minutes').count()).toBeGreaterThan(0);
    // Guests take short exams; the full one asks them to sign in.
    expect(await page.getByRole('button', { name: 'Start full exam' }).count()).toBe(0);
    await runAxeBothThemes(page, 'exam picker');
    await screenshot(page, 'exam');
  });

  it('takes a short exam, resumes after a reload, and shows the result', async () => {
    const page = await app.newPage();
    await page.goto('/exam');
    await page.getByRole('button', { name: 'Start 10 questions' }).click();
    // The clock starts only after a confirmation that says what the exam is like.
    await page.getByTestId('exam-start-confirm').getByText(/DOMC/).first().waitFor();
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(/\/exam\/[^/]+$/);
    await idle(page);
    expect(await heading(page)).toMatch(/Question 1\s+of 10/);
    expect(await page.getByText(/Option 1|Select (one|every)/).count()).toBeGreaterThan(0);
    await runAxeBothThemes(page, 'exam in progress');
    await screenshot(page, 'exam-runner');

    for (let i = 0; i < 4; i++) {
      await answerCurrent(page);
      await page.getByRole('button', { name: /^Next question/ }).click();
      await idle(page);
    }
    await page.getByRole('button', { name: /^Flag for review/ }).click();
    await page.getByRole('button', { name: /^Flagged/ }).waitFor();

    // Reload in the middle: the same question, the same answers and flag, the timer still running.
    const before = await page.locator('time').innerText();
    await page.reload();
    await idle(page);
    expect(await heading(page)).toMatch(/Question 5\s+of 10/);
    await page.getByText(/4\s+of 10 answered/).waitFor();
    await page.getByRole('button', { name: /^Flagged/ }).waitFor();
    expect(await page.getByRole('button', { name: /Question 5, .*flagged/ }).count()).toBe(1);
    expect(await page.locator('time').innerText()).not.toBe('--:--');
    expect(before).not.toBe('--:--');

    // Going back to a finished DOMC item offers no option to judge again.
    await page.getByRole('button', { name: /^Question 1,/ }).click();
    await idle(page);
    expect(await page.getByRole('button', { name: /^Yes/ }).count()).toBe(0);

    for (let i = 4; i < 10; i++) {
      await page.getByRole('button', { name: new RegExp(`^Question ${i + 1},`) }).click();
      await idle(page);
      await answerCurrent(page);
    }
    await page.getByText(/10\s+of 10 answered/).waitFor();
    await page.getByRole('button', { name: 'Submit exam' }).click();
    await page.getByRole('alertdialog', { name: 'Submit your exam?' }).waitFor();
    await page.getByRole('button', { name: 'Submit and see my score' }).click();
    await page.waitForURL(/\/result$/);

    await page.getByRole('heading', { name: /^(Passed|Not passed yet)$/ }).waitFor();
    await page.getByRole('heading', { name: 'Score by objective' }).waitFor();
    expect(await page.locator('#review > ol > li').count()).toBe(10);
    expect(await page.locator('#review a[href^="/decks/"]').count()).toBe(10);
    // Misses are open with their explanation; correct answers are folded.
    const right = await page.locator('#review li[data-ok]').count();
    expect(await page.locator('#review details[open]').count()).toBe(10 - right);
    await runAxeBothThemes(page, 'exam result');
    await screenshot(page, 'exam-result');

    // The attempt is over: its page now leads to the result.
    await page.goto(page.url().replace(/\/result$/, ''));
    await page.waitForURL(/\/result$/);
  });
});
