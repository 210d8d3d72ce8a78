/**
 * Issue 16 (h16p): a learner in the browser terminal, typing as people type, on a desktop and on a
 * phone (soft keyboard: text arrives as input events, not key presses). Slips fixed with Backspace,
 * a history recall edited mid-line, Ctrl-C on a half-typed line, Tab completion, a command continued
 * with a trailing backslash, a multi-line paste (with a tab in it), a network ID copied from
 * `docker network ls` and pasted, and a reload mid-task. The verdicts: another layout of the asked
 * table is accepted, a missing column refused with the column named; the pasted-ID connect accepted.
 */
import type { Page } from 'playwright-core';
import { describeApp, VIEWPORTS } from './helpers';
import { findQuestion, terminalText } from './quiz-helpers';

const TERM = 'Lab terminal';

/** Type text as a person does: key by key on a desktop, soft-keyboard input (insertText) on a phone. */
async function typeText(page: Page, text: string, phone: boolean): Promise<void> {
  if (phone) for (const ch of text) await page.keyboard.insertText(ch);
  else await page.keyboard.type(text, { delay: 5 });
}

/** Paste text into the xterm as the browser does (a paste event on its textarea). */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('group', { name: TERM }).locator('textarea').evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Wait until the terminal's rendered rows (one line each) match `pattern` (may use ^ and $ per line).
 * @returns the rows' text
 */
async function waitForTerminalText(page: Page, _label: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = await terminalText(page, TERM);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`the terminal never showed ${pattern}; it shows:\n${text}`);
}

async function focusTerminal(page: Page): Promise<void> {
  const screen = page.getByRole('group', { name: TERM }).locator('.xterm-screen');
  await screen.waitFor({ state: 'visible' });
  await screen.click();
}

const feedback = (page: Page) => page.getByRole('status').last();
async function checkWork(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Check my work' }).click();
  const box = feedback(page).locator('strong');
  await box.waitFor();
  return (await feedback(page).innerText()).trim();
}

describeApp('a learner in the browser terminal', 'term16', (app) => {
  const drivers = findQuestion('networks-and-drivers task', (q) => q.type === 'command' && q.prompt.startsWith('List all Docker networks and their drivers'));
  const connect = findQuestion('connect task', (q) => q.type === 'command' && !!q.command?.solutions.some((s) => s.join(' ') === 'docker network connect my-net my-nginx'));

  for (const [vpName, viewport] of VIEWPORTS) {
    const phone = vpName === 'phone';

    it(`${vpName}: slips, history, Ctrl-C, Tab, a continued line and a multi-line paste; verdicts as shown`, async () => {
      const page = await app.newPage({ viewport });
      await page.goto(`/lab?scenario=${encodeURIComponent(drivers.id)}`);
      await page.getByRole('heading', { name: 'Task' }).waitFor();
      await focusTerminal(page);

      // a typo fixed with Backspace, Tab completes the subcommand
      await typeText(page, 'docker netwr', phone);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await typeText(page, 'wo', phone);
      await page.keyboard.press('Tab');
      await typeText(page, "ls --format '{{.Name}}'", phone);
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /^none\s*$/m);
      let verdict = await checkWork(page);
      expect(verdict).toMatch(/^Not yet\./);
      expect(verdict).toMatch(/your output lacks the DRIVER column/);

      // history recall, edited mid-line: the cursor goes left past the closing quote
      await focusTerminal(page);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await typeText(page, ' {{.Driver}}', phone);
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /^none null\s*$/m);
      verdict = await checkWork(page);
      expect(verdict).toMatch(/^Correct — a command printed what the task asks for/);

      // Ctrl-C drops a half-typed line (nothing runs); Ctrl-L clears the screen
      await focusTerminal(page);
      await typeText(page, 'docker network rm brid', phone);
      await page.keyboard.press('Control+C');
      await page.keyboard.press('Control+L');
      await typeText(page, 'docker network ls -q | wc -l', phone);
      await page.keyboard.press('Home');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /^3\s*$/m);
      expect(await terminalText(page, TERM)).not.toMatch(/Error|bridge is a pre-defined network/);

      // a trailing backslash continues the command on a "> " line, as in bash
      await typeText(page, 'docker network ls \\', phone);
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /^> /m);
      await typeText(page, "  --format '{{.Driver}}={{.Name}}'", phone);
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /^null=none\s*$/m);

      // a multi-line command pasted from notes: continued lines, a tab inside, one run
      await paste(page, "docker network ls \\\n\t--format 'table {{.Name}}\\t{{.Driver}}'\n");
      await waitForTerminalText(page, TERM, /^NAME\s+DRIVER\s*$/m);
      expect(await terminalText(page, TERM)).not.toMatch(/unknown flag|requires|command not found/);

      // reload mid-task: the lab and the session are restored, the verdict stays
      await page.reload();
      await waitForTerminalText(page, TERM, /Restored the lab/);
      verdict = await checkWork(page);
      expect(verdict).toMatch(/^Correct/);
    });

    it(`${vpName}: a network ID copied from docker network ls, pasted short, connects the container`, async () => {
      const page = await app.newPage({ viewport });
      await page.goto(`/lab?scenario=${encodeURIComponent(connect.id)}`);
      await page.getByRole('heading', { name: 'Task' }).waitFor();
      await focusTerminal(page);
      await typeText(page, 'docker network ls -f name=my-net', phone);
      await page.keyboard.press('Enter');
      const text = await waitForTerminalText(page, TERM, /^[0-9a-f]{12}\s+my-net\s/m);
      const id = /^([0-9a-f]{12})\s+my-net\s/m.exec(text)![1];
      // a wrong try first (uppercase slip), then the fix with the pasted ID
      await typeText(page, 'Docker network connect ', phone);
      await paste(page, id.slice(0, 4));
      await typeText(page, ' my-nginx', phone);
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, TERM, /Docker: command not found/);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Home');
      await page.keyboard.press('Delete');
      await typeText(page, 'd', phone);
      await page.keyboard.press('Enter');
      const verdict = await checkWork(page);
      expect(verdict).toMatch(/^Correct — the engine ended up in the expected state/);
      expect(verdict).toMatch(/Note: `Docker network connect .* my-nginx` failed/);
    });
  }
});
