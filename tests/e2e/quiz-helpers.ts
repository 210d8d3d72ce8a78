/** Helpers for the quiz, lab and exam journeys: the compiled bank, and typing into an xterm. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Bank, Question } from '@/server/banks';

let bank: Bank | undefined;

/** The bank the server under test serves (global setup compiles it). */
export function readBank(): Bank {
  bank ??= JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'generated', 'bank.json'), 'utf8')) as Bank;
  return bank;
}

/** The first question matching `pred`; fails the test with `what` when the bank has none. */
export function findQuestion(what: string, pred: (q: Question) => boolean): Question {
  const q = readBank().questions.find(pred);
  if (!q) throw new Error(`the bank has no ${what}`);
  return q;
}

/** Wait for the terminal labelled `label` to start, focus it, and type each line followed by Enter. */
export async function typeInTerminal(page: Page, label: string, lines: string[]): Promise<void> {
  const term = page.getByRole('group', { name: label });
  await term.locator('.xterm-screen').waitFor({ state: 'visible' });
  await term.locator('.xterm-screen').click();
  for (const line of lines) {
    await page.keyboard.type(line, { delay: 2 });
    await page.keyboard.press('Enter');
  }
}

/** The visible text of the terminal labelled `label` (xterm's rendered rows). */
export async function terminalText(page: Page, label: string): Promise<string> {
  return page.getByRole('group', { name: label }).locator('.xterm-rows').innerText();
}

/** Wait until the terminal labelled `label` shows text matching `pattern` (xterm writes after the page is drawn). */
export async function waitForTerminalText(page: Page, label: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const rows = page.getByRole('group', { name: label }).locator('.xterm-rows');
  await rows.filter({ hasText: pattern }).waitFor({ timeout: timeoutMs });
  return rows.innerText();
}

/** The exam runner is idle (no answer being saved). */
export const examIdle = (page: Page) => page.locator('section[aria-busy="false"]').waitFor();

/** Start a short practice exam from /exam: the start asks first and says what the exam is like. */
export async function startShortExam(page: Page, label = 'Start 10 questions'): Promise<void> {
  await page.goto('/exam');
  await page.getByRole('button', { name: label }).click();
  const confirm = page.getByTestId('exam-start-confirm');
  await confirm.waitFor();
  const text = await confirm.innerText();
  expect(text).toMatch(/10 questions in \d+ minutes/);
  expect(text).toMatch(/DOMC/);
  expect(page.url()).toMatch(/\/exam$/); // nothing started yet
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.waitForURL(/\/exam\/[^/]+$/);
  await examIdle(page);
}

/** Submit the running exam (asked first) and wait for its result page. */
export async function submitExam(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Submit and see my score' }).click();
  await page.waitForURL(/\/result$/);
}
