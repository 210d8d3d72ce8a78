import type { Page } from 'playwright-core';
import type { E2EApp } from './app';

/** NEXTAUTH_SECRET the e2e servers run with, so tests can mint session cookies. */
export const E2E_SECRET = 'e2e-secret-for-tests-only-0123456789abcdef';

let counter = 0;

export interface TestAccount {
  email: string;
  password: string;
  name: string;
}

/** A unique, valid account for one test. */
export function newAccount(label = 'learner'): TestAccount {
  counter += 1;
  return {
    email: `${label}-${process.pid}-${counter}@example.test`,
    password: `Correct-Horse-${process.pid}-${counter}!`,
    name: `Test ${label.charAt(0).toUpperCase()}${label.slice(1)}`,
  };
}

/**
 * Sign up through the real /signup form and wait until the app shows the learner as signed in
 * (the account link in the header). Returns the account used.
 */
export async function signUp(page: Page, account: TestAccount = newAccount()): Promise<TestAccount> {
  await page.goto('/signup');
  const name = page.getByLabel(/^name/i);
  if (await name.count()) await name.first().fill(account.name);
  await page.getByLabel(/^e-?mail/i).first().fill(account.email);
  const passwords = page.getByLabel(/password/i);
  const n = await passwords.count();
  for (let i = 0; i < n; i++) await passwords.nth(i).fill(account.password);
  await page.getByRole('button', { name: /sign up|create account/i }).click();
  await page.getByRole('link', { name: /^account/i }).waitFor({ state: 'visible', timeout: 30000 });
  return account;
}

/** The database id of the account with this e-mail (after signUp). */
export async function userIdOf(app: E2EApp, email: string): Promise<string> {
  const user = await app.database.db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** Sign up through the real form and return the new learner's id too. */
export async function signUpLearner(page: Page, app: E2EApp, account: TestAccount = newAccount()): Promise<{ id: string } & TestAccount> {
  await signUp(page, account);
  return { id: await userIdOf(app, account.email), ...account };
}
