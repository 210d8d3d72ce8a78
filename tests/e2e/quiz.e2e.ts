/**
 * Quiz journey (issue 7): a guest takes a quiz with a typed answer and a command task answered
 * in the terminal with a correct spelling that differs from every reference solution.
 */
import type { Page } from 'playwright-core';
import { describeApp, runAxeBothThemes, screenshot } from './helpers';
import { findQuestion, typeInTerminal } from './quiz-helpers';

describeApp('quiz', 'quiz', (app) => {
  // A short typed answer, and the internal-bridge command task.
  const qa = findQuestion('short qa question', (q) => q.type === 'qa' && !!q.answer && /^`[\w-]+`$/.test(q.answer.trim()));
  const task = findQuestion('internal bridge task', (q) => q.type === 'command' && !!q.command?.solutions.some((s) => s.join(' ').includes('--internal --label tier=data backend')));
  // Reordered flags, --flag=value spelling, and the default driver named explicitly: in no reference solution.
  const mySpelling = 'docker network create --label=tier=data --driver=bridge --internal backend';

  const answerQa = async (page: Page) => {
    await page.getByLabel('Your answer').fill(`  ${qa.answer!.replace(/`/g, '').toUpperCase()}. `);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Correct!').waitFor();
  };
  const answerCommand = async (page: Page) => {
    await typeInTerminal(page, 'Answer terminal', [mySpelling]);
    await page.getByText('1 command will be checked.').waitFor();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Correct!').waitFor();
  };
  const quizUrl = `/quiz?go=1&ids=${encodeURIComponent(qa.id)},${encodeURIComponent(task.id)}`;

  it('offers decks, topics and lengths', async () => {
    expect(task.command!.solutions.map((s) => s.join(' '))).not.toContain(mySpelling);
    const page = await app.newPage();
    await page.goto('/quiz');
    await page.getByRole('heading', { name: 'Quiz', level: 1 }).waitFor();
    expect(await page.getByLabel('Deck or topic').locator('option').count()).toBeGreaterThan(10);
    await runAxeBothThemes(page, 'quiz picker');
    await screenshot(page, 'quiz-picker');
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.waitForURL(/go=1/);
    await page.getByText(/Question 1 of 10/).waitFor();
  });

  it('judges a typed answer leniently and a command task by what it does', async () => {
    const page = await app.newPage();
    await page.goto(quizUrl);
    await page.getByText('Question 1 of 2').waitFor();
    await answerQa(page);
    expect(await page.getByRole('link', { name: 'Read the note' }).getAttribute('href')).toBe(`/decks/${encodeURIComponent(qa.deck)}#L${qa.source.line}`);
    await page.getByRole('button', { name: 'Next question' }).click();

    await page.getByText('Question 2 of 2').waitFor();
    await answerCommand(page);
    await page.getByText('A reference solution:').or(page.getByText('Reference solutions:')).waitFor();
    await runAxeBothThemes(page, 'quiz command task', async (p) => {
      await p.getByText('Question 1 of 2').waitFor();
      await answerQa(p);
      await p.getByRole('button', { name: 'Next question' }).click();
      await answerCommand(p);
    });
    await screenshot(page, 'quiz-command', async (p) => {
      await answerQa(p);
      await p.getByRole('button', { name: 'Next question' }).click();
      await answerCommand(p);
      await p.evaluate(() => window.scrollTo(0, 0));
    });

    await page.getByRole('button', { name: 'See my score' }).click();
    await page.getByRole('heading', { name: /You scored 2 of 2/ }).waitFor();
  });

  it('keeps score, marks misses, and offers to retry them', async () => {
    const page = await app.newPage();
    await page.goto(quizUrl);
    await page.getByRole('button', { name: 'I don’t know' }).click();
    await page.getByText('Not quite.').waitFor();
    await page.getByRole('button', { name: 'Next question' }).click();
    await answerCommand(page);
    await page.getByRole('button', { name: 'See my score' }).click();
    await page.getByRole('heading', { name: /You scored 1 of 2/ }).waitFor();
    const retry = page.getByRole('link', { name: 'Retry the 1 missed' });
    expect(await retry.getAttribute('href')).toBe(`/quiz?go=1&ids=${encodeURIComponent(qa.id)}`);
    await runAxeBothThemes(page, 'quiz score', async (p) => {
      await p.getByRole('button', { name: 'I don’t know' }).click();
      await p.getByRole('button', { name: 'Next question' }).click();
      await answerCommand(p);
      await p.getByRole('button', { name: 'See my score' }).click();
    });
  });

  it('overrides a typed answer judged wrong with "I was right"', async () => {
    const page = await app.newPage();
    await page.goto(`/quiz?go=1&ids=${encodeURIComponent(qa.id)}`);
    await page.getByLabel('Your answer').fill('something else entirely');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Not quite.').waitFor();
    await page.getByRole('button', { name: 'I was right' }).click();
    await page.getByText('Counted as right.').waitFor();
    await page.getByRole('button', { name: 'See my score' }).click();
    await page.getByRole('heading', { name: /You scored 1 of 1/ }).waitFor();
  });
});
