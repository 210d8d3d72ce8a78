import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { showInTheme } from './theme';

interface AxeViolation {
  id: string;
  impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let axeSource: string | undefined;

/**
 * Run axe-core on the page (injected from node_modules, no network) and throw when it finds
 * serious or critical violations, listing each rule and the elements it matched. Checks the
 * page as shown; call it once per theme you care about. Returns the minor/moderate ones.
 */
export async function runAxe(page: Page, context = 'page'): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map(
      (v) => `- [${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    at ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').join(' ') ?? ''}`).join('\n'),
    );
    throw new Error(`axe found ${bad.length} serious/critical violation(s) on ${context} (${page.url()}):\n${lines.join('\n')}`);
  }
  return violations;
}

/**
 * runAxe in the light and the dark theme (colour contrast differs between them). Reloads the
 * page per theme (see showInTheme); `prepare` restores the state under test after each reload.
 * Leaves the page in the system theme.
 */
export async function runAxeBothThemes(page: Page, context = 'page', prepare?: (page: Page) => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await showInTheme(page, theme, prepare);
    await runAxe(page, `${context} (${theme})`);
  }
  await showInTheme(page, 'system', prepare);
}
