/**
 * Lab journey (issue 7): free play with a live diagram, a guided scenario solved and checked,
 * the lab surviving a reload, and node switching in a swarm scenario.
 */
import { runAxeBothThemes, screenshot, startApp, type E2EApp } from './helpers';
import { findQuestion, terminalText, typeInTerminal } from './quiz-helpers';

describe('command lab', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startApp('lab');
  }, 90000);
  afterAll(async () => {
    await app?.close();
  });

  const connect = findQuestion('connect task', (q) => q.type === 'command' && !!q.command?.solutions.some((s) => s.join(' ') === 'docker network connect my-net my-nginx'));
  const swarm = findQuestion('swarm task', (q) => q.type === 'command' && (q.command?.nodes?.length ?? 0) > 1);
  const containers = (page: import('playwright-core').Page) => page.getByRole('region', { name: 'Containers' });

  it('runs commands in free play and draws the state live, and keeps it across a reload', async () => {
    const page = await app.newPage();
    await page.goto('/lab');
    await typeInTerminal(page, 'Lab terminal', [
      'docker network create --subnet 10.20.0.0/24 demo',
      'docker run -d --name web --network demo -p 8080:80 nginx',
      'docker network ls --format "{{.Name}}" | grep demo',
      'dcoker ps',
    ]);
    await page.getByRole('region', { name: 'Networks' }).getByText('10.20.0.0/24').waitFor();
    await containers(page).getByText('10.20.0.2').waitFor();
    await containers(page).getByText('8080→80').waitFor();
    const text = await terminalText(page, 'Lab terminal');
    expect(text).toMatch(/^demo$/m);
    expect(text).toMatch(/dcoker: command not found/);
    expect(await page.getByRole('img', { name: /Network diagram of host/ }).count()).toBe(1);

    await page.reload();
    await containers(page).getByText('10.20.0.2').waitFor();
    expect(await terminalText(page, 'Lab terminal')).toMatch(/Restored the lab/);
    await runAxeBothThemes(page, 'lab (free play)', async (p) => {
      await containers(p).getByText('10.20.0.2').waitFor();
    });
    await screenshot(page, 'lab', async (p) => {
      await containers(p).getByText('10.20.0.2').waitFor();
    });

    await page.getByRole('button', { name: 'Reset' }).click();
    await containers(page).getByText('None').waitFor();
  });

  it('solves a guided scenario: setup replayed, checked with feedback, then correct', async () => {
    const page = await app.newPage();
    await page.goto(`/lab?scenario=${encodeURIComponent(connect.id)}`);
    await page.getByRole('heading', { name: 'Task' }).waitFor();
    // The setup ran: my-nginx exists, on the default bridge only.
    await containers(page).getByText('my-nginx').waitFor();
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.getByText('Not yet.').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Not yet.' }).locator('li').count()).toBeGreaterThan(0);

    await typeInTerminal(page, 'Lab terminal', ['docker network connect my-net my-nginx']);
    await containers(page).getByText('my-net').waitFor();
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.getByText(/^Correct/).waitFor();
    await runAxeBothThemes(page, 'lab scenario', async (p) => {
      await p.getByRole('button', { name: 'Check my work' }).click();
      await p.getByText(/^Correct/).waitFor();
    });
    await screenshot(page, 'lab-scenario', async (p) => {
      await p.getByRole('button', { name: 'Check my work' }).click();
      await p.getByText(/^Correct/).waitFor();
    });
  });

  it('switches nodes in a swarm scenario', async () => {
    const page = await app.newPage();
    await page.goto(`/lab?scenario=${encodeURIComponent(swarm.id)}`);
    const nodes = page.getByRole('radiogroup', { name: 'Node' });
    await nodes.waitFor();
    expect(await nodes.getByRole('radio').allInnerTexts()).toEqual(swarm.command!.nodes);
    const second = swarm.command!.nodes![1];
    await nodes.getByRole('radio', { name: second }).click();
    await page.getByRole('img', { name: `Network diagram of ${second}` }).waitFor();
    await typeInTerminal(page, 'Lab terminal', ['docker info --format "{{.Swarm.LocalNodeState}}"']);
    expect(await terminalText(page, 'Lab terminal')).toContain(`${second}$`);
  });
});
