import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from './built';

/** Where every screen's screenshots go, at both sizes, for people to look at. */
export const SCREENS_DIR = path.join(projectRoot, 'test-results', 'screens');

export const SCREEN_SIZES = [
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
] as const;

export interface ScreenReport {
  /** axe-core's violations (rule id: the first offending element), expected to be none. */
  violations: string[];
  /** The text of the focused element when it is the screen's h1; null when focus is elsewhere. */
  focusedHeading: string | null;
  /** Elements wider than the window or outside it sideways, at each size ("800x600: button 'Start'"). */
  cutOff: string[];
}

/** The focused element, when it is an h1 (the screen's heading). */
export const focusedHeading = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.tagName === 'H1' ? (active.textContent ?? '').trim() : null;
  });

async function cutOffAt(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('button, a, input, select, h1, h2, p, label, video'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -1 || box.right > width + 1)
        out.push(`${element.tagName.toLowerCase()} '${(element.textContent ?? '').trim().slice(0, 40)}'`);
    }
    return out;
  });
  return found.map((item) => `${label}: ${item}`);
}

/**
 * One screen as a candidate meets it: axe-core's rules, where the focus is, and screenshots at 800×600 and
 * 1920×1080 (`test-results/screens/<name>-<w>x<h>.png`) checked for anything cut off sideways. The viewport is
 * put back afterwards.
 */
export async function checkScreen(page: Page, name: string): Promise<ScreenReport> {
  const heading = await focusedHeading(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''} (${v.help})`);
  const original = page.viewportSize();
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const cutOff: string[] = [];
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    const label = `${size.width}x${size.height}`;
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${label}.png`) });
    cutOff.push(...(await cutOffAt(page, label)));
  }
  if (original) await page.setViewportSize(original);
  return { violations, focusedHeading: heading, cutOff };
}
