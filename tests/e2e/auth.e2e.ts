/**
 * Accounts in a real browser (issue 6): a guest's answers survive signing up, field errors,
 * change password, sign out, the generic sign-in error, sign in again, delete the account —
 * all under the app's Content-Security-Policy (any violation fails the test).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSWORD_RULE, SIGN_IN_FAILED } from '@/lib/auth/schema';
import { GUEST_STORAGE_KEY } from '@/components/auth/guest-session';
import { describeApp, newAccount, runAxe } from './helpers';

const BANK = path.join(__dirname, '..', '..', 'generated', 'bank.json');

/** Collect CSP violations and page errors; the flow must produce none. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

describeApp('accounts in the browser', 'auth', (app) => {
  it('sign up (keeping guest answers) -> change password -> sign out -> sign in -> delete account', async () => {
    const page = await app.newPage();
    const problems = watch(page);
    const account = newAccount('auth');
    const bank = JSON.parse(fs.readFileSync(BANK, 'utf8')) as { questions: { id: string }[] };
    const [q1, q2] = bank.questions.map((q) => q.id);

    // A guest answers two questions (as the study pages record them).
    await page.goto('/');
    const guest = {
      guestId: '0b7d1f3c-5a2e-4c11-9f00-123456789abc',
      answers: [
        { questionId: q1, outcome: { correct: true }, durationMs: 4000, source: 'quiz', answeredAt: new Date(Date.now() - 60_000).toISOString() },
        { questionId: q2, rating: 1, durationMs: 3000, source: 'flashcard', answeredAt: new Date(Date.now() - 30_000).toISOString() },
      ],
    };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [GUEST_STORAGE_KEY, JSON.stringify(guest)] as const);

    // Sign-up form: field-level errors first.
    await page.goto('/signup');
    await runAxe(page, 'sign-up');
    await fill(page, { Email: 'not-an-email', Password: 'short', 'Repeat the password': 'short' });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter a valid email address, like name@example.com.').waitFor();
    await page.getByText(PASSWORD_RULE, { exact: true }).last().waitFor();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await fill(page, { 'Name (optional)': account.name, Email: account.email, Password: account.password, 'Repeat the password': account.password });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${app.url}/`);

    // The guest's answers now belong to the account, and the browser forgot them.
    const user = await app.database.db.user.findUniqueOrThrow({ where: { email: account.email } });
    const logs = await app.database.db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: 'asc' } });
    expect(logs.map((l) => l.questionId)).toEqual([q1, q2]);
    expect(await page.evaluate((k) => localStorage.getItem(k), GUEST_STORAGE_KEY)).toBeNull();

    // Account page.
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await page.getByText(`Signed in as ${account.email}`).count()).toBe(1);
    await runAxe(page, 'account');

    // Change password; this browser stays signed in.
    const newPassword = `${account.password}-2`;
    await fill(page, { 'Current password': account.password, 'New password': newPassword, 'Repeat the new password': newPassword });
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();

    // Sign out, and /account sends us to sign-in.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${app.url}/`);
    await page.goto('/account');
    await page.waitForURL(/\/signin\?callbackUrl=%2Faccount$/);
    await runAxe(page, 'sign-in');

    // The old password and a wrong one get the one generic message; the new one signs in and returns to /account.
    await fill(page, { Email: account.email, Password: account.password });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: SIGN_IN_FAILED }).waitFor();
    await fill(page, { Email: account.email, Password: newPassword });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}/account`);

    // Delete the account: the wrong confirmation is refused, the email deletes everything.
    await page.getByLabel(/^Type your email/).fill('someone@else.test');
    await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type your email address exactly as shown to confirm.' }).waitFor();
    await page.getByLabel(/^Type your email/).fill(account.email);
    await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
    await page.waitForURL(`${app.url}/?account=deleted`);
    expect(await app.database.db.user.count({ where: { email: account.email } })).toBe(0);
    expect(await app.database.db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    await page.goto('/account');
    await page.waitForURL(/\/signin/);

    expect(problems).toEqual([]);
  }, 120000);
});
