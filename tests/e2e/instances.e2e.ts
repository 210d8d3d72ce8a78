/**
 * Two instances, one database (issue 15, the scale-out path): two `next start` servers share a
 * throwaway PostgreSQL and one NEXTAUTH_SECRET, as behind a load balancer. A learner signed in on
 * one is signed in on the other; sign-in throttling counts failures made on either; an exam
 * started on one resumes on the other, where it is answered and submitted.
 * (Browser cookies are per host, not per port, so one browser context talks to both.)
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMigratedDatabase, startPostgres, type PostgresServer } from '../../scripts/test-postgres';
import { attemptSignIn, createTestUser, TEST_PASSWORD } from '../helpers/auth';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { createPrismaClient, type Db } from '@/server/db';
import { SIGN_IN_FAILED } from '@/lib/auth/schema';
import { DESKTOP, E2E_SECRET, launchBrowser, signUp } from './helpers';

describe('two instances on one PostgreSQL', () => {
  let pg: PostgresServer;
  let db: Db;
  let a: RunningServer;
  let b: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    const url = await createMigratedDatabase(pg.adminUrl, 'netprep_instances');
    db = createPrismaClient(url);
    const env = { DATABASE_URL: url, NEXTAUTH_SECRET: E2E_SECRET };
    [a, b] = await Promise.all([startServer(env, 90000), startServer(env, 90000)]);
    browser = await launchBrowser();
  }, 180000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.$disconnect();
    pg?.stop();
  });

  async function newPage(baseURL: string): Promise<Page> {
    const context = await browser.newContext({ baseURL, viewport: DESKTOP, reducedMotion: 'reduce' });
    contexts.push(context);
    context.setDefaultTimeout(20000);
    context.setDefaultNavigationTimeout(45000);
    return context.newPage();
  }

  it('a session made on one instance is valid on the other', async () => {
    const page = await newPage(a.url);
    const account = await signUp(page);
    await page.goto(`${b.url}/account`);
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByText(account.email).first().waitFor();
    // And the API on the other instance knows the learner too.
    const res = await page.request.get(`${b.url}/api/reviews?limit=1`);
    expect(res.status()).toBe(200);
  });

  it('sign-in throttling counts the failures made on either instance', async () => {
    await createTestUser(db, 'split@example.test');
    for (let i = 0; i < 5; i++) {
      const target = i % 2 === 0 ? a : b;
      const r = await attemptSignIn(target.url, 'split@example.test', `Wrong password ${i}`, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(r.error).toBe(SIGN_IN_FAILED);
    }
    for (const target of [a, b]) {
      const blocked = await attemptSignIn(target.url, 'split@example.test', TEST_PASSWORD, { headers: { 'x-forwarded-for': '198.51.100.77' } });
      expect(blocked.error).toMatch(/^Too many failed sign-in attempts/);
      expect(blocked.session.jar.sessionToken()).toBeUndefined();
    }
  });

  it('an exam started on one instance resumes and is submitted on the other', async () => {
    const page = await newPage(a.url);
    await signUp(page);
    const idle = () => page.locator('section[aria-busy="false"]').waitFor();
    const answerCurrent = async () => {
      await idle();
      for (let k = 0; k < 10; k++) {
        const yes = page.getByRole('button', { name: /^Yes/ });
        if ((await yes.count()) === 0) break;
        await (k === 0 ? page.getByRole('button', { name: /^No/ }) : yes).click();
        await idle();
      }
      const choices = page.locator('fieldset input');
      if ((await choices.count()) > 0) {
        await choices.first().check();
        await page.getByText('Answer saved').waitFor();
      }
    };

    // On A: start a short exam and answer two questions.
    await page.goto('/exam');
    await page.getByRole('button', { name: 'Start 10 questions' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(/\/exam\/[^/]+$/);
    const attempt = new URL(page.url()).pathname;
    for (let i = 0; i < 2; i++) {
      await answerCurrent();
      await page.getByRole('button', { name: /^Next question/ }).click();
      await idle();
    }

    // On B: the same attempt, where it was left.
    await page.goto(`${b.url}${attempt}`);
    await idle();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/Question 3\s+of 10/);
    await page.getByText(/2\s+of 10 answered/).waitFor();
    for (let i = 2; i < 10; i++) {
      await page.getByRole('button', { name: new RegExp(`^Question ${i + 1},`) }).click();
      await idle();
      await answerCurrent();
    }
    await page.getByText(/10\s+of 10 answered/).waitFor();
    await page.getByRole('button', { name: 'Submit exam' }).click();
    await page.getByRole('button', { name: 'Submit and see my score' }).click();
    await page.waitForURL(/\/result$/);
    expect(new URL(page.url()).port).toBe(String(b.port));
    await page.getByRole('heading', { name: /^(Passed|Not passed yet)$/ }).waitFor();

    // A sees the submitted attempt: its page leads to the result.
    await page.goto(`${a.url}${attempt}`);
    await page.waitForURL(/\/result$/);
    const stored = await db.examAttempt.findMany({ where: { submittedAt: { not: null } } });
    expect(stored).toHaveLength(1);
  });
});
