import type { Page } from 'playwright-core';

/**
 * What Chromium does to a hidden or minimised page, applied to a page Playwright keeps "visible" in every mode
 * (headless, or headed under Xvfb with other tabs or a minimised window — all tried): visibilityState becomes
 * "hidden" with its event, requestAnimationFrame stops, and timers are clamped to at least one second. Capture
 * that depended on rAF or timers would collapse under it.
 */
export async function emulateHiddenPage(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    const w = window as unknown as { __irecVisible?: { raf: typeof requestAnimationFrame; st: typeof setTimeout; si: typeof setInterval } };
    if (hide) {
      w.__irecVisible = { raf: window.requestAnimationFrame, st: window.setTimeout, si: window.setInterval };
      const { st, si } = w.__irecVisible;
      window.requestAnimationFrame = () => 0;
      window.setTimeout = ((fn: TimerHandler, ms = 0, ...args: unknown[]) => st(fn, Math.max(1000, ms), ...args)) as typeof setTimeout;
      window.setInterval = ((fn: TimerHandler, ms = 0, ...args: unknown[]) => si(fn, Math.max(1000, ms), ...args)) as typeof setInterval;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    } else if (w.__irecVisible) {
      window.requestAnimationFrame = w.__irecVisible.raf;
      window.setTimeout = w.__irecVisible.st;
      window.setInterval = w.__irecVisible.si;
      delete (document as unknown as Record<string, unknown>).visibilityState;
      delete (document as unknown as Record<string, unknown>).hidden;
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
