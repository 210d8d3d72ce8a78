/**
 * Swarm scenario done as a person does it (issue 11): read the join token from the terminal's
 * screen on the manager, switch to each worker and type the join command with the keyboard (Tab
 * completing the subcommand), look at `docker node ls`, press Ctrl+Enter, and get "Correct".
 */
import { describeApp } from './helpers';
import { findQuestion, terminalText, typeInTerminal } from './quiz-helpers';

/** Wait until the terminal's screen shows `re`; the screen's text. */
async function screenShows(page: import('playwright-core').Page, re: RegExp): Promise<string> {
  for (let i = 0; ; i++) {
    const text = await terminalText(page, 'Lab terminal');
    if (re.test(text)) return text;
    if (i > 100) throw new Error(`the terminal never showed ${re}:\n${text}`);
    await page.waitForTimeout(100);
  }
}

describeApp('lab swarm journey', 'lab-swarm', (app) => {
  const join = findQuestion(
    'swarm join task',
    (q) =>
      q.type === 'command' &&
      (q.command?.nodes ?? []).join(',') === 'manager1,worker1,worker2' &&
      q.command!.setup.join('\n') === 'docker swarm init --advertise-addr 10.0.0.11' &&
      q.command!.solutions.every((s) => s.some((l) => l.includes('swarm join'))),
  );

  it('joins both workers with the token read from the screen and gets Correct', async () => {
    const page = await app.newPage();
    await page.goto(`/lab?scenario=${encodeURIComponent(join.id)}`);
    await page.getByRole('heading', { name: 'Task' }).waitFor();
    const nodes = page.getByRole('radiogroup', { name: 'Node' });

    // Exploration and a typo first, then the token on the manager.
    await typeInTerminal(page, 'Lab terminal', ['docker node ls', 'docker swarm join-tokn worker', 'docker swarm join-token worker']);
    const screen = await screenShows(page, /SWMTKN-1-\S+ 10\.0\.0\.11:2377/);
    const m = /docker swarm join --token (SWMTKN-1-[0-9a-z-]+) (10\.0\.0\.11:2377)/.exec(screen);
    expect(m).not.toBeNull();
    const [, token, addr] = m!;

    for (const worker of ['worker1', 'worker2']) {
      await nodes.getByRole('radio', { name: worker }).click();
      const term = page.getByRole('group', { name: 'Lab terminal' });
      await term.locator('.xterm-screen').click();
      // "docker sw" + Tab completes to "docker swarm ", then the rest is typed by hand.
      await page.keyboard.type('docker sw', { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.type(`join --token ${token} ${addr}`, { delay: 5 });
      await page.keyboard.press('Enter');
      await screenShows(page, new RegExp(`${worker}\\$ docker swarm join --token SWMTKN[^\\n]*\\n+This node joined a swarm as a worker\\.`));
    }

    await nodes.getByRole('radio', { name: 'manager1' }).click();
    await typeInTerminal(page, 'Lab terminal', ['docker node ls']);
    const after = await screenShows(page, /worker2\s+Ready/);
    expect(after.match(/\$ docker swarm join --token SWMTKN/g)?.length).toBe(2);

    await page.keyboard.press('Control+Enter');
    const status = page.getByRole('status').filter({ hasText: /Correct/ });
    await status.waitFor();
    // the typo is only a note, never the reason
    expect(await status.innerText()).toMatch(/Note: `docker swarm join-tokn worker` failed/);
  });
});
