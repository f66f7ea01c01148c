import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../src/core/platform/runtimes';

/** The flags this closed network needs (no sandbox as root, no GPU, nothing fetched from Google). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Debian's Chromium, headless, with those flags and fake camera/mic devices. Playwright starts it as the leader
 * of its own process group and kills that group on `close()` and when this process exits, so Chromium's helper
 * processes never outlive a test (`launchChromiumGroup` is for tests that kill the browser themselves).
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run `npm run setup` (installs Debian's chromium) or set CHROMIUM_PATH.");
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, ...(extraArgs.length ? extraArgs : ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])],
  });
}
