/**
 * Lab journeys (issues 7 and 14): free play with a live diagram that survives a reload; the
 * scenario picker (grouped, searchable, done ticks) that keeps the free-play lab instead of
 * wiping it; a guided scenario solved and checked; a three-node swarm free play filled with 12
 * containers whose diagram stays readable on a desktop and a phone; node switching; and
 * non-docker commands answered with what the lab simulates. axe must find nothing at all.
 */
import type { Page } from 'playwright-core';
import { describeApp, DESKTOP, PHONE, runAxe, screenshot, showInTheme, VIEWPORTS } from './helpers';
import { findQuestion, terminalText, typeInTerminal, waitForTerminalText } from './quiz-helpers';
import { BUSY_LAB } from './fixtures/busy-lab';

const TERM = 'Lab terminal';

/** axe in both themes, failing on any violation (minor ones included). */
async function axeClean(page: Page, context: string, prepare?: (p: Page) => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await showInTheme(page, theme, prepare);
    const rest = await runAxe(page, `${context} (${theme})`);
    expect(rest.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
  await showInTheme(page, 'system', prepare);
}

/** Nothing on the page is wider than the window (labels wrap instead of scrolling away). */
async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

const diagram = (page: Page) => page.getByRole('region', { name: 'Network state' });
const lane = (page: Page, node: string) => diagram(page).getByRole('region', { name: node, exact: true });
const picker = (page: Page) => page.getByRole('dialog', { name: 'Choose a lab' });

async function openPicker(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Choose a lab…' }).click();
  await picker(page).waitFor();
}

describeApp('command lab', 'lab', (app) => {
  const connect = findQuestion('connect task', (q) => q.type === 'command' && !!q.command?.solutions.some((s) => s.join(' ') === 'docker network connect my-net my-nginx'));
  const swarm = findQuestion('swarm task', (q) => q.type === 'command' && (q.command?.nodes?.length ?? 0) > 1);

  it('runs commands in free play, draws them live, says what the lab simulates, and keeps it across a reload', async () => {
    const page = await app.newPage();
    await page.goto('/lab');
    await typeInTerminal(page, TERM, [
      'docker network create --subnet 10.20.0.0/24 demo',
      'docker run -d --name web --network demo -p 8080:80 nginx',
      'docker network ls --format "{{.Name}}" | grep demo',
      'dcoker ps',
      'ls',
    ]);
    const host = lane(page, 'host');
    await host.getByText('10.20.0.0/24').waitFor();
    await host.getByText('10.20.0.2').waitFor();
    await host.getByText('8080→80').waitFor();
    const text = await terminalText(page, TERM);
    expect(text).toMatch(/^demo$/m);
    expect(text).toMatch(/dcoker: command not found/);
    expect(text).toMatch(/Did you mean docker\?/);
    expect(text).toMatch(/ls: command not found/);
    expect(text).toMatch(/This lab simulates a Docker engine/);

    await page.reload();
    await lane(page, 'host').getByText('10.20.0.2').waitFor();
    expect(await waitForTerminalText(page, TERM, /Restored the lab/)).toMatch(/Restored the lab/);
    const ready = async (p: Page) => {
      await lane(p, 'host').getByText('10.20.0.2').waitFor();
    };
    await axeClean(page, 'lab (free play)', ready);
    await screenshot(page, 'lab', ready);
  });

  it('picks a scenario from the grouped, searchable picker without wiping free play, solves it, and ticks it done', async () => {
    const page = await app.newPage();
    await page.goto('/lab');
    await typeInTerminal(page, TERM, ['docker network create keepme']);
    await lane(page, 'host').getByText('keepme').waitFor();

    await openPicker(page);
    const dialog = picker(page);
    // Grouped by deck, every prompt whole (no "…"), with a done count per group.
    expect(await dialog.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(3);
    expect(await dialog.getByText(/\d+ of \d+ done/).count()).toBeGreaterThan(3);
    expect(await dialog.getByText('…').count()).toBe(0);
    await dialog.getByRole('searchbox', { name: 'Search scenarios' }).fill('connect my-nginx');
    await dialog.getByText(/^\d+ of \d+ scenarios match$/).waitFor();
    const item = dialog.getByRole('button', { name: /my-nginx/ }).first();
    await axeClean(page, 'lab scenario picker', async (p) => {
      await openPicker(p);
      await picker(p).getByRole('searchbox', { name: 'Search scenarios' }).fill('connect my-nginx');
    });
    await screenshot(page, 'lab-picker', async (p) => {
      await openPicker(p);
      await picker(p).getByRole('searchbox', { name: 'Search scenarios' }).fill('connect my-nginx');
    });
    // The screenshot helper leaves the picker open with the search typed (its prepare step).
    await item.click();
    await page.waitForURL(/scenario=/);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe(connect.id);
    await page.getByRole('heading', { name: 'Task' }).waitFor();
    expect(await terminalText(page, TERM)).toMatch(/lab is kept/);

    // The setup ran: my-nginx exists, on the default bridge only.
    await lane(page, 'host').getByText('my-nginx').waitFor();
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.getByText('Not yet.').waitFor();
    await typeInTerminal(page, TERM, ['docker network connect my-net my-nginx']);
    await lane(page, 'host').getByRole('list', { name: 'Networks of my-nginx' }).getByText('my-net').waitFor();
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.getByText(/^Correct/).waitFor();
    await screenshot(page, 'lab-scenario', async (p) => {
      await p.getByRole('button', { name: 'Check my work' }).click();
      await p.getByText(/^Correct/).waitFor();
    });

    // Done tick in the picker, then back to free play: the network made before is still there.
    await openPicker(page);
    await picker(page).getByRole('searchbox', { name: 'Search scenarios' }).fill('connect my-nginx');
    await picker(page).getByRole('button', { name: /my-nginx.*done/ }).first().waitFor();
    await picker(page).getByText(/^[1-9]\d* of \d+ done$/).first().waitFor();
    await picker(page).getByRole('button', { name: /^One host/ }).click();
    await lane(page, 'host').getByText('keepme').waitFor();
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
  });

  it('fills a three-node swarm free play with 12 containers and keeps the diagram readable on a desktop and a phone', async () => {
    const page = await app.newPage();
    await page.goto('/lab');
    await openPicker(page);
    await picker(page).getByRole('button', { name: /^Swarm of three nodes/ }).click();
    await lane(page, 'worker2').waitFor();
    expect(await page.getByRole('radiogroup', { name: 'Node' }).getByRole('radio').allInnerTexts()).toEqual(['manager1', 'worker1', 'worker2']);
    let on = 'manager1';
    for (const [node, line] of BUSY_LAB.slice(3)) {
      if (node !== on) {
        await page.getByRole('radiogroup', { name: 'Node' }).getByRole('radio', { name: node }).click();
        on = node;
      }
      await typeInTerminal(page, TERM, [line]);
    }
    const ready = async (p: Page) => {
      await diagram(p).getByText('12 containers').waitFor();
    };
    await ready(page);
    // Nodes as lanes, services with their tasks, ingress on the routing mesh, host-mode ports per task.
    for (const n of ['manager1', 'worker1', 'worker2']) await lane(page, n).getByRole('heading', { name: 'Service metrics' }).waitFor();
    await diagram(page).getByRole('region', { name: /Routing mesh/ }).getByText(':8080').waitFor();
    await diagram(page).getByText('3/3 running').waitFor();
    expect(await lane(page, 'worker1').getByText('9100→9100').count()).toBe(1);
    expect(await lane(page, 'worker1').getByText('5432→5432').count()).toBe(1);
    expect(await lane(page, 'manager1').getByText('web.1', { exact: true }).count()).toBe(1);
    // docker_gwbridge has endpoints: each overlay-attached task and each node's ingress-sbox.
    for (const n of ['manager1', 'worker1', 'worker2']) {
      const sbox = lane(page, n).getByRole('list', { name: 'Networks of ingress-sbox' });
      expect(await sbox.getByText('docker_gwbridge').count()).toBe(1);
      expect(await sbox.getByText('ingress', { exact: true }).count()).toBe(1);
    }
    expect(await lane(page, 'manager1').getByRole('list', { name: 'Networks of web.1' }).getByText('docker_gwbridge').count()).toBe(1);
    // Switch the terminal from the diagram.
    await lane(page, 'manager1').getByRole('button', { name: 'Use the terminal on manager1' }).click();
    await lane(page, 'manager1').getByText('terminal here').waitFor();

    for (const [, vp] of VIEWPORTS) {
      await page.setViewportSize(vp);
      await ready(page);
      await noSidewaysScroll(page);
      // Every lane's name and every network label is on screen width (nothing clipped sideways).
      const boxes = await diagram(page).locator('strong, code').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      expect(Math.max(...boxes)).toBeLessThanOrEqual(vp.width);
    }
    await page.setViewportSize(DESKTOP);
    await axeClean(page, 'lab (busy swarm)', ready);
    await screenshot(page, 'lab-swarm-busy', ready);
  });

  it('switches nodes in a swarm scenario', async () => {
    const page = await app.newPage();
    await page.goto(`/lab?scenario=${encodeURIComponent(swarm.id)}`);
    const nodes = page.getByRole('radiogroup', { name: 'Node' });
    await nodes.waitFor();
    expect(await nodes.getByRole('radio').allInnerTexts()).toEqual(swarm.command!.nodes);
    const second = swarm.command!.nodes![1];
    await nodes.getByRole('radio', { name: second }).click();
    await lane(page, second).getByText('terminal here').waitFor();
    await typeInTerminal(page, TERM, ['docker info --format "{{.Swarm.LocalNodeState}}"']);
    expect(await terminalText(page, TERM)).toContain(`${second}$`);
  });

  it('works on a phone: picker, search and a scenario', async () => {
    const page = await app.newPage({ viewport: PHONE });
    await page.goto('/lab');
    await openPicker(page);
    await picker(page).getByRole('searchbox', { name: 'Search scenarios' }).fill('overlay');
    await picker(page).getByText(/scenarios match$/).waitFor();
    await noSidewaysScroll(page);
    await picker(page).getByRole('button', { name: /overlay/i }).first().click();
    await page.getByRole('heading', { name: 'Task' }).waitFor();
    await noSidewaysScroll(page);
  });
});
