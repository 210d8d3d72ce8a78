/**
 * Issue 14, the rest of the learner's controls, at desktop and phone width: suspended and
 * buried cards released from Settings and from the card's notice; custom study (failed
 * cards, one topic, review ahead) from its own page, each session saying what it is; the
 * stats charts' legend and readout (no "Date: Reviews: -"), read by hover and by keyboard;
 * lab scenario ticks kept per account (a guest's ticks move in at sign-up); no "1 questions"
 * anywhere a learner goes; a question-only deck reads as key points per section. Screenshots: i14-held-cards, i14-custom-study, i14-custom-session,
 * i14-stats-chart-readout, i14-lab-ticks-account, i14-deck-key-points (each -desktop|phone-light|dark.png).
 */
import type { Page } from 'playwright-core';
import { describeApp, PHONE, runAxeBothThemes, screenshot, signUpLearner, VIEWPORTS } from './helpers';
import { findQuestion, typeInTerminal } from './quiz-helpers';

const ready = (page: Page) => page.locator('[data-testid="review-session"][data-ready]').waitFor();
const idle = (page: Page) => page.locator('[data-testid="review-session"]:not([data-saving])').waitFor();
const count = async (page: Page, id: string) => Number(await page.getByTestId(id).innerText());

/** Show the answer and grade it (1 again ... 4 easy), then wait for the save. */
async function grade(page: Page, key: '1' | '3') {
  await page.keyboard.press('Space');
  await page.getByTestId('card-back').waitFor({ state: 'visible' });
  await page.keyboard.press(key);
  await page.waitForTimeout(100);
  await idle(page);
}

/** Text a learner reads must never say "1 questions", "1 cards", "about 1 minutes"... */
async function expectNoBadPlural(page: Page, where: string) {
  const text = await page.locator('body').innerText();
  const bad = text.match(/(?<![\d.,])1 (questions|cards|minutes|reviews|days|decks|topics|attempts|nodes|networks|containers|services|scenarios|grades|commands|seconds|hours)\b/);
  expect(bad ? `${where}: "${bad[0]}"` : null).toBeNull();
}

describeApp('learner controls (issue 14)', 'controls14', (app) => {
  for (const [vpName, viewport] of VIEWPORTS) {
    it(`releases suspended and buried cards from the card and from Settings (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      await page.goto('/review');
      await ready(page);
      const fresh = await count(page, 'count-new');
      const first = await page.getByTestId('flashcard').innerText();
      // Suspend, change one's mind: the notice's Unsuspend brings the same card back in front.
      await page.keyboard.press('s');
      await page.getByTestId('review-notice').getByText(/^Suspended/).waitFor();
      expect(await count(page, 'count-new')).toBe(fresh - 1);
      await idle(page);
      await page.getByTestId('take-back').click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="count-new"]')?.textContent === String(n), fresh);
      expect(await page.getByTestId('flashcard').innerText()).toBe(first);
      await idle(page);
      expect(await app.database.db.cardHold.count({ where: { userId: user.id } })).toBe(0);
      // Suspend it for real, bury the next one.
      await page.keyboard.press('s');
      await page.getByTestId('review-notice').waitFor();
      await page.keyboard.press('b');
      await page.getByText('Buried until tomorrow.').waitFor();
      await idle(page);
      expect(await app.database.db.cardHold.count({ where: { userId: user.id } })).toBe(2);

      await page.goto('/settings');
      const held = page.getByTestId('held-card');
      await held.nth(1).waitFor();
      expect(await held.count()).toBe(2);
      expect(await held.nth(0).innerText()).toMatch(/Buried[\s\S]*since[\s\S]*back/);
      expect(await held.nth(1).innerText()).toMatch(/Suspended[\s\S]*since/);
      await page.getByText('1 suspended card, 1 buried card').waitFor();
      await runAxeBothThemes(page, 'settings with held cards');
      await screenshot(page, 'i14-held-cards');
      await page.getByRole('button', { name: /^Unsuspend: / }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="held-card"]').length === 1);
      await page.getByRole('button', { name: /^Unbury: / }).click();
      await page.getByTestId('held-cards-empty').waitFor();
      expect(await app.database.db.cardHold.count({ where: { userId: user.id } })).toBe(0);
      // Both are back in the queue.
      await page.goto('/review');
      await ready(page);
      expect(await count(page, 'count-new')).toBe(fresh);
    }, 150000);

    it(`studies more: failed cards, one topic, review ahead, each session saying what it is (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      const user = await signUpLearner(page, app);
      await page.goto('/review');
      await ready(page);
      // Two failed, four learning (Good on a new card: back in minutes).
      await grade(page, '1');
      await grade(page, '1');
      for (let i = 0; i < 4; i++) await grade(page, '3');
      await page.goto('/review');
      await ready(page);
      await page.getByTestId('study-more-link').click();
      await page.waitForURL(/\/review\/custom$/);
      await page.getByRole('heading', { level: 1, name: 'Custom study' }).waitFor();
      const failedSelect = page.getByLabel('Failed in the', { exact: true });
      expect(await failedSelect.locator('option').first().innerText()).toBe('last day (2 cards)');
      await expectNoBadPlural(page, '/review/custom');
      await runAxeBothThemes(page, 'custom study page');
      await screenshot(page, 'i14-custom-study');

      await page.getByRole('button', { name: 'Study failed cards' }).click();
      await page.waitForURL(/custom=failed&days=1/);
      await page.getByRole('heading', { level: 1, name: 'Custom study: failed cards' }).waitFor();
      await page.getByText(/2 cards in this session/).waitFor();
      await ready(page);
      await screenshot(page, 'i14-custom-session', ready);
      await grade(page, '3');
      await grade(page, '3');
      // The failed cards are learning cards due in minutes: one may come back; finish whatever is left.
      for (let i = 0; i < 6 && (await page.getByTestId('flashcard').count()); i++) await grade(page, '3');
      await page.getByRole('heading', { name: 'Custom session finished' }).waitFor();

      // One topic: the section of the first card studied.
      await page.goto('/review/custom');
      const topicSelect = page.getByLabel('Topic', { exact: true });
      // A named section (not a deck's overview), a few options down.
      const value = await topicSelect.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value).filter((v) => !v.endsWith('/'))[2]);
      await topicSelect.selectOption(value);
      await page.getByRole('button', { name: 'Study this topic' }).click();
      await page.waitForURL(/custom=topic/);
      const section = value.slice(value.indexOf('/') + 1);
      await page.getByRole('heading', { level: 1, name: `Custom study: ${section}` }).waitFor();
      await ready(page);

      // Review ahead over 30 days: the learnt cards, not due yet.
      await page.goto('/review/custom');
      await page.getByLabel('Due in the', { exact: true }).selectOption('30');
      await page.getByRole('button', { name: 'Review ahead' }).click();
      await page.waitForURL(/custom=ahead&days=30/);
      await page.getByRole('heading', { level: 1, name: 'Custom study: review ahead' }).waitFor();
      const ahead = Number((await page.getByText(/\d+ cards? in this session/).innerText()).match(/(\d+) cards? in this session/)![1]);
      expect(ahead).toBeGreaterThan(0);
      expect(ahead).toBeLessThanOrEqual(await app.database.db.cardState.count({ where: { userId: user.id, state: { not: 0 } } }));

      // A mistyped URL says what is wrong.
      await page.goto('/review?custom=failed&days=99');
      await page.getByRole('alert').getByText('"days" must be a whole number from 1 to 30 (got "99").').waitFor();
    }, 180000);

    it(`labels the review chart and reads its values on hover and by keyboard (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      await signUpLearner(page, app);
      await page.goto('/review');
      await ready(page);
      await grade(page, '3');
      await page.goto('/stats');
      const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Reviews per day' }) });
      await card.getByTestId('chart-legend').getByText('Reviews per day').waitFor();
      const readout = card.getByTestId('chart-readout');
      await readout.getByText(/^1 review over \d+ days; most on /).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(/Date:|Reviews: -|Reviews: –/);
      // Keyboard: focus the chart, End goes to today.
      const chart = card.getByRole('img', { name: /Reviews per day/ });
      await chart.focus();
      await page.keyboard.press('End');
      await readout.getByText(/^\w{3},? \d{1,2} \w{3}: 1 review$/).waitFor();
      await page.keyboard.press('ArrowLeft');
      await readout.getByText(/^\w{3},? \d{1,2} \w{3}: 0 reviews$/).waitFor();
      // Hover: the value under the pointer; leaving puts the summary back.
      await page.keyboard.press('Tab');
      await readout.getByText(/over \d+ days/).waitFor();
      const box = (await chart.locator('canvas').boundingBox())!;
      await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2);
      await readout.getByText(/: 1 review$/).waitFor();
      await expectNoBadPlural(page, '/stats');
      await screenshot(page, 'i14-stats-chart-readout', async (p) => {
        await p.getByRole('img', { name: /Reviews per day/ }).focus();
        await p.keyboard.press('End');
      });
      for (const url of ['/', '/decks', '/exam', '/quiz', '/review/custom']) {
        await page.goto(url);
        await expectNoBadPlural(page, url);
      }
    }, 150000);
  }

  for (const [vpName, viewport] of VIEWPORTS) {
    it(`reads a question-only deck as study material: key points per section, questions apart, answers hidden (${vpName})`, async () => {
      const page = await app.newPage({ viewport });
      await page.goto('/decks/net-bridge');
      const digest = page.getByTestId('section-digest').first();
      await digest.getByText('Key points').waitFor();
      expect((await digest.innerText()).length).toBeGreaterThan(300);
      expect(await digest.getByRole('link').count()).toBeGreaterThan(0);
      // The questions follow, their answers closed until asked for.
      const reveals = page.locator('details', { hasText: 'Show answer' });
      expect(await reveals.count()).toBeGreaterThan(3);
      expect(await page.locator('details[open]', { hasText: 'Show answer' }).count()).toBe(0);
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      expect(scroll).toBeLessThanOrEqual(width);
      await expectNoBadPlural(page, '/decks/net-bridge');
      await runAxeBothThemes(page, 'deck with key points');
      if (vpName === 'desktop') await screenshot(page, 'i14-deck-key-points');
    }, 120000);
  }

  it('keeps lab ticks in the account: a guest solves a scenario, signs up, and sees it done on another device (desktop and phone)', async () => {
    const connect = findQuestion('connect task', (q) => q.type === 'command' && !!q.command?.solutions.some((s) => s.join(' ') === 'docker network connect my-net my-nginx'));
    const page = await app.newPage();
    await page.goto(`/lab?scenario=${encodeURIComponent(connect.id)}`);
    await page.getByRole('heading', { name: 'Task' }).waitFor();
    await typeInTerminal(page, 'Lab terminal', ['docker network connect my-net my-nginx']);
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.getByText(/^Correct/).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('netprep.lab.done'))).toContain(connect.id);
    const user = await signUpLearner(page, app);
    await page.goto('/lab');
    // The browser's tick moves into the account, then leaves the browser.
    for (let i = 0; i < 40 && (await app.database.db.labDone.count({ where: { userId: user.id } })) === 0; i++) await page.waitForTimeout(250);
    expect((await app.database.db.labDone.findMany({ where: { userId: user.id } })).map((r) => r.scenarioId)).toEqual([connect.id]);
    await page.waitForFunction(() => localStorage.getItem('netprep.lab.done') === null);

    // Another device (a fresh browser context, phone sized): sign in, the tick is there.
    const phone = await app.newPage({ viewport: PHONE });
    await phone.goto('/signin');
    await phone.getByLabel(/^e-?mail/i).first().fill(user.email);
    await phone.getByLabel(/password/i).first().fill(user.password);
    await phone.getByRole('button', { name: /^sign in$/i }).click();
    await phone.getByRole('link', { name: /^account/i }).waitFor({ state: 'attached' });
    await phone.goto('/lab');
    const openPicker = async (p: Page) => {
      await p.getByRole('button', { name: 'Choose a lab…' }).click();
      await p.getByRole('dialog', { name: 'Choose a lab' }).getByRole('searchbox', { name: 'Search scenarios' }).fill('connect my-nginx');
    };
    await openPicker(phone);
    await phone.getByRole('dialog', { name: 'Choose a lab' }).getByRole('button', { name: /my-nginx.*done/ }).first().waitFor();
    await screenshot(phone, 'i14-lab-ticks-account', openPicker);
  }, 180000);
});
